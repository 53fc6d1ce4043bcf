/** Alarm texts for stored log rows, whose codes come back as plain strings. */
import { isConditionCode } from '../../../core/alarms/codes';
export { alarmMessage } from '../../../core/alarms/messages';

export function isKnownCode(code: string): boolean {
  return isConditionCode(code);
}

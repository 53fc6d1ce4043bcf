import type { HandlersFor } from '../../ipc/dispatcher';
import { INTENDED_USE } from '../intendedUse';

export function createAppHandlers(info: { version: string; transport: 'electron' | 'web-host'; startedAt: number }): HandlersFor<'app.info'> {
  return {
    'app.info': () => ({ ...info, intendedUse: INTENDED_USE }),
  };
}

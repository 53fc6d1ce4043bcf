/**
 * Why a device link failed, as a closed list of codes: the drivers keep an English text for logs (LinkStatus.detail),
 * the screen and the 'link.lost' alarm say the code in the user's language (core/alarms/messages.ts LINK_FAULT_TEXTS)
 * with its args filled in: the port path, seconds, the OS error name ('ENOENT'); data only, never words.
 */
import { z } from 'zod';
import { TextArgsSchema } from '../text';

export const LINK_FAULTS = [
  // Opening the port (args: path, and errno where the OS said which).
  /** ENOENT, or Windows "File not found": the adapter is unplugged or the path is wrong. */
  'portMissing',
  /** EACCES/EPERM: the app's user may not open it. */
  'portDenied',
  /** EBUSY, the port's lock held, or Windows "Access denied" (another program has the COM port). */
  'portBusy',
  /** Any other refusal at open (the English OS text stays in the log). */
  'portOpenFailed',
  // An open port lost.
  /** The line hung up: device off, cable pulled, adapter unplugged. */
  'deviceDisconnected',
  /** The port closed without saying why. */
  'portClosed',
  /** The port reported an error while open. */
  'portError',
  /** Bytes for the device (a request, a poll) could not be written. */
  'writeFailed',
  /** No data for `seconds`: the link closes the port and opens it again, in case the adapter was replugged. */
  'silentReopen',
] as const;

export const LinkFaultCodeSchema = z.enum(LINK_FAULTS);
export type LinkFaultCode = z.infer<typeof LinkFaultCodeSchema>;

export const LinkFaultSchema = z.object({
  code: LinkFaultCodeSchema,
  args: TextArgsSchema,
});
export type LinkFault = z.infer<typeof LinkFaultSchema>;

export function isLinkFaultCode(code: unknown): code is LinkFaultCode {
  return typeof code === 'string' && (LINK_FAULTS as readonly string[]).includes(code);
}

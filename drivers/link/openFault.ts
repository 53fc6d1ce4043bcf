/**
 * Why a port did not open, read from serialport's error text: its native binding gives neither errno nor code, only
 * strerror() words (Linux, macOS: "Error: No such file or directory, cannot open /dev/ttyUSB0"; the lock: "Error
 * Resource temporarily unavailable Cannot lock port") or Windows' "Opening COM3: File not found".
 */
import type { LinkFault, LinkFaultCode } from '../../core/devices/linkFault';

const OS_ERRORS: { words: RegExp; errno: string; code: LinkFaultCode }[] = [
  { words: /No such file or directory/i, errno: 'ENOENT', code: 'portMissing' },
  { words: /No such device/i, errno: 'ENODEV', code: 'portMissing' },
  { words: /File not found/i, errno: 'ERROR_FILE_NOT_FOUND', code: 'portMissing' },
  { words: /Permission denied/i, errno: 'EACCES', code: 'portDenied' },
  { words: /Operation not permitted/i, errno: 'EPERM', code: 'portDenied' },
  { words: /Device or resource busy/i, errno: 'EBUSY', code: 'portBusy' },
  { words: /Cannot lock port/i, errno: 'EWOULDBLOCK', code: 'portBusy' },
  // Windows answers ACCESS_DENIED for a COM port another program holds open.
  { words: /Access denied/i, errno: 'ERROR_ACCESS_DENIED', code: 'portBusy' },
];

export function openFault(path: string, message: string): LinkFault {
  const known = OS_ERRORS.find((e) => e.words.test(message));
  return known ? { code: known.code, args: { path, errno: known.errno } } : { code: 'portOpenFailed', args: { path } };
}

/** An open that failed, with its fault for the screen; the message stays the English text for logs. */
export class PortOpenError extends Error {
  constructor(
    message: string,
    readonly fault: LinkFault,
  ) {
    super(message);
  }
}

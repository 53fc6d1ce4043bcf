/**
 * Only the top frame of our own app:// page may call the API (VS Code's validatedIpcMain does the same checks).
 * Kept free of electron imports so it is unit-tested in plain Node.
 */
import { isAppUrl } from './appOrigin';

export interface FrameLike {
  url: string;
  parent: unknown;
}

export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

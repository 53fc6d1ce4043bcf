/** The renderer's origin inside Electron: a custom standard scheme, never file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ui';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Node's URL gives origin "null" for schemes it does not know, so compare scheme and host, not `origin`.
 * Parsing (not startsWith) keeps app://ui.evil.example out.
 */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/**
 * One Content-Security-Policy for both transports (Electron protocol handler and web host). connect-src 'self'
 * lets the web build reach its own WebSocket; the Electron build has no network use at all.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * One Content-Security-Policy for both transports (Electron protocol handler and web host). connect-src 'self'
 * lets the web build reach its own WebSocket; the Electron build has no network use at all. frame-src blob: lets the
 * Dokumente place preview a generated PDF from bytes it got through the API (a blob URL made in the page, nothing else).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers on every web page and file the web apps serve (tools/serve/serve-static.mjs in production, the Vite dev servers):
 * no other site may frame them (clickjacking), no content-type guessing, and only our own pages learn where a click
 * came from. Plain ES module with no imports, so the production server (Node built-ins only) reads it as well.
 */
export const PAGE_SECURITY_HEADERS = {
  "X-Frame-Options": "DENY",
  "Content-Security-Policy": "frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
};

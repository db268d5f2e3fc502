/**
 * `Content-Disposition: attachment` for a file name in any language: an ASCII `filename` for old clients and the
 * real name as `filename*` (RFC 6266, with RFC 5987 encoding: UTF-8, percent-encoded except attr-chars).
 */
export function attachment(fileName: string, asciiFallback: string): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Which state-changing requests the API accepts (cross-site request forgery): one with an `Origin` header must come
 * from an allowed web origin; one without it (browsers always send it on a cross-origin or a POST request, but an
 * older browser or a proxy may drop it) must carry the header our own clients always send. A custom header cannot be
 * sent by another site without a CORS preflight, which the API answers only for its allowed origins.
 */
export const FIRST_PARTY_CLIENT_HEADER = "x-dtpilot-client";
/** The value the web apps (the tRPC client, the login page) send in FIRST_PARTY_CLIENT_HEADER. */
export const WEB_CLIENT = "web";

/** Methods that only read: never refused for their origin. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type RequestOriginVerdict = "allowed" | "foreignOrigin" | "missingOrigin";

export function requestOriginVerdict(request: {
  method: string;
  origin: string | undefined;
  clientHeader: string | string[] | undefined;
  allowedOrigins: readonly string[];
}): RequestOriginVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return "allowed";
  if (request.origin !== undefined) return request.allowedOrigins.includes(request.origin) ? "allowed" : "foreignOrigin";
  return request.clientHeader === WEB_CLIENT ? "allowed" : "missingOrigin";
}

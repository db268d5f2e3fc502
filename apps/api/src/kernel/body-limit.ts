/**
 * One limit for request bodies, derived from the largest one the API accepts: a roster import file
 * (ROSTER_IMPORT_MAX_BYTES) as base64 in tRPC's JSON, plus room for the JSON around it. A body over it gets the
 * same localised error as a file just over the import limit, in tRPC's shape, so the web apps show it like any
 * other error instead of a raw 413.
 */
import { ROSTER_IMPORT_MAX_BASE64_CHARS, ROSTER_IMPORT_MAX_SIZE_LABEL } from "@dtpilot/domain";
import { translateError } from "@dtpilot/i18n";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { FastifyInstance } from "fastify";
import superjson from "superjson";
import { localeOf } from "./context";

export const API_BODY_LIMIT_BYTES = ROSTER_IMPORT_MAX_BASE64_CHARS + 64 * 1024;

/**
 * Rewrites Fastify's 413 for a tRPC call into tRPC's error answer (one per call of a batch): for the roster import,
 * the import's own message at field `file`; for any other procedure, that the request is too large.
 */
export function answerOversizedBodiesInTrpcShape(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    const url = new URL(request.url, "http://api");
    if (reply.statusCode !== 413 || !url.pathname.startsWith("/trpc/")) return payload;
    const paths = decodeURIComponent(url.pathname.slice("/trpc/".length)).split(",");
    const locale = localeOf(request);
    const error = (path: string) => {
      const upload = path === "roster.importRoster";
      return {
        error: superjson.serialize({
          message: upload
            ? translateError(locale, "roster.import.tooLarge", { maximum: ROSTER_IMPORT_MAX_SIZE_LABEL })
            : translateError(locale, "request.tooLarge", { maximum: ROSTER_IMPORT_MAX_SIZE_LABEL }),
          code: TRPC_ERROR_CODES_BY_KEY.PAYLOAD_TOO_LARGE,
          data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, path, requestId: request.id, ...(upload ? { field: "file" } : {}) },
        }),
      };
    };
    reply.header("content-type", "application/json");
    // Fastify closes the connection on a 413 while the client is still sending; the unread body then resets the
    // socket, and a proxy in between (the shell's) may see the reset before the answer and report a 502. Kept open,
    // Node reads the rest of the body into nothing and the answer arrives whole.
    reply.removeHeader("connection");
    return JSON.stringify(url.searchParams.get("batch") === "1" ? paths.map(error) : error(paths[0] ?? ""));
  });
}

import { FIRST_PARTY_CLIENT_HEADER, requestOriginVerdict } from "@dtpilot/domain";
import { translateError } from "@dtpilot/i18n";
import type { FastifyInstance } from "fastify";
import type { ApiConfig } from "./config";
import { localeOf } from "./context";

/**
 * Plain HTTP routes (`/files`, `/admin`, anything but tRPC, whose procedures check the same rule in
 * `publicProcedure`): a state-changing request from a foreign origin, or without an origin and without our client's
 * header, is refused with 403 before any route runs.
 */
export function registerOriginGuard(app: FastifyInstance, config: Pick<ApiConfig, "allowedOrigins">) {
  app.addHook("onRequest", async (request, reply) => {
    if (request.url.startsWith("/trpc/") || request.url === "/trpc") return;
    const verdict = requestOriginVerdict({
      method: request.method,
      origin: request.headers.origin,
      clientHeader: request.headers[FIRST_PARTY_CLIENT_HEADER],
      allowedOrigins: config.allowedOrigins,
    });
    if (verdict === "allowed") return;
    return reply
      .code(403)
      .header("cache-control", "no-store")
      .send({ message: translateError(localeOf(request), verdict === "foreignOrigin" ? "auth.foreignOrigin" : "auth.missingOrigin"), requestId: request.id });
  });
}

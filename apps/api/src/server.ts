import { randomUUID } from "node:crypto";
import fastifyCompress, { type FastifyCompressOptions } from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import { pingDatabase } from "@dtpilot/db";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { registerQueueDashboard } from "./modules/admin/queue-dashboard";
import { registerOriginGuard } from "./kernel/origin-guard";
import { answerOversizedBodiesInTrpcShape, API_BODY_LIMIT_BYTES } from "./kernel/body-limit";
import { contextFactory, type ApiServices } from "./kernel/context";
import { registerExportDownloadRoute } from "./modules/documents/export-download-route";
import { registerRosterTemplateRoute } from "./modules/roster/roster-template-route";
import { appRouter, type AppRouter } from "./router";

/**
 * The HTTP server: security headers, CORS for the allowed web origins, response compression, health, tRPC under
 * /trpc, generated files under /files and the operators' queue dashboard under /admin/queues.
 */
export async function buildServer(services: ApiServices): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    logger: { level: config.logLevel },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: API_BODY_LIMIT_BYTES,
    // request.ip is the client's address as the trusted proxies (the shell's, by default) report it.
    trustProxy: typeof config.trustedProxies === "number" ? trustHops(config.trustedProxies) : config.trustedProxies,
    // tRPC names a batch's procedures in the path ("/trpc/a.b,c.d"): Fastify's default 100 characters held about 9.
    // Room for a batch a little over the limit, so the API can say why it refuses it (TRPC_MAX_BATCH_SIZE).
    routerOptions: { maxParamLength: 1000 },
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: "same-site" },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyCompress, COMPRESSION);
  app.addHook("onSend", answerWholeJsonResponses);

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
    const origin = request.headers.origin;
    if (origin && config.allowedOrigins.includes(origin)) {
      reply.header("access-control-allow-origin", origin);
      reply.header("access-control-allow-credentials", "true");
      reply.header("vary", "Origin");
      if (request.method === "OPTIONS") {
        reply.header("access-control-allow-methods", "GET, POST, OPTIONS");
        reply.header("access-control-allow-headers", "content-type, x-locale, trpc-accept, x-dtpilot-client");
        reply.header("access-control-max-age", "600");
        return reply.code(204).send();
      }
    }
  });

  app.get("/health", async (_request, reply) => {
    const [postgres, redis] = await Promise.all([
      pingDatabase(services.db),
      services.redis.ping().then(() => "ok" as const, () => "down" as const),
    ]);
    const healthy = postgres === "ok" && redis === "ok";
    return reply.code(healthy ? 200 : 503).send({ status: healthy ? "ok" : "degraded", postgres, redis });
  });

  registerOriginGuard(app, config);
  registerExportDownloadRoute(app, services);
  registerRosterTemplateRoute(app, services);
  await registerQueueDashboard(app, services);

  answerOversizedBodiesInTrpcShape(app);
  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: contextFactory(services),
      onError({ error, ctx, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          app.log.error({ requestId: ctx?.requestId, path, err: error.cause ?? error }, "unexpected error");
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  return app;
}

/**
 * Responses of 1 KB or more in a compressible type (JSON, text, XML) go out brotli- or gzip-encoded, as the client
 * accepts (brotli first; quality 4, fast enough to compress per request). A province's lists are tens of KB of
 * repetitive JSON, compressed 5–10 times. Generated files (XLSX, DOCX: already zip archives) are sent as they are.
 * Request bodies are never inflated (no client compresses them, and an inflating step would sit ahead of the body
 * limit). The shell's proxy passes the encoded answer through untouched.
 */
const COMPRESSION: FastifyCompressOptions = {
  encodings: ["br", "gzip"],
  threshold: 1024,
  globalDecompression: false,
};

/**
 * tRPC's adapter answers with a fetch `Response`, which @fastify/compress treats as a stream of unknown length and
 * so compresses whatever its size. Our answers are whole JSON documents (the web client does not stream): read
 * them here, before compression, so the threshold applies and the answer keeps its Content-Length.
 */
async function answerWholeJsonResponses(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (!(payload instanceof Response) || !payload.headers.get("content-type")?.startsWith("application/json")) return payload;
  reply.code(payload.status);
  for (const [name, value] of payload.headers) reply.header(name, value);
  return payload.text();
}

/** Trusts exactly `hops` proxies in front of the API: the client is the address the outermost of them saw. */
function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import { translateError, type ErrorKey } from "@dtpilot/i18n";
import { defineAbilityFor } from "@dtpilot/permissions";
import type { FastifyInstance } from "fastify";
import { isSessionCurrent, routeSession } from "../../kernel/request-session";
import { localeOf, type ApiServices } from "../../kernel/context";

export const QUEUE_DASHBOARD_PATH = "/admin/queues";

/** The dashboard's own page loads its scripts and styles from here; nothing from elsewhere (no web fonts). */
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * bull-board at /admin/queues for the province's operators: every request (page, assets, its JSON API) needs a
 * session whose ability allows `read QueueDashboard`. Others get 401 (not signed in) or 403. Read-only: jobs carry
 * application records (an export's status), so operators watch them here and act through the application. bull-board's
 * `readOnlyMode` hides its buttons, but some of its actions (pause or resume every queue) still answer 200, so every
 * request that is not a read is refused here, before bull-board sees it.
 */
const READS = new Set(["GET", "HEAD"]);

export async function registerQueueDashboard(app: FastifyInstance, services: ApiServices) {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: services.jobs.all().map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: "dtpilot 后台任务" } },
  });

  await app.register(async (dashboard) => {
    dashboard.addHook("preHandler", async (request, reply) => {
      const refuse = (status: number, key: ErrorKey) =>
        reply.code(status).header("cache-control", "no-store").send({ message: translateError(localeOf(request), key), requestId: request.id });
      if (!READS.has(request.method)) return refuse(403, "queueDashboard.readOnly");
      const current = await routeSession(request, services);
      if (!current) return refuse(401, "auth.required");
      if (!(await isSessionCurrent(services, current))) return refuse(401, "auth.expired");
      if (!defineAbilityFor(current.session.principal).can("read", "QueueDashboard")) return refuse(403, "access.forbidden");
    });
    dashboard.addHook("onSend", async (_request, reply, payload) => {
      reply.header("content-security-policy", DASHBOARD_CSP);
      return payload;
    });
    await dashboard.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}

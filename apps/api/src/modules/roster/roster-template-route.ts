import { translateError, type ErrorKey } from "@dtpilot/i18n";
import type { FastifyInstance } from "fastify";
import { ACCESS_REVOKED, routeSession, withSessionTenant } from "../../kernel/request-session";
import { localeOf, type ApiServices } from "../../kernel/context";
import { workbookBytes, XLSX_CONTENT_TYPE } from "./roster-document";
import { buildRosterImportTemplate, rosterTemplateFileName } from "./roster-import-workbook";
import { rosterContext } from "./roster-context";
import { attachment } from "../documents/content-disposition";

/**
 * GET /files/roster-import-template — the county's roster import template (XLSX), with its plan's sub-industries in
 * the 所属细分行业 drop-down. For a county team only: 401 signed out, 403 for every other role.
 */
export function registerRosterTemplateRoute(app: FastifyInstance, services: ApiServices) {
  app.get("/files/roster-import-template", async (request, reply) => {
    const locale = localeOf(request);
    const refuse = (status: number, key: ErrorKey) =>
      reply.code(status).header("cache-control", "no-store").send({ message: translateError(locale, key), requestId: request.id });
    const current = await routeSession(request, services);
    if (!current) return refuse(401, "auth.required");
    const { principal } = current.session;
    if (principal.scope.kind !== "county") return refuse(403, "access.forbidden");

    const context = await withSessionTenant(services, current, (tenant) => rosterContext(tenant)).catch((error: unknown) => {
      request.log.error({ err: error }, "reading the roster context for the import template failed");
      return null;
    });
    if (context === ACCESS_REVOKED) return refuse(401, "auth.expired");
    if (!context) return refuse(404, "access.notFound");
    const workbook = await buildRosterImportTemplate({
      countyName: context.county.name,
      batchName: context.batch.name,
      subIndustries: context.subIndustries,
    });
    const content = Buffer.from(await workbookBytes(workbook));
    return reply
      .header("content-type", XLSX_CONTENT_TYPE)
      .header("content-disposition", attachment(rosterTemplateFileName(context.county.name, context.batch.name), "roster-import-template.xlsx"))
      .header("content-length", content.byteLength)
      .header("cache-control", "private, no-store")
      .send(content);
  });
}

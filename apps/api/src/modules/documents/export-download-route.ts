import { findExportFile, findExportFileContent, type ExportKind } from "@dtpilot/db";
import { translateError, type ErrorKey } from "@dtpilot/i18n";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { ACCESS_REVOKED, routeSession, withSessionTenant } from "../../kernel/request-session";
import { localeOf, type ApiServices } from "../../kernel/context";
import { toExportView } from "./export-view";
import { DOCX_CONTENT_TYPE } from "../plan/plan-document";
import { XLSX_CONTENT_TYPE } from "../roster/roster-document";
import { attachment } from "./content-disposition";

const exportIdSchema = z.uuid();

const CONTENT_TYPES: Record<ExportKind, { type: string; extension: string }> = {
  ROSTER_XLSX: { type: XLSX_CONTENT_TYPE, extension: "xlsx" },
  PLAN_DATA_TABLE_XLSX: { type: XLSX_CONTENT_TYPE, extension: "xlsx" },
  PLAN_DOCX: { type: DOCX_CONTENT_TYPE, extension: "docx" },
  ENTERPRISE_FILE_DOCX: { type: DOCX_CONTENT_TYPE, extension: "docx" },
};

/**
 * GET /files/exports/:exportId — a generated file as an attachment, for the signed-in user within their scope.
 * Not signed in: 401. Outside the scope (another county, an enterprise, a provider) or unknown: 404, exactly alike.
 * In scope but without a file (queued, running or failed): 409 saying why.
 */
export function registerExportDownloadRoute(app: FastifyInstance, services: ApiServices) {
  app.get<{ Params: { exportId: string } }>("/files/exports/:exportId", async (request, reply) => {
    const locale = localeOf(request);
    const refuse = (status: number, key: ErrorKey) =>
      reply.code(status).header("cache-control", "no-store").send({ message: translateError(locale, key), requestId: request.id });

    const current = await routeSession(request, services);
    if (!current) return refuse(401, "auth.required");
    const exportId = exportIdSchema.safeParse(request.params.exportId);
    if (!exportId.success) return refuse(404, "access.notFound");

    const found = await withSessionTenant(services, current, async (tenant) => {
      const file = await findExportFileContent(tenant, exportId.data);
      return file ? { file } : { summary: await findExportFile(tenant, exportId.data) };
    }).catch((error: unknown) => {
      request.log.error({ err: error, exportId: exportId.data }, "reading an export for download failed");
      return null;
    });
    // Like the tRPC errors: the reason stays in the log, the client gets the request id only.
    if (!found) {
      return reply
        .code(500)
        .header("cache-control", "no-store")
        .send({ message: translateError(locale, "server.internal", { requestId: request.id }), requestId: request.id });
    }
    if (found === ACCESS_REVOKED) return refuse(401, "auth.expired");
    if (found.file) return sendFile(reply, found.file);
    if (!found.summary) return refuse(404, "access.notFound");
    // Known to the caller but without a file: still being generated, or failed (with its own reason).
    const reason = found.summary.status === "FAILED" ? toExportView(found.summary, locale).error! : translateError(locale, "export.notReady");
    return reply.code(409).header("cache-control", "no-store").send({ message: reason, requestId: request.id });
  });
}

function sendFile(reply: FastifyReply, file: { id: string; kind: ExportKind; fileName: string; content: Uint8Array | null; sha256: string | null }) {
  const content = Buffer.from(file.content ?? new Uint8Array());
  const { type, extension } = CONTENT_TYPES[file.kind];
  return reply
    .header("content-type", type)
    .header("content-disposition", attachment(file.fileName, `export-${file.id}.${extension}`))
    .header("content-length", content.byteLength)
    .header("cache-control", "private, no-store")
    .header("etag", `"${file.sha256}"`)
    .send(content);
}

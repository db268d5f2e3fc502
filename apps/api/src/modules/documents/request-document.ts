import { createExportFile, type NewExportFile, type TenantDb } from "@dtpilot/db";
import type { DocumentKind } from "@dtpilot/domain";
import type { Locale } from "@dtpilot/i18n";
import type { z } from "zod";
import type { AuditTrail } from "../../kernel/audit-trail";
import type { DOCUMENT_HANDLERS } from "./document-registry";
import { enqueueDocumentAfterCommit, type EnqueueContext } from "./enqueue-document";
import { toExportView } from "./export-view";

/** The parameters a document of `kind` is generated from, as its handler reads them from the export record. */
export type DocumentParameters<K extends DocumentKind> = z.input<(typeof DOCUMENT_HANDLERS)[K]["parameters"]>;

export interface RequestDocumentContext extends EnqueueContext {
  data: TenantDb;
  locale: Locale;
  audit: Pick<AuditTrail, "target" | "changes">;
}

/**
 * The one way a document is asked for, once the procedure has checked who may: the export is recorded (QUEUED) in the
 * request's transaction, audited, and its job enqueued once that has committed, so the worker always finds it.
 * Answers with the new export. The county is the one the procedure derived from the session or the record.
 */
export async function requestDocument<K extends DocumentKind>(
  ctx: RequestDocumentContext,
  kind: K,
  document: { countyId: string; parameters: DocumentParameters<K>; fileName: string },
) {
  const created = await createExportFile(ctx.data, {
    countyId: document.countyId,
    kind,
    // Every handler's parameters are a JSON object (a zod object schema); the generic type cannot show it.
    parameters: document.parameters as NewExportFile["parameters"],
    fileName: document.fileName,
    requestedById: ctx.principal.userId,
  });
  ctx.audit.target("ExportFile", created.id, { countyId: document.countyId });
  ctx.audit.changes([{ field: "kind", before: null, after: created.kind }]);
  enqueueDocumentAfterCommit(ctx, { id: created.id, kind, countyId: document.countyId });
  return toExportView(created, ctx.locale);
}

import type { ExportKind } from "@dtpilot/db";
import type { DocumentKind } from "@dtpilot/domain";
import { enterpriseFileDocumentHandler } from "../enterprise-file/enterprise-file-document-handler";
import { planDataTableHandler, planDocxHandler } from "../plan/plan-document-handler";
import { rosterDocumentHandler } from "../roster/roster-document-handler";
import type { DocumentHandler } from "./document-handler";

/** A handler for every document kind, each under its own kind. */
export type DocumentHandlers = { readonly [K in DocumentKind]: DocumentHandler<K> };

/**
 * Every document the worker generates. `satisfies` makes a kind without a handler (or a handler filed under another
 * kind) a compile error, so a new kind in the domain cannot reach the queue unhandled.
 */
export const DOCUMENT_HANDLERS = Object.freeze({
  ROSTER_XLSX: rosterDocumentHandler,
  PLAN_DATA_TABLE_XLSX: planDataTableHandler,
  PLAN_DOCX: planDocxHandler,
  ENTERPRISE_FILE_DOCX: enterpriseFileDocumentHandler,
} as const satisfies DocumentHandlers);

/** The database's ExportKind and the domain's document kinds are one list: each must cover the other. */
type SameKinds = [ExportKind] extends [DocumentKind] ? ([DocumentKind] extends [ExportKind] ? true : false) : false;
export const EXPORT_KINDS_ARE_DOCUMENT_KINDS: SameKinds = true;

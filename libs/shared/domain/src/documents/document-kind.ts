/**
 * The documents the platform generates in the background, one kind per file a user can ask for. The database's
 * `ExportKind` has exactly these values (the API checks it at compile time); a new document adds its kind here first.
 */
export const DOCUMENT_KINDS = [
  /** 试点企业名单 */
  "ROSTER_XLSX",
  /** 实施方案主要数据表 */
  "PLAN_DATA_TABLE_XLSX",
  /** 实施方案 */
  "PLAN_DOCX",
  /** 数字化转型试点企业改造信息表 (附2) of one pilot enterprise */
  "ENTERPRISE_FILE_DOCX",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_FORMATS = ["XLSX", "DOCX"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** The file format of each kind: what its download opens as, and what the worker checks before storing it. */
export const DOCUMENT_FORMAT_OF_KIND: Record<DocumentKind, DocumentFormat> = {
  ROSTER_XLSX: "XLSX",
  PLAN_DATA_TABLE_XLSX: "XLSX",
  PLAN_DOCX: "DOCX",
  ENTERPRISE_FILE_DOCX: "DOCX",
};

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === "string" && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** Where a requested document stands: waiting for a worker, being generated, stored, or given up. */
export const DOCUMENT_JOB_STATUSES = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED"] as const;
export type DocumentJobStatus = (typeof DOCUMENT_JOB_STATUSES)[number];

/** Nothing more will happen to the document: it can be downloaded, or its failure read. */
export function isDocumentJobFinished(status: DocumentJobStatus): boolean {
  return status === "SUCCEEDED" || status === "FAILED";
}

import { totalShownByPage } from "@dtpilot/domain";
/**
 * Generated files (ExportFile) and their history. The API creates and reads them for the signed-in principal; the
 * worker fills them in under the requesting county's scope. Every query goes through the CASL filter and RLS.
 * The bytes are selected only where a download needs them.
 */
import type { ExportKind, ExportStatus, Prisma } from "../generated/prisma/client";
import type { TenantDb } from "../tenant-db";
import { transactionOf } from "../tenant-transaction";

const EXPORT_SUMMARY = {
  id: true,
  kind: true,
  status: true,
  progress: true,
  parameters: true,
  fileName: true,
  attempts: true,
  errorKey: true,
  rowCount: true,
  sizeBytes: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  county: { select: { code: true, name: true } },
  requestedBy: { select: { displayName: true } },
} as const satisfies Prisma.ExportFileSelect;

export type ExportFileSummary = Prisma.ExportFileGetPayload<{ select: typeof EXPORT_SUMMARY }>;

export interface ExportFileFilter {
  kind?: ExportKind;
  status?: ExportStatus;
}

/**
 * One page of the exports the caller may read, newest first (ties by id), and how many match the filter in all. A
 * county reads its own; an overseer those it asked for itself (documents permissions).
 */
export async function listExportFiles(db: TenantDb, filter: ExportFileFilter, page: { skip: number; take: number }) {
  const where: Prisma.ExportFileWhereInput = {
    AND: [db.accessible("read", "ExportFile"), filter.kind ? { kind: filter.kind } : {}, filter.status ? { status: filter.status } : {}],
  };
  const tx = transactionOf(db);
  const items = await tx.exportFile.findMany({ where, select: EXPORT_SUMMARY, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: page.skip, take: page.take });
  // Most counties' whole history fits on one page, which then tells the total: PostgreSQL counts only otherwise.
  return { items, total: totalShownByPage(page, items.length) ?? (await tx.exportFile.count({ where })) };
}

export function findExportFile(db: TenantDb, exportId: string) {
  return transactionOf(db).exportFile.findFirst({ where: { AND: [{ id: exportId }, db.accessible("read", "ExportFile")] }, select: EXPORT_SUMMARY });
}

/** A finished file's bytes for download; null when out of scope, missing, or not generated (yet). */
export function findExportFileContent(db: TenantDb, exportId: string) {
  return transactionOf(db).exportFile.findFirst({
    where: { AND: [{ id: exportId, status: "SUCCEEDED" }, db.accessible("read", "ExportFile")] },
    select: { id: true, kind: true, fileName: true, content: true, sizeBytes: true, sha256: true, finishedAt: true },
  });
}

export interface NewExportFile {
  countyId: string;
  kind: ExportKind;
  parameters: Prisma.InputJsonObject;
  fileName: string;
  requestedById: string;
}

/** Records a requested export (QUEUED). The caller checked `create ExportFile` for the county; RLS checks again. */
export function createExportFile(db: TenantDb, data: NewExportFile) {
  return transactionOf(db).exportFile.create({ data, select: EXPORT_SUMMARY });
}

/**
 * Exports still QUEUED or RUNNING that were requested before `requestedBefore`: candidates for a job that was lost
 * (Redis restarted without persistence). Found only by a scope that may `recover` those counties' exports (the
 * province: the queues' operator); it reads their ids and owners, never their content.
 */
export function findUnfinishedExports(db: TenantDb, requestedBefore: Date) {
  return transactionOf(db).exportFile.findMany({
    where: { AND: [{ status: { in: ["QUEUED", "RUNNING"] }, createdAt: { lt: requestedBefore } }, db.accessible("recover", "ExportFile")] },
    select: { id: true, kind: true, countyId: true, requestedById: true },
    orderBy: { createdAt: "asc" },
  });
}

/** What a job needs to know about the export it works on. */
export function findExportForJob(db: TenantDb, exportId: string, countyId: string) {
  return transactionOf(db).exportFile.findFirst({
    where: { AND: [{ id: exportId, countyId }, db.accessible("update", "ExportFile")] },
    select: { id: true, countyId: true, kind: true, status: true, parameters: true, fileName: true, county: { select: { name: true } } },
  });
}

const updatable = (db: TenantDb, exportId: string, where: Prisma.ExportFileWhereInput = {}): Prisma.ExportFileWhereInput => ({
  AND: [{ id: exportId }, where, db.accessible("update", "ExportFile")],
});

/** Marks the start of an attempt; false when the export is already done (a duplicate or late job). */
export async function startExportAttempt(db: TenantDb, exportId: string, attempt: number): Promise<boolean> {
  const { count } = await transactionOf(db).exportFile.updateMany({
    where: updatable(db, exportId, { status: { not: "SUCCEEDED" } }),
    data: { status: "RUNNING", progress: 0, attempts: attempt, errorKey: null, startedAt: new Date(), finishedAt: null },
  });
  return count === 1;
}

export async function reportExportProgress(db: TenantDb, exportId: string, progress: number): Promise<void> {
  await transactionOf(db).exportFile.updateMany({
    where: updatable(db, exportId, { status: "RUNNING" }),
    data: { progress: Math.max(0, Math.min(100, Math.round(progress))) },
  });
}

export interface GeneratedContent {
  content: Uint8Array<ArrayBuffer>;
  sha256: string;
  rowCount: number;
}

/** Stores the file and marks the export SUCCEEDED, in one statement: the bytes and the status never disagree. */
export async function completeExport(db: TenantDb, exportId: string, file: GeneratedContent): Promise<boolean> {
  const { count } = await transactionOf(db).exportFile.updateMany({
    where: updatable(db, exportId, { status: "RUNNING" }),
    data: {
      status: "SUCCEEDED",
      progress: 100,
      content: file.content,
      sizeBytes: file.content.byteLength,
      sha256: file.sha256,
      rowCount: file.rowCount,
      errorKey: null,
      finishedAt: new Date(),
    },
  });
  return count === 1;
}

/**
 * Records a failed attempt: FAILED with its reason when no attempt is left, otherwise back to QUEUED (waiting for
 * the retry) keeping the reason. A SUCCEEDED export is never touched.
 */
export async function failExportAttempt(db: TenantDb, exportId: string, failure: { errorKey: string; final: boolean }): Promise<void> {
  await transactionOf(db).exportFile.updateMany({
    where: updatable(db, exportId, { status: { not: "SUCCEEDED" } }),
    data: failure.final
      ? { status: "FAILED", errorKey: failure.errorKey, finishedAt: new Date() }
      : { status: "QUEUED", progress: 0, errorKey: failure.errorKey },
  });
}

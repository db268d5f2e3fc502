/**
 * 审计记录: appended by the API for every mutation (inside the request's transaction, so a rolled-back mutation
 * leaves no success record) and for refused or failed attempts (afterwards, outside it). Read through the CASL filter
 * and RLS: the province reads every record, a city those of its counties, a county its own. The app role can neither
 * update nor delete a record (see the audit_records migration).
 */
import type { AuditEntry } from "@dtpilot/domain";
import type { Database } from "../client";
import type { Prisma } from "../generated/prisma/client";
import { TenantDb } from "../tenant-db";
import { transactionOf } from "../tenant-transaction";

/** One record to append; values are already sanitised and bounded (libs/shared/domain/src/audit). */
export type { AuditEntry };

/**
 * Appends one record, in the tenant's transaction when given one (a mutation's success, rolled back with it), else
 * on its own. Raw SQL: the insert returns nothing, since
 * whoever writes a record need not be allowed to read it back (a reviewer, a sign-in without a scope).
 */
export async function appendAuditRecord(on: Database | TenantDb, entry: AuditEntry): Promise<void> {
  const executor = on instanceof TenantDb ? transactionOf(on) : on;
  await executor.$executeRaw`
    insert into "AuditRecord" (id, "actorId", username, role, "orgKind", "orgId", "countyId", procedure, "targetType",
                               "targetId", changes, input, outcome, "requestId", "clientAddress")
    values (gen_random_uuid(), ${entry.actorId}::uuid,
            coalesce(${entry.username}, (select username from "User" where id = ${entry.actorId}::uuid)),
            ${entry.role}::"Role", ${entry.orgKind}, ${entry.orgId}, ${entry.countyId}, ${entry.procedure},
            ${entry.targetType}, ${entry.targetId}, ${JSON.stringify(entry.changes)}::jsonb,
            ${JSON.stringify(entry.input)}::jsonb, ${entry.outcome}, ${entry.requestId}, ${entry.clientAddress})`;
}

export interface AuditRecordFilters {
  countyId?: string;
  actorId?: string;
  username?: string;
  /** A procedure path or its area ("plan" matches every plan.* procedure). */
  procedure?: string;
  targetType?: string;
  targetId?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
}

const AUDIT_RECORD_SELECT = {
  id: true,
  at: true,
  actorId: true,
  username: true,
  role: true,
  orgKind: true,
  orgId: true,
  countyId: true,
  procedure: true,
  targetType: true,
  targetId: true,
  changes: true,
  input: true,
  outcome: true,
  requestId: true,
  clientAddress: true,
} as const satisfies Prisma.AuditRecordSelect;

export type AuditRecordRow = Prisma.AuditRecordGetPayload<{ select: typeof AUDIT_RECORD_SELECT }>;

/** One page of the records this principal may read, newest first, and how many match in all. */
export async function listAuditRecords(db: TenantDb, filters: AuditRecordFilters, page: { skip: number; take: number }) {
  const procedure = filters.procedure;
  const where: Prisma.AuditRecordWhereInput = {
    AND: [
      filters.countyId ? { countyId: filters.countyId } : {},
      filters.actorId ? { actorId: filters.actorId } : {},
      filters.username ? { username: filters.username } : {},
      procedure ? (procedure.includes(".") ? { procedure } : { procedure: { startsWith: `${procedure}.` } }) : {},
      filters.targetType ? { targetType: filters.targetType } : {},
      filters.targetId ? { targetId: filters.targetId } : {},
      filters.outcome ? { outcome: filters.outcome } : {},
      filters.from || filters.to ? { at: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lte: filters.to } : {}) } } : {},
      db.accessible("read", "AuditRecord"),
    ],
  };
  const [records, total] = await Promise.all([
    transactionOf(db).auditRecord.findMany({ where, select: AUDIT_RECORD_SELECT, orderBy: [{ at: "desc" }, { id: "asc" }], skip: page.skip, take: page.take }),
    transactionOf(db).auditRecord.count({ where }),
  ]);
  return { records, total };
}

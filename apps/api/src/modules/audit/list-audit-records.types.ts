import { Role } from "@dtpilot/db";
import { AUDIT_PAGE_SIZE_MAX, isPlausibleDate, type AuditChange, type AuditValue } from "@dtpilot/domain";
import { z } from "zod";
import { computed } from "../../kernel/output";

/** Filters of the 审计日志; every one optional. A procedure filter may be an area ("plan") or a path ("plan.savePlan"). */
export const listAuditRecordsInput = z
  .object({
    countyId: z.string().regex(/^\d{6}$/).optional(),
    actor: z.string().trim().min(1).max(64).optional(),
    procedure: z.string().trim().min(1).max(100).regex(/^[A-Za-z.]+$/).optional(),
    targetType: z.string().trim().min(1).max(64).optional(),
    targetId: z.string().trim().min(1).max(64).optional(),
    outcome: z.string().trim().min(1).max(32).optional(),
    from: z.date().refine(isPlausibleDate, { message: "input.dateOutOfRange" }).optional(),
    to: z.date().refine(isPlausibleDate, { message: "input.dateOutOfRange" }).optional(),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(20),
  })
  .strict()
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: "audit.timeRange", path: ["to"] });

export type ListAuditRecordsInput = z.output<typeof listAuditRecordsInput>;

/** One record as the API answers it; its changes and input were sanitised and bounded when it was written. */
export const auditRecordOutput = z.object({
  id: z.string(),
  at: z.date(),
  actorId: z.string().nullable(),
  username: z.string().nullable(),
  role: z.enum(Role).nullable(),
  orgKind: z.string().nullable(),
  orgId: z.string().nullable(),
  countyId: z.string().nullable(),
  procedure: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  changes: z.array(computed<AuditChange>()),
  input: computed<Record<string, AuditValue>>(),
  outcome: z.string(),
  requestId: z.string().nullable(),
  clientAddress: z.string().nullable(),
});

export type AuditRecordView = z.output<typeof auditRecordOutput>;

export const listAuditRecordsOutput = z.object({ records: z.array(auditRecordOutput), total: z.number(), page: z.number(), pageSize: z.number() });

export type ListAuditRecordsOutput = z.output<typeof listAuditRecordsOutput>;

import { AUDIT_PAGE_SIZE_MAX, type AuditEntry } from "@dtpilot/domain";
import { z } from "zod";

/** Filters of the 审计日志; every one optional. A procedure filter may be an area ("plan") or a path ("plan.savePlan"). */
export const listAuditRecordsInput = z
  .object({
    countyId: z.string().regex(/^\d{6}$/).optional(),
    actor: z.string().trim().min(1).max(64).optional(),
    procedure: z.string().trim().min(1).max(100).regex(/^[A-Za-z.]+$/).optional(),
    targetType: z.string().trim().min(1).max(64).optional(),
    targetId: z.string().trim().min(1).max(64).optional(),
    outcome: z.string().trim().min(1).max(32).optional(),
    from: z.date().optional(),
    to: z.date().optional(),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(20),
  })
  .strict()
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: "audit.timeRange", path: ["to"] });

export type ListAuditRecordsInput = z.output<typeof listAuditRecordsInput>;

/** One record as the API answers it. */
export interface AuditRecordView extends AuditEntry {
  id: string;
  at: Date;
}

export interface ListAuditRecordsOutput {
  records: AuditRecordView[];
  total: number;
  page: number;
  pageSize: number;
}

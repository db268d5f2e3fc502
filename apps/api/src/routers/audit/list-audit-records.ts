import { listAuditRecords as readAuditRecords } from "@dtpilot/db";
import type { AuditChange, AuditValue } from "@dtpilot/domain";
import { procedureAllowedTo } from "../../trpc";
import { listAuditRecordsInput, type AuditRecordView, type ListAuditRecordsOutput } from "./list-audit-records.types";

/**
 * 审计日志: the audit records the caller may read, newest first, one bounded page at a time. The province reads
 * every county's, a city its counties', a county its own (CASL and RLS both); reviewers, enterprises and providers
 * none (403).
 */
export const listAuditRecords = procedureAllowedTo("read", "AuditRecord")
  .input(listAuditRecordsInput)
  .query(async ({ ctx, input }): Promise<ListAuditRecordsOutput> => {
    const { records, total } = await readAuditRecords(
      ctx.data,
      {
        ...(input.countyId ? { countyId: input.countyId } : {}),
        ...(input.actor ? { username: input.actor } : {}),
        ...(input.procedure ? { procedure: input.procedure } : {}),
        ...(input.targetType ? { targetType: input.targetType } : {}),
        ...(input.targetId ? { targetId: input.targetId } : {}),
        ...(input.outcome ? { outcome: input.outcome } : {}),
        ...(input.from ? { from: input.from } : {}),
        ...(input.to ? { to: input.to } : {}),
      },
      { skip: (input.page - 1) * input.pageSize, take: input.pageSize },
    );
    return {
      records: records.map(
        (record): AuditRecordView => ({
          id: record.id,
          at: record.at,
          actorId: record.actorId,
          username: record.username,
          role: record.role,
          orgKind: record.orgKind,
          orgId: record.orgId,
          countyId: record.countyId,
          procedure: record.procedure,
          targetType: record.targetType,
          targetId: record.targetId,
          changes: record.changes as unknown as AuditChange[],
          input: record.input as Record<string, AuditValue>,
          outcome: record.outcome,
          requestId: record.requestId,
          clientAddress: record.clientAddress,
        }),
      ),
      total,
      page: input.page,
      pageSize: input.pageSize,
    };
  });

import { listAuditRecords as readAuditRecords, plansWithVisibleContent } from "@dtpilot/db";
import { withoutAuditedContent, type AuditChange, type AuditValue } from "@dtpilot/domain";
import { procedureAllowedTo } from "../../kernel/trpc";
import { listAuditRecordsInput, listAuditRecordsOutput, type AuditRecordView, type ListAuditRecordsOutput } from "./list-audit-records.types";

/**
 * 审计日志: the audit records the caller may read, newest first, one bounded page at a time. The province reads
 * every county's, a city its counties', a county its own (CASL and RLS both); reviewers, enterprises and providers
 * none (403). A plan's records show their values only to whoever may see the plan's content: a never-submitted draft's
 * are the county's own (its city and the province see that it was saved, not what).
 */
export const listAuditRecords = procedureAllowedTo("read", "AuditRecord")
  .input(listAuditRecordsInput)
  .output(listAuditRecordsOutput)
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
    const planIds = [...new Set(records.flatMap((record) => (record.targetType === "ImplementationPlan" && record.targetId ? [record.targetId] : [])))];
    const visiblePlans = await plansWithVisibleContent(ctx.data, planIds);
    const hidden = (record: { targetType: string | null; targetId: string | null }) =>
      record.targetType === "ImplementationPlan" && record.targetId !== null && !visiblePlans.has(record.targetId);
    return {
      records: records.map((record): AuditRecordView => {
        const view: AuditRecordView = {
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
        };
        return hidden(record) ? withoutAuditedContent(view) : view;
      }),
      total,
      page: input.page,
      pageSize: input.pageSize,
    };
  });

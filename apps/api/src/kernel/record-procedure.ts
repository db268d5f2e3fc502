import type { TenantDb } from "@dtpilot/db";
import type { z } from "zod";
import { forbidden, notFound } from "./errors";
import type { Permission } from "./permission";
import { authedProcedure } from "./trpc";

/** How a procedure finds the county-owned record its input names. */
export interface RecordLoader<TRecord extends { id: string; countyId: string }, TKey extends string> {
  /** The input field holding the record's id. */
  key: TKey;
  /** The audit record's target for a mutation on it. */
  auditType: string;
  /** The record through the tenant handle; null when missing or outside the caller's scope. */
  find: (data: TenantDb, id: string) => Promise<TRecord | null>;
}

/**
 * A procedure on one record: loaded through the tenant handle by the id in the input, 404 when it is missing or
 * outside the caller's scope (the same answer, so no id reveals another tenant's record), the mutation's audit
 * target set, then the permission checked on the loaded record's county (403). The record is `ctx.record`.
 */
export function recordProcedure<TRecord extends { id: string; countyId: string }, TKey extends string, TInput extends z.ZodType<Record<TKey, string>>>(
  input: TInput,
  loader: RecordLoader<TRecord, TKey>,
  permission?: Permission,
) {
  return authedProcedure.input(input).use(async ({ ctx, input: parsed, next }) => {
    const record = await loader.find(ctx.data, (parsed as Record<TKey, string>)[loader.key]);
    if (!record) throw notFound();
    ctx.audit.target(loader.auditType, record.id, { countyId: record.countyId });
    if (permission && !ctx.data.can(permission.action, permission.subject, { countyId: record.countyId })) throw forbidden();
    return next({ ctx: { record } });
  });
}

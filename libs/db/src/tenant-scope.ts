import type { Scope } from "@dtpilot/domain";
import { readableCountyIds, writableCountyId } from "@dtpilot/domain";
import type { Database } from "./client";

/** A transaction whose row-level-security settings are those of one scope. */
export type ScopedTransaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** The transaction-local settings the row-level-security policies read (see the row_level_security migration). */
export function rowSecuritySettings(scope: Scope): Record<string, string> {
  const readable = readableCountyIds(scope);
  return {
    "app.scope_kind": scope.kind,
    "app.county_ids": readable === "all" ? "" : readable.join(","),
    "app.write_county_id": writableCountyId(scope) ?? "",
    "app.enterprise_id": scope.kind === "enterprise" ? scope.enterpriseId : "",
    "app.provider_id": scope.kind === "provider" ? scope.providerId : "",
  };
}

/**
 * The longest a request's transaction may run. Prisma's default (5 s) is too short for the largest legitimate work —
 * a 2,000-row roster import read, checked and enrolled in one transaction — and a request that runs longer fails
 * cleanly (rolled back) rather than holding a connection.
 */
export const TRANSACTION_TIMEOUT_MS = 20_000;

/**
 * Runs `work` in one transaction whose settings carry the scope, so PostgreSQL filters every county-owned row
 * by it. The settings are transaction-local: nothing reaches the next user of the pooled connection.
 */
export async function withScope<T>(db: Database, scope: Scope, work: (tx: ScopedTransaction) => Promise<T>): Promise<T> {
  const settings = Object.entries(rowSecuritySettings(scope));
  return db.$transaction(async (tx) => {
    const names = settings.map(([name]) => name);
    const values = settings.map(([, value]) => value);
    await tx.$executeRaw`select set_config(name, value, true) from unnest(${names}::text[], ${values}::text[]) as s(name, value)`;
    return work(tx);
  }, { timeout: TRANSACTION_TIMEOUT_MS });
}

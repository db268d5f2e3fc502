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
 * The longest a request waits for a pooled connection before its transaction starts. Prisma's default (2 s) turned a
 * burst of 100 concurrent requests into errors (bench:api); past this wait the server is overloaded and says so (503).
 */
export const TRANSACTION_MAX_WAIT_MS = 10_000;

/**
 * What a session was granted at sign-in: its user, membership and the user's access version then. A request made
 * with it is still allowed while the user is enabled, the membership exists and the version has not moved (triggers
 * raise it on every change of password, membership, role or reviewer assignments: see the session_access_version
 * migration).
 */
export interface AccessGrant {
  userId: string;
  membershipId: string;
  accessVersion: number;
}

/** The session's grant no longer holds (user disabled, membership removed or changed, password changed). */
export class AccessRevokedError extends Error {
  constructor() {
    super("the session's access was revoked");
    this.name = "AccessRevokedError";
  }
}

/**
 * Runs `work` in one transaction whose settings carry the scope, so PostgreSQL filters every county-owned row
 * by it. The settings are transaction-local: nothing reaches the next user of the pooled connection.
 * With a `grant`, the same statement checks that it still holds and the transaction ends with AccessRevokedError
 * when it does not: a request costs no extra round trip for it.
 */
export async function withScope<T>(db: Database, scope: Scope, work: (tx: ScopedTransaction) => Promise<T>, grant?: AccessGrant): Promise<T> {
  const settings = Object.entries(rowSecuritySettings(scope));
  return db.$transaction(async (tx) => {
    const names = settings.map(([name]) => name);
    const values = settings.map(([, value]) => value);
    if (!grant) {
      await tx.$executeRaw`select set_config(name, value, true) from unnest(${names}::text[], ${values}::text[]) as s(name, value)`;
    } else {
      const rows = await tx.$queryRaw<{ live: boolean }[]>`
        select set_config(name, value, true) as setting,
               exists (select 1 from "User" u join "Membership" m on m."userId" = u.id
                        where u.id = ${grant.userId}::uuid and m.id = ${grant.membershipId}::uuid
                          and u."accessVersion" = ${grant.accessVersion}::int and not u.disabled) as live
          from unnest(${names}::text[], ${values}::text[]) as s(name, value)`;
      if (rows[0]?.live !== true) throw new AccessRevokedError();
    }
    return work(tx);
  }, { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_MAX_WAIT_MS });
}

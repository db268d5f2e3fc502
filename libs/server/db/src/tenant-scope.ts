import type { Scope } from "@dtpilot/domain";
import { readableCountyIds, writableCountyId } from "@dtpilot/domain";
import pg from "pg";
import type { Database } from "./client";
import { openingScope, type PendingScope } from "./scoped-connection";
import { attachConnection } from "./tenant-transaction";

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one statement that sets a scope's settings and, with a grant, checks it still holds (its `live` column), with
 * every value as a literal: it goes out with `BEGIN` as one simple query (scoped-connection.ts), where parameters
 * cannot be sent. The values are the server's own (the session's scope, ids checked as uuids, an integer version),
 * quoted by pg's escapeLiteral all the same.
 */
function scopeStatement(scope: Scope, grant?: AccessGrant): string {
  const literal = (value: string) => pg.escapeLiteral(value);
  const settings = Object.entries(rowSecuritySettings(scope)).map(([name, value]) => `set_config(${literal(name)}, ${literal(value)}, true)`);
  if (!grant) return `select ${settings.join(", ")}, true as live`;
  if (!UUID.test(grant.userId) || !UUID.test(grant.membershipId) || !Number.isSafeInteger(grant.accessVersion)) {
    throw new AccessRevokedError();
  }
  return `select ${settings.join(", ")},
       exists (select 1 from "User" u join "Membership" m on m."userId" = u.id
                where u.id = ${literal(grant.userId)}::uuid and m.id = ${literal(grant.membershipId)}::uuid
                  and u."accessVersion" = ${grant.accessVersion} and not u.disabled) as live`;
}

/**
 * Runs `work` in one transaction whose settings carry the scope, so PostgreSQL filters every county-owned row
 * by it. The settings are transaction-local: nothing reaches the next user of the pooled connection.
 * With a `grant`, the same statement checks that it still holds and the transaction ends with AccessRevokedError
 * when it does not. That statement goes out with the transaction's `BEGIN`, in one round trip (scoped-connection.ts),
 * and the transaction's connection is kept for the library's raw reads until `work` is done; on a client whose pool
 * is not the library's, it is the transaction's first statement instead.
 */
export async function withScope<T>(db: Database, scope: Scope, work: (tx: ScopedTransaction) => Promise<T>, grant?: AccessGrant): Promise<T> {
  const pending: PendingScope = { statement: scopeStatement(scope, grant) };
  return openingScope(pending, () =>
    db.$transaction(
      async (tx) => {
        const began = pending.began;
        if (!began) {
          const rows = await tx.$queryRawUnsafe<{ live: boolean }[]>(pending.statement);
          if (rows[0]?.live !== true) throw new AccessRevokedError();
          return work(tx);
        }
        if (!began.live) throw new AccessRevokedError();
        attachConnection(tx, began.connection);
        try {
          return await work(tx);
        } finally {
          began.connection.close();
        }
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_MAX_WAIT_MS },
    ),
  );
}

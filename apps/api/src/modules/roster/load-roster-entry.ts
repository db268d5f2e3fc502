import { findRosterEntry, type RosterEntryRecord, type TenantDb } from "@dtpilot/db";
import type { Principal } from "@dtpilot/domain";
import { notFound } from "../../kernel/errors";

/** One roster entry (名单企业) within the caller's scope; outside it, a 404 like a row that does not exist. */
export async function loadRosterEntry(db: TenantDb, principal: Principal, rosterEntryId: string): Promise<RosterEntryRecord> {
  const entry = await findRosterEntry(db, principal.scope, rosterEntryId);
  if (!entry) throw notFound();
  return entry;
}

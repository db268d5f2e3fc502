import { findRosterEntry, type RosterEntryRecord, type TenantDb } from "@dtpilot/db";
import { notFound } from "../../kernel/errors";
import type { RecordLoader } from "../../kernel/record-procedure";

/** One roster entry (名单企业) named by `pilotId`, within the caller's scope (a provider: its linked ones). */
export const rosterEntry: RecordLoader<RosterEntryRecord, "pilotId"> = {
  key: "pilotId",
  auditType: "PilotEnterprise",
  find: findRosterEntry,
};

/** One roster entry within the caller's scope; outside it, a 404 like a row that does not exist. */
export async function loadRosterEntry(db: TenantDb, rosterEntryId: string): Promise<RosterEntryRecord> {
  const entry = await findRosterEntry(db, rosterEntryId);
  if (!entry) throw notFound();
  return entry;
}

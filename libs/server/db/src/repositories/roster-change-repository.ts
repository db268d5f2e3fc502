/**
 * Roster change requests 名单调整: once the plan is approved, the county asks to add, remove or replace an enterprise
 * with a reason; its city approves (备案同意) or refuses, and an approval is applied in the same transaction. The
 * history stays: every request with who asked, who decided, when and why.
 */
import type { RosterEntryInput } from "@dtpilot/domain";
import type { Prisma, RosterChangeKind } from "../generated/prisma/client";
import type { TenantDb } from "../tenant-db";
import { transactionOf } from "../tenant-transaction";

const CHANGE_SELECT = {
  id: true,
  countyId: true,
  batchId: true,
  kind: true,
  reason: true,
  addition: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  decisionComment: true,
  requestedBy: { select: { id: true, displayName: true } },
  decidedBy: { select: { displayName: true } },
  removedPilotId: true,
} as const satisfies Prisma.RosterChangeRequestSelect;

export type RosterChangeRecord = Prisma.RosterChangeRequestGetPayload<{ select: typeof CHANGE_SELECT }>;

export function listRosterChanges(db: TenantDb, where: { countyId: string; batchId: string }) {
  return transactionOf(db).rosterChangeRequest.findMany({
    where: { AND: [where, db.accessible("read", "RosterChangeRequest")] },
    select: CHANGE_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}

export function findRosterChange(db: TenantDb, requestId: string) {
  return transactionOf(db).rosterChangeRequest.findFirst({ where: { AND: [{ id: requestId }, db.accessible("read", "RosterChangeRequest")] }, select: CHANGE_SELECT });
}

export function createRosterChange(
  db: TenantDb,
  data: { countyId: string; batchId: string; kind: RosterChangeKind; reason: string; addition: RosterEntryInput | null; removedPilotId: string | null; requestedById: string },
) {
  return transactionOf(db).rosterChangeRequest.create({
    data: { ...data, addition: (data.addition ?? undefined) as Prisma.InputJsonObject | undefined },
    select: CHANGE_SELECT,
  });
}

/** Records the decision if the request is still pending; false when someone decided it first. */
export async function decideRosterChange(db: TenantDb, data: { requestId: string; approved: boolean; comment: string | null; decidedById: string }) {
  const decided = await transactionOf(db).rosterChangeRequest.updateMany({
    where: { id: data.requestId, status: "PENDING" },
    data: { status: data.approved ? "APPROVED" : "REFUSED", decisionComment: data.comment, decidedById: data.decidedById, decidedAt: new Date() },
  });
  return decided.count === 1;
}

/** Takes an enterprise off the roster (kept, marked REMOVED, with its file). */
export async function removeRosterEntry(db: TenantDb, data: { countyId: string; pilotId: string }) {
  const removed = await transactionOf(db).pilotEnterprise.updateMany({
    where: { id: data.pilotId, countyId: data.countyId, status: "ACTIVE" },
    data: { status: "REMOVED", removedAt: new Date() },
  });
  return removed.count === 1;
}

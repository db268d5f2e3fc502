/**
 * Roster change requests 名单调整: once the plan is approved, the county asks to add, remove or replace an enterprise
 * with a reason; its city approves (备案同意) or refuses, and an approval is applied in the same transaction. The
 * history stays: every request with who asked, and its decision (who, when and why) read from its workflow events.
 */
import type { RosterChangeState, PilotEnterpriseInput } from "@dtpilot/domain";
import type { Prisma, RosterChangeKind } from "../generated/prisma/client";
import type { TenantDb } from "../tenant-db";
import { transactionOf } from "../tenant-transaction";
import { listWorkflowEvents } from "./workflow-event-repository";

const CHANGE_SELECT = {
  id: true,
  countyId: true,
  batchId: true,
  kind: true,
  reason: true,
  addition: true,
  status: true,
  createdAt: true,
  requestedBy: { select: { id: true, displayName: true } },
  removedPilotEnterpriseId: true,
} as const satisfies Prisma.RosterChangeRequestSelect;

type StoredRosterChange = Prisma.RosterChangeRequestGetPayload<{ select: typeof CHANGE_SELECT }>;

/** A request with its decision: who decided, when and why (all null while it is pending). */
export type RosterChangeRecord = StoredRosterChange & {
  decidedAt: Date | null;
  decisionComment: string | null;
  decidedBy: { displayName: string } | null;
};

/** The requests with their decisions, read from their workflow events (the decision is a request's last one). */
async function withDecisions(db: TenantDb, changes: StoredRosterChange[]): Promise<RosterChangeRecord[]> {
  const events = await listWorkflowEvents(db, "ROSTER_CHANGE_REQUEST", changes.filter((change) => change.status !== "PENDING"));
  const decisions = new Map(events.filter((event) => event.fromState === "PENDING").map((event) => [event.subjectId, event]));
  return changes.map((change) => {
    const decision = decisions.get(change.id);
    return {
      ...change,
      decidedAt: decision?.createdAt ?? null,
      decisionComment: decision?.comment ?? null,
      decidedBy: decision ? { displayName: decision.actor.displayName } : null,
    };
  });
}

export async function listRosterChanges(db: TenantDb, where: { countyId: string; batchId: string }) {
  const changes = await transactionOf(db).rosterChangeRequest.findMany({
    where: { AND: [where, db.accessible("read", "RosterChangeRequest")] },
    select: CHANGE_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return withDecisions(db, changes);
}

export async function findRosterChange(db: TenantDb, requestId: string): Promise<RosterChangeRecord | null> {
  const change = await transactionOf(db).rosterChangeRequest.findFirst({
    where: { AND: [{ id: requestId }, db.accessible("read", "RosterChangeRequest")] },
    select: CHANGE_SELECT,
  });
  return change ? ((await withDecisions(db, [change]))[0] ?? null) : null;
}

/** Files a pending request; the caller logs its REQUEST event in the same transaction. */
export async function createRosterChange(
  db: TenantDb,
  data: { countyId: string; batchId: string; kind: RosterChangeKind; reason: string; addition: PilotEnterpriseInput | null; removedPilotEnterpriseId: string | null; requestedById: string },
): Promise<RosterChangeRecord> {
  const change = await transactionOf(db).rosterChangeRequest.create({
    data: { ...data, addition: (data.addition ?? undefined) as Prisma.InputJsonObject | undefined },
    select: CHANGE_SELECT,
  });
  return { ...change, decidedAt: null, decisionComment: null, decidedBy: null };
}

/**
 * Moves a request from `from` to `to` if it is still in `from`; false when someone moved it first. The caller logs
 * the step (the decision, with its comment) as a workflow event in the same transaction.
 */
export async function moveRosterChange(db: TenantDb, data: { requestId: string; countyId: string; from: RosterChangeState; to: RosterChangeState }) {
  const moved = await transactionOf(db).rosterChangeRequest.updateMany({
    where: { id: data.requestId, countyId: data.countyId, status: data.from },
    data: { status: data.to },
  });
  return moved.count === 1;
}

/** Takes an enterprise off the roster (kept, marked REMOVED, with its file). */
export async function removePilotEnterprise(db: TenantDb, data: { countyId: string; pilotEnterpriseId: string }) {
  const removed = await transactionOf(db).pilotEnterprise.updateMany({
    where: { id: data.pilotEnterpriseId, countyId: data.countyId, status: "ACTIVE" },
    data: { status: "REMOVED", removedAt: new Date() },
  });
  return removed.count === 1;
}

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
  // Read in the same statement (a join): the reviewer sees whom a removal takes off without loading the roster.
  removedPilotEnterprise: { select: { enterprise: { select: { name: true, creditCode: true } } } },
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

/**
 * A county as its change list needs it, in one statement: its city (the region's roster minimum) and the batches it
 * pilots in, each with its plan's state (frozen once approved) and how many enterprises are on its roster now.
 * Null when the caller does not read the county.
 */
export async function findRosterChangeCounty(db: TenantDb, countyCode: string) {
  const county = await transactionOf(db).county.findFirst({
    where: { AND: [{ code: countyCode }, db.accessible("read", "County")] },
    select: {
      code: true,
      name: true,
      city: { select: { code: true, name: true, region: true } },
      pilots: {
        where: db.accessible("read", "PilotCounty"),
        select: {
          batch: {
            select: {
              id: true,
              name: true,
              startsOn: true,
              endsOn: true,
              plans: { where: { AND: [{ countyId: countyCode }, db.accessible("read", "ImplementationPlan")] }, select: { state: true } },
              _count: {
                select: { pilotEnterprises: { where: { AND: [{ countyId: countyCode, status: "ACTIVE" }, db.accessible("read", "PilotEnterprise")] } } },
              },
            },
          },
        },
      },
    },
  });
  if (!county) return null;
  const { pilots, ...profile } = county;
  return {
    ...profile,
    batches: pilots.map(({ batch: { plans, _count, ...batch } }) => ({
      ...batch,
      planState: plans[0]?.state ?? null,
      activeEntries: _count.pilotEnterprises,
    })),
  };
}

export interface RosterChangeFilter {
  status?: RosterChangeState;
  kind?: RosterChangeKind;
}

/**
 * One page of a county's change requests for a batch, newest first (ties by id), with their decisions; and, counted
 * in SQL over the whole batch whatever the page: how many match the filter (`total`) and how many await a decision
 * (`pendingCount`, the city's to-do). A page past the last holds no request and still tells the total.
 */
export async function listRosterChanges(
  db: TenantDb,
  where: { countyId: string; batchId: string },
  filter: RosterChangeFilter,
  page: { skip: number; take: number },
) {
  const readable: Prisma.RosterChangeRequestWhereInput = { AND: [where, db.accessible("read", "RosterChangeRequest")] };
  const matching: Prisma.RosterChangeRequestWhereInput = {
    AND: [readable, filter.status ? { status: filter.status } : {}, filter.kind ? { kind: filter.kind } : {}],
  };
  const tx = transactionOf(db);
  const changes = await tx.rosterChangeRequest.findMany({
    where: matching,
    select: CHANGE_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: page.skip,
    take: page.take,
  });
  // One count per status and kind (at most 9 rows) answers both the filtered total and the pending count.
  const counts = await tx.rosterChangeRequest.groupBy({ by: ["status", "kind"], where: readable, _count: { _all: true } });
  const sum = (rows: typeof counts) => rows.reduce((total, row) => total + row._count._all, 0);
  return {
    items: await withDecisions(db, changes),
    total: sum(counts.filter((row) => (!filter.status || row.status === filter.status) && (!filter.kind || row.kind === filter.kind))),
    pendingCount: sum(counts.filter((row) => row.status === "PENDING")),
  };
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

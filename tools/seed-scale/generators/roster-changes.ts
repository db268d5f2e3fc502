/**
 * 名单调整 after the plan's approval: the county asks its city to add, remove or replace an enterprise, with a reason;
 * the city approves (备案同意) or refuses with its reason. Each request and decision is a step of the domain's
 * ROSTER_CHANGE_WORKFLOW, logged as the API logs it. An approval takes effect as decideRosterChange applies it: the
 * removed entry leaves the roster (REMOVED, kept with its file), the added enterprise is enrolled by the requester.
 * Approved requests are replacements, so the roster keeps its size; pending and refused ones are of every kind.
 */
import { ROSTER_CHANGE_WORKFLOW, type RosterChangeKind, type RosterChangeState } from "@dtpilot/domain";
import { day, officeTime, officeTimeAfter } from "../clock";
import type { Random } from "../random";
import type { RowSet } from "../rows";
import { ROSTER_CHANGE_REASONS, ROSTER_REFUSAL_REASONS } from "../vocabulary/file-texts";
import type { ScaleCounty } from "./geography";
import type { Account } from "./identity";
import { enrol, newPilotEnterprise, type OutlineRow, type PilotRecord } from "./roster";
import { takeStep } from "./workflow";

export interface ChangeInput {
  county: ScaleCounty;
  batchId: string;
  outline: readonly OutlineRow[];
  pilots: PilotRecord[];
  countyTeam: readonly Account[];
  city: Account;
  approvedAt: Date;
  count: number;
  /** The next credit-code serial of the county. */
  nextSerial: () => number;
}

/** Writes the requests and their steps; returns the entries enrolled by approved replacements. */
export function addRosterChanges(rows: RowSet, random: Random, input: ChangeInput): PilotRecord[] {
  const { county } = input;
  const enrolled: PilotRecord[] = [];
  // Each request names a different entry: a second request for one already off the roster would be refused.
  const removable = random.sample(
    input.pilots.filter((pilot) => pilot.status === "ACTIVE"),
    input.count,
  );
  for (let index = 0; index < input.count; index++) {
    const status = random.weighted<RosterChangeState>([["APPROVED", 4], ["PENDING", 3], ["REFUSED", 3]]);
    const kind: RosterChangeKind =
      status === "APPROVED" ? "REPLACE" : random.weighted<RosterChangeKind>([["ADD", 4], ["REMOVE", 2], ["REPLACE", 4]]);
    const removed = kind === "ADD" ? null : (removable[index] ?? null);
    if (kind !== "ADD" && !removed) continue;
    const row = removed?.row ?? random.pick(input.outline);
    const addition = kind === "REMOVE" ? null : newPilotEnterprise(random, county, row, input.nextSerial());
    const requester = random.pick(input.countyTeam);
    const requestedAt = officeTime(random, officeTimeAfter(random, input.approvedAt, 15, 40), day("2026-04-30"));
    const requestId = random.uuid();
    rows.add("rosterChangeRequest", {
      id: requestId,
      countyId: county.code,
      batchId: input.batchId,
      kind,
      reason: random.pick(ROSTER_CHANGE_REASONS[kind]),
      addition,
      removedPilotEnterpriseId: removed?.id ?? null,
      status,
      requestedById: requester.userId,
      createdAt: requestedAt,
    });
    const requested = takeStep(rows, random, {
      workflow: ROSTER_CHANGE_WORKFLOW,
      subjectId: requestId,
      countyId: county.code,
      state: null,
      event: "REQUEST",
      actor: requester,
      context: { step: "request", frozen: true, kind, hasAddition: addition !== null, hasRemoval: removed !== null },
      at: requestedAt,
    });
    if (status === "PENDING") continue;

    const decidedAt = officeTimeAfter(random, requestedAt, 1, 10);
    const comment = status === "REFUSED" ? random.pick(ROSTER_REFUSAL_REASONS) : random.chance(0.5) ? "同意备案。" : null;
    const decided = takeStep(rows, random, {
      workflow: ROSTER_CHANGE_WORKFLOW,
      subjectId: requestId,
      countyId: county.code,
      state: requested.next,
      event: status === "APPROVED" ? "APPROVE" : "REFUSE",
      actor: input.city,
      context: { step: "decision", comment },
      at: decidedAt,
      comment,
    });
    if (decided.next !== status) throw new Error(`roster change ended ${decided.next}, not ${status}`);
    if (status === "APPROVED" && removed && addition) {
      removed.status = "REMOVED";
      removed.removedAt = decidedAt;
      removed.updatedAt = decidedAt;
      enrolled.push(enrol(rows, random, { county, entry: addition, row, addedBy: requester, at: decidedAt }));
    }
  }
  return enrolled;
}

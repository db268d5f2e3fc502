import { defineWorkflow, type TransitionGuard } from "../workflow/define-workflow";

/**
 * 名单调整: once the plan is approved the roster is frozen, and the county asks its city to add, remove or replace an
 * enterprise, with a reason; the city approves (备案同意) or refuses, saying why. A decided request is final.
 */
export const ROSTER_CHANGE_STATES = ["PENDING", "APPROVED", "REFUSED"] as const;
export type RosterChangeState = (typeof ROSTER_CHANGE_STATES)[number];

export const ROSTER_CHANGE_EVENTS = ["REQUEST", "APPROVE", "REFUSE"] as const;
export type RosterChangeEvent = (typeof ROSTER_CHANGE_EVENTS)[number];

export const ROSTER_CHANGE_KINDS = ["ADD", "REMOVE", "REPLACE"] as const;
export type RosterChangeKind = (typeof ROSTER_CHANGE_KINDS)[number];

/** What the guards look at: for a request, the roster and the request's parts; for a decision, its comment. */
export type RosterChangeContext =
  | { step: "request"; frozen: boolean; kind: RosterChangeKind; hasAddition: boolean; hasRemoval: boolean }
  | { step: "decision"; comment: string | null };

/** Before the plan's approval the county edits its roster directly: there is nothing to ask for. */
const rosterFrozen: TransitionGuard<RosterChangeContext> = (context) =>
  context.step !== "request" || context.frozen ? null : { kind: "GUARD", key: "roster.change.notFrozen", cause: "STATE" };

/** ADD and REPLACE name the enterprise to add; REMOVE names none. */
const additionMatchesKind: TransitionGuard<RosterChangeContext> = (context) =>
  context.step !== "request" || context.hasAddition === (context.kind !== "REMOVE")
    ? null
    : { kind: "GUARD", key: "roster.change.additionRequired", field: "addition", cause: "INPUT" };

/** REMOVE and REPLACE name the pilot enterprise to take off; ADD names none. */
const removalMatchesKind: TransitionGuard<RosterChangeContext> = (context) =>
  context.step !== "request" || context.hasRemoval === (context.kind !== "ADD")
    ? null
    : { kind: "GUARD", key: "roster.change.removalRequired", field: "removedPilotEnterpriseId", cause: "INPUT" };

/** A refusal says why. */
const refusalHasReason: TransitionGuard<RosterChangeContext> = (context) =>
  context.step !== "decision" || context.comment
    ? null
    : { kind: "GUARD", key: "roster.change.reasonRequired", field: "comment", cause: "INPUT" };

export const ROSTER_CHANGE_WORKFLOW = defineWorkflow<RosterChangeState, RosterChangeEvent, RosterChangeContext>({
  subject: "ROSTER_CHANGE_REQUEST",
  states: ROSTER_CHANGE_STATES,
  events: ROSTER_CHANGE_EVENTS,
  start: {
    REQUEST: { next: "PENDING", roles: ["COUNTY_ADMIN"], guards: [rosterFrozen, additionMatchesKind, removalMatchesKind] },
  },
  transitions: {
    PENDING: {
      APPROVE: { next: "APPROVED", roles: ["CITY_OFFICER"] },
      REFUSE: { next: "REFUSED", roles: ["CITY_OFFICER"], guards: [refusalHasReason] },
    },
    APPROVED: {},
    REFUSED: {},
  },
  // Whoever decided first, the request is no longer open: say so rather than name its state.
  refusalKeys: { WRONG_STATE: "roster.change.decided" },
});

export function isRosterChangeState(value: unknown): value is RosterChangeState {
  return typeof value === "string" && (ROSTER_CHANGE_STATES as readonly string[]).includes(value);
}

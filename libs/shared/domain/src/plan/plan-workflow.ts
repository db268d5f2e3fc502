import type { Role, ScopeKind } from "../scope";

/**
 * Approval workflow of an implementation plan (实施方案): county → city (推荐) → province (批准).
 * A return by the city or the province opens a new version that the county edits and resubmits to the city;
 * earlier versions stay as they were.
 */
export const PLAN_STATES = [
  "DRAFT",
  "SUBMITTED",
  "RETURNED_BY_CITY",
  "RECOMMENDED",
  "RETURNED_BY_PROVINCE",
  "APPROVED",
] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  DRAFT: "草稿",
  SUBMITTED: "已提交设区市",
  RETURNED_BY_CITY: "设区市已退回",
  RECOMMENDED: "设区市已推荐",
  RETURNED_BY_PROVINCE: "省工信厅已退回",
  APPROVED: "省工信厅已批准",
};

export const PLAN_EVENTS = ["SUBMIT", "RETURN", "RECOMMEND", "APPROVE"] as const;
export type PlanEvent = (typeof PLAN_EVENTS)[number];

export interface PlanTransitionRule {
  next: PlanState;
  /** Roles that may fire the event in this state. */
  roles: readonly Role[];
  /** True when the transition opens a new version of the plan (a return to the county). */
  newVersion: boolean;
}

/**
 * The state machine as a table: state × event → next state, allowed roles, whether a new version opens.
 * A missing cell means the event is not allowed in that state.
 */
export const PLAN_TRANSITIONS: Readonly<Record<PlanState, Partial<Record<PlanEvent, PlanTransitionRule>>>> = {
  DRAFT: {
    SUBMIT: { next: "SUBMITTED", roles: ["COUNTY_ADMIN"], newVersion: false },
  },
  SUBMITTED: {
    RETURN: { next: "RETURNED_BY_CITY", roles: ["CITY_OFFICER"], newVersion: true },
    RECOMMEND: { next: "RECOMMENDED", roles: ["CITY_OFFICER"], newVersion: false },
  },
  RETURNED_BY_CITY: {
    SUBMIT: { next: "SUBMITTED", roles: ["COUNTY_ADMIN"], newVersion: false },
  },
  RECOMMENDED: {
    RETURN: { next: "RETURNED_BY_PROVINCE", roles: ["PROVINCE_ADMIN"], newVersion: true },
    APPROVE: { next: "APPROVED", roles: ["PROVINCE_ADMIN"], newVersion: false },
  },
  RETURNED_BY_PROVINCE: {
    // A plan the province returned goes through the city again.
    SUBMIT: { next: "SUBMITTED", roles: ["COUNTY_ADMIN"], newVersion: false },
  },
  APPROVED: {},
};

export type PlanTransitionRefusal = "EVENT_NOT_ALLOWED_IN_STATE" | "ROLE_NOT_ALLOWED";

export type PlanTransitionResult =
  | { ok: true; next: PlanState; newVersion: boolean }
  | { ok: false; reason: PlanTransitionRefusal };

/** Fire `event` in `state` as `role`. An event the state does not accept is refused before the role is looked at. */
export function transition(state: PlanState, event: PlanEvent, role: Role): PlanTransitionResult {
  const rule = PLAN_TRANSITIONS[state][event];
  if (!rule) return { ok: false, reason: "EVENT_NOT_ALLOWED_IN_STATE" };
  if (!rule.roles.includes(role)) return { ok: false, reason: "ROLE_NOT_ALLOWED" };
  return { ok: true, next: rule.next, newVersion: rule.newVersion };
}

/** Whether `role` may fire `event` in some state: a city can never approve, whatever the plan's state. */
export function mayEverFire(event: PlanEvent, role: Role): boolean {
  return PLAN_STATES.some((state) => PLAN_TRANSITIONS[state][event]?.roles.includes(role) ?? false);
}

/** The events `role` may fire in `state`. */
export function availablePlanEvents(state: PlanState, role: Role): PlanEvent[] {
  return PLAN_EVENTS.filter((event) => transition(state, event, role).ok);
}

/** States in which the county may edit its plan: before first submission and after a return. */
export const PLAN_EDITABLE_STATES: readonly PlanState[] = ["DRAFT", "RETURNED_BY_CITY", "RETURNED_BY_PROVINCE"];

/** Only the county edits a plan, and only while it is a draft or returned; submitted, recommended and approved plans are read-only. */
export function isEditableBy(state: PlanState, role: Role): boolean {
  return role === "COUNTY_ADMIN" && PLAN_EDITABLE_STATES.includes(state);
}

/**
 * A draft is the county's own until it is first submitted: those who oversee the county (its city, the province, a
 * commissioned reviewer) see a plan from its first submission on.
 */
export function isPlanVisibleTo(state: PlanState, scopeKind: ScopeKind): boolean {
  return scopeKind === "county" || state !== "DRAFT";
}

/** The states of the plans a scope sees in its lists. */
export function planStatesVisibleTo(scopeKind: ScopeKind): PlanState[] {
  return PLAN_STATES.filter((state) => isPlanVisibleTo(state, scopeKind));
}

export function isPlanState(value: unknown): value is PlanState {
  return typeof value === "string" && (PLAN_STATES as readonly string[]).includes(value);
}

export function isPlanEvent(value: unknown): value is PlanEvent {
  return typeof value === "string" && (PLAN_EVENTS as readonly string[]).includes(value);
}

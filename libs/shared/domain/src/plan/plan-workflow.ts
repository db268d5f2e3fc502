import type { Region } from "../region";
import type { Role, ScopeKind } from "../scope";
import { defineWorkflow, type TransitionGuard } from "../workflow/define-workflow";
import { roleEverFires, ruleFor } from "../workflow/decide-transition";
import { isPlanCommentTarget, planPathString, type ImplementationPlanContent } from "./plan-content";
import { submissionBlockers, validatePlanDataTable } from "./plan-validation";

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

export const PLAN_EVENTS = ["SUBMIT", "RETURN", "RECOMMEND", "APPROVE"] as const;
export type PlanEvent = (typeof PLAN_EVENTS)[number];

/** What the plan's guards look at: the version's content, the county's region, and the comments given with the step. */
export interface PlanTransitionContext {
  content: ImplementationPlanContent;
  region: Region;
  comments: readonly { target: string }[];
}

/** A submission with a field error in its 主要数据表 is refused, naming the first one. */
const hasNoFieldErrors: TransitionGuard<PlanTransitionContext> = ({ content }) => {
  const errors = validatePlanDataTable(content.dataTable);
  if (errors.length === 0) return null;
  const field = planPathString(["dataTable", ...errors[0]!.path]);
  return { kind: "GUARD", key: "plan.submission.hasErrors", params: { count: errors.length }, field, cause: "INPUT" };
};

/** 拟改造企业合计 (B) below the region's minimum blocks the submission; the message names the minimum and the region. */
const meetsRegionalMinimum: TransitionGuard<PlanTransitionContext> = ({ content, region }) => {
  const [blocker] = submissionBlockers(content.dataTable, region);
  if (!blocker) return null;
  const field = planPathString(["dataTable", ...blocker.path]);
  return { kind: "GUARD", key: blocker.key, params: blocker.params, field, cause: "INPUT" };
};

/** A return tells the county what to change: at least one comment. */
const hasAComment: TransitionGuard<PlanTransitionContext> = ({ comments }) =>
  comments.length > 0 ? null : { kind: "GUARD", key: "plan.return.commentRequired", field: "comments", cause: "INPUT" };

/** Every comment concerns the whole plan, or a section or field the reviewed version has. */
const commentsNameKnownTargets: TransitionGuard<PlanTransitionContext> = ({ content, comments }) => {
  const unknown = comments.find((comment) => !isPlanCommentTarget(content, comment.target));
  if (!unknown) return null;
  return { kind: "GUARD", key: "plan.comment.unknownTarget", params: { target: unknown.target }, field: "comments", cause: "INPUT" };
};

const SUBMIT = { next: "SUBMITTED", roles: ["COUNTY_ADMIN"], guards: [hasNoFieldErrors, meetsRegionalMinimum] } as const;
const RETURN_GUARDS = [hasAComment, commentsNameKnownTargets];

/**
 * The state machine as a table: state × event → next state, allowed roles, guards, whether a new version opens.
 * A missing cell means the event is not allowed in that state.
 */
export const PLAN_WORKFLOW = defineWorkflow<PlanState, PlanEvent, PlanTransitionContext>({
  subject: "IMPLEMENTATION_PLAN",
  states: PLAN_STATES,
  events: PLAN_EVENTS,
  transitions: {
    DRAFT: { SUBMIT },
    SUBMITTED: {
      RETURN: { next: "RETURNED_BY_CITY", roles: ["CITY_OFFICER"], guards: RETURN_GUARDS, opensVersion: true },
      RECOMMEND: { next: "RECOMMENDED", roles: ["CITY_OFFICER"], guards: [commentsNameKnownTargets] },
    },
    RETURNED_BY_CITY: { SUBMIT },
    RECOMMENDED: {
      RETURN: { next: "RETURNED_BY_PROVINCE", roles: ["PROVINCE_ADMIN"], guards: RETURN_GUARDS, opensVersion: true },
      APPROVE: { next: "APPROVED", roles: ["PROVINCE_ADMIN"], guards: [commentsNameKnownTargets] },
    },
    // A plan the province returned goes through the city again.
    RETURNED_BY_PROVINCE: { SUBMIT },
    APPROVED: {},
  },
});

export type PlanTransitionRefusal = "EVENT_NOT_ALLOWED_IN_STATE" | "ROLE_NOT_ALLOWED";

export type PlanTransitionResult =
  | { ok: true; next: PlanState; newVersion: boolean }
  | { ok: false; reason: PlanTransitionRefusal };

/**
 * The table's cell for `role`, guards aside. An event the state does not accept is refused before the role is
 * looked at. (A request from a principal is decided by decideTransition, which also checks scope and guards.)
 */
export function transition(state: PlanState, event: PlanEvent, role: Role): PlanTransitionResult {
  const rule = ruleFor(PLAN_WORKFLOW, state, event);
  if (!rule) return { ok: false, reason: "EVENT_NOT_ALLOWED_IN_STATE" };
  if (!rule.roles.includes(role)) return { ok: false, reason: "ROLE_NOT_ALLOWED" };
  return { ok: true, next: rule.next, newVersion: rule.opensVersion ?? false };
}

/** Whether `role` may fire `event` in some state: a city can never approve, whatever the plan's state. */
export function mayEverFire(event: PlanEvent, role: Role): boolean {
  return roleEverFires(PLAN_WORKFLOW, event, role);
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

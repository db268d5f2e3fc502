import type { Role } from "../scope";

/**
 * Why a step of a workflow is refused. The first three come from the table and the principal; a guard gives its own
 * message key. Keys are message keys of @dtpilot/i18n (the domain names them, the API localises them).
 */
export type TransitionRefusal<State extends string = string> =
  /** The principal's role never takes this event in this workflow. */
  | { kind: "WRONG_ROLE" }
  /** The subject lies outside the principal's scope (another county, a task book it is no party to). */
  | { kind: "OUT_OF_SCOPE" }
  /** The role takes this event, but not in the subject's current state (null: the subject does not exist yet). */
  | { kind: "WRONG_STATE"; state: State | null }
  | GuardRefusal;

/**
 * A guard's refusal: its message key, parameters and the input field concerned. `cause` tells a request the caller
 * can fix by changing what it sends (INPUT) from one the world has to change first (STATE).
 */
export interface GuardRefusal {
  kind: "GUARD";
  key: string;
  params?: Record<string, string | number>;
  field?: string;
  cause: "INPUT" | "STATE";
}

/** A rule the table alone cannot express: null lets the step through. */
export type TransitionGuard<Context> = (context: Context) => GuardRefusal | null;

export interface TransitionRule<State extends string, Context> {
  next: State;
  /** Roles that may fire the event in this state. */
  roles: readonly Role[];
  /** Checked in order once role, scope and state allow the step; the first refusal wins. */
  guards?: readonly TransitionGuard<Context>[];
  /** The step opens a new version of the subject (a return to its author): earlier versions stay as they were. */
  opensVersion?: boolean;
}

/** A row of the table: the events a state (or `start`, before the subject exists) accepts. */
export type TransitionRow<State extends string, Event extends string, Context> = Partial<
  Record<Event, TransitionRule<State, Context>>
>;

/** Message keys for the table's refusals, where a workflow says it in its own words. */
export type RefusalKeys = Partial<Record<"WRONG_ROLE" | "OUT_OF_SCOPE" | "WRONG_STATE", string>>;

export interface WorkflowDefinition<State extends string, Event extends string, Context> {
  /** The kind of subject, as its events are logged (WorkflowEvent.subjectKind). */
  subject: string;
  states: readonly State[];
  events: readonly Event[];
  /** Events that create the subject, e.g. a county's request; absent when the subject is created outside it. */
  start?: TransitionRow<State, Event, Context>;
  /** The state × event table. A missing cell means the event is not accepted in that state. */
  transitions: Readonly<Record<State, TransitionRow<State, Event, Context>>>;
  refusalKeys?: RefusalKeys;
}

export type Workflow<State extends string, Event extends string, Context> = Readonly<WorkflowDefinition<State, Event, Context>>;

/** The default messages of the table's refusals (libs/shared/i18n, errors). */
export const DEFAULT_REFUSAL_KEYS = {
  WRONG_ROLE: "workflow.wrongRole",
  OUT_OF_SCOPE: "workflow.outOfScope",
  WRONG_STATE: "workflow.wrongState",
} as const satisfies Required<RefusalKeys>;

/**
 * Declares a workflow and checks its table once, when the module loads: every target state is one of its states and
 * every cell names at least one role, so a typo in a declaration fails at start-up rather than on the first request.
 */
export function defineWorkflow<const State extends string, const Event extends string, Context = undefined>(
  definition: WorkflowDefinition<State, Event, Context>,
): Workflow<State, Event, Context> {
  const rows: [string, TransitionRow<State, Event, Context>][] = [
    ...(definition.start ? [["start", definition.start] as [string, TransitionRow<State, Event, Context>]] : []),
    ...definition.states.map((state) => [state, definition.transitions[state]] as [string, TransitionRow<State, Event, Context>]),
  ];
  for (const [from, row] of rows) {
    if (!row) throw new Error(`${definition.subject}: no row for state ${from}`);
    for (const [event, rule] of Object.entries(row) as [string, TransitionRule<State, Context> | undefined][]) {
      if (!rule) continue;
      if (!definition.events.includes(event as Event)) throw new Error(`${definition.subject}: unknown event ${event} in ${from}`);
      if (!definition.states.includes(rule.next)) throw new Error(`${definition.subject}: ${from} × ${event} leads to unknown state ${rule.next}`);
      if (rule.roles.length === 0) throw new Error(`${definition.subject}: ${from} × ${event} names no role`);
    }
  }
  return Object.freeze({ ...definition });
}

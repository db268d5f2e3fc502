import type { Principal, Role } from "../scope";
import type { TransitionRefusal, TransitionRule, TransitionRow, Workflow } from "./define-workflow";
import { scopeReachesSubject, type WorkflowSubject } from "./workflow-subject";

/** A principal asking to fire `event` on a subject in `state` (null: the subject is yet to be created). */
export interface TransitionRequest<State extends string, Event extends string> {
  state: State | null;
  event: Event;
  principal: Principal;
  subject: WorkflowSubject;
}

export type TransitionDecision<State extends string, Context> =
  | { ok: true; next: State; opensVersion: boolean; rule: TransitionRule<State, Context> }
  | { ok: false; refusal: TransitionRefusal<State> };

function rowOf<State extends string, Event extends string, Context>(
  workflow: Workflow<State, Event, Context>,
  state: State | null,
): TransitionRow<State, Event, Context> {
  return (state === null ? workflow.start : workflow.transitions[state]) ?? {};
}

/** The table's cell: the rule for `event` in `state`, whoever fires it; undefined when the state does not accept it. */
export function ruleFor<State extends string, Event extends string, Context>(
  workflow: Workflow<State, Event, Context>,
  state: State | null,
  event: Event,
): TransitionRule<State, Context> | undefined {
  return rowOf(workflow, state)[event];
}

/** Whether `role` fires `event` in some state of the workflow: a city never approves a plan, whatever its state. */
export function roleEverFires<State extends string, Event extends string, Context>(
  workflow: Workflow<State, Event, Context>,
  event: Event,
  role: Role,
): boolean {
  const rows: TransitionRow<State, Event, Context>[] = [workflow.start ?? {}, ...workflow.states.map((state) => workflow.transitions[state])];
  return rows.some((row) => row[event]?.roles.includes(role) ?? false);
}

/**
 * Role, scope and state, in that order, without the guards: a role that never takes the step is refused as such
 * (whatever the state, so the answer says nothing about the subject), then a subject out of the principal's scope,
 * then a state in which the role does not take it (the subject moved on, or has not got there yet).
 */
export function permitTransition<State extends string, Event extends string, Context>(
  workflow: Workflow<State, Event, Context>,
  request: TransitionRequest<State, Event>,
): TransitionDecision<State, Context> {
  const { role, scope } = request.principal;
  if (!roleEverFires(workflow, request.event, role)) return { ok: false, refusal: { kind: "WRONG_ROLE" } };
  if (!scopeReachesSubject(scope, request.subject)) return { ok: false, refusal: { kind: "OUT_OF_SCOPE" } };
  const rule = ruleFor(workflow, request.state, request.event);
  if (!rule || !rule.roles.includes(role)) return { ok: false, refusal: { kind: "WRONG_STATE", state: request.state } };
  return { ok: true, next: rule.next, opensVersion: rule.opensVersion ?? false, rule };
}

/** The decision on a step: what permitTransition decides, then the cell's guards in order against `context`. */
export function decideTransition<State extends string, Event extends string, Context>(
  workflow: Workflow<State, Event, Context>,
  request: TransitionRequest<State, Event>,
  context: Context,
): TransitionDecision<State, Context> {
  const permitted = permitTransition(workflow, request);
  if (!permitted.ok) return permitted;
  for (const guard of permitted.rule.guards ?? []) {
    const refusal = guard(context);
    if (refusal) return { ok: false, refusal };
  }
  return permitted;
}

/**
 * The events the principal may fire on the subject now, in the workflow's order. Guards are left out on purpose:
 * they say why a step open to the principal cannot be taken yet (a missing comment, a blocker in the content), which
 * the apps show beside the action instead of hiding it.
 */
export function availableEvents<State extends string, Event extends string, Context>(
  workflow: Workflow<State, Event, Context>,
  state: State | null,
  principal: Principal,
  subject: WorkflowSubject,
): Event[] {
  return workflow.events.filter((event) => permitTransition(workflow, { state, event, principal, subject }).ok);
}

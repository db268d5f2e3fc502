/**
 * A workflow step as the API takes it (apps/api/src/kernel/workflow-transition.ts): the domain's workflow decides it
 * for the acting principal — role, scope, state and the step's guards — and the step is logged as one WorkflowEvent
 * (who, role, from → to, on which version, with which comment). A step the domain refuses stops the generator, so
 * every generated history is one the app could have written. Task books, acceptance and evaluations reuse this.
 */
import { decideTransition, type Workflow, type WorkflowSubjectKind } from "@dtpilot/domain";
import type { Random } from "../random";
import type { RowSet } from "../rows";
import type { Account } from "./identity";

export interface StepInput<State extends string, Event extends string, Context> {
  workflow: Workflow<State, Event, Context>;
  subjectId: string;
  countyId: string;
  state: State | null;
  event: Event;
  actor: Account;
  context: Context;
  at: Date;
  comment?: string | null;
  version?: number | null;
}

export interface StepTaken<State extends string> {
  next: State;
  opensVersion: boolean;
  eventId: string;
}

export function takeStep<State extends string, Event extends string, Context>(
  rows: RowSet,
  random: Random,
  step: StepInput<State, Event, Context>,
): StepTaken<State> {
  const principal = { userId: step.actor.userId, role: step.actor.role, scope: step.actor.scope };
  const decision = decideTransition(
    step.workflow,
    { state: step.state, event: step.event, principal, subject: { countyId: step.countyId } },
    step.context,
  );
  if (!decision.ok) {
    throw new Error(`${step.workflow.subject} ${step.subjectId}: ${step.event} from ${step.state} refused: ${JSON.stringify(decision.refusal)}`);
  }
  const eventId = random.uuid();
  rows.add("workflowEvent", {
    id: eventId,
    countyId: step.countyId,
    subjectKind: step.workflow.subject as WorkflowSubjectKind,
    subjectId: step.subjectId,
    event: step.event,
    fromState: step.state,
    toState: decision.next,
    actorId: step.actor.userId,
    actorRole: step.actor.role,
    comment: step.comment ?? null,
    version: step.version ?? null,
    createdAt: step.at,
  });
  return { next: decision.next, opensVersion: decision.opensVersion, eventId };
}

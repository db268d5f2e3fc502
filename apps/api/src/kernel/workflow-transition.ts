/**
 * The transition builder: one tRPC mutation per step of a workflow of @dtpilot/domain, with the lifecycle every step
 * shares written once. In order: load the subject in the caller's scope (404 outside it) → check the ability on it
 * (403) → the workflow's role, scope and state (403/409) → that the caller acted on what is current (409 when stale)
 * → the step's guards (400/409) → apply the change, only if the subject is still where it was (409) → append the
 * WorkflowEvent → audit. All of it runs in the request's one transaction, so a refusal after a write leaves nothing.
 */
import { appendWorkflowEvent, type TenantDb } from "@dtpilot/db";
import {
  decideTransition,
  permitTransition,
  WORKFLOWS,
  type Principal,
  type Workflow,
  type WorkflowSubject,
  type WorkflowSubjectKind,
} from "@dtpilot/domain";
import type { Action, SubjectName } from "@dtpilot/permissions";
import type { TRPCError } from "@trpc/server";
import type { z } from "zod";
import type { AuditTrail } from "./audit-trail";
import type { RequestContext } from "./context";
import { forbidden } from "./errors";
import { authedProcedure } from "./trpc";
import { transitionRefusalError } from "./transition-refusal";

/** What a step's hooks see of the request. */
export interface TransitionContext {
  principal: Principal;
  data: TenantDb;
  audit: AuditTrail;
  locale: RequestContext["locale"];
}

/** The loaded subject as the workflow sees it. */
export interface SubjectState<State extends string> extends WorkflowSubject {
  /** Null for a step that creates the subject (its id comes from `apply`). */
  id: string | null;
  /** Null before the subject exists. */
  state: State | null;
  /** The version the step is taken on, for a versioned subject. */
  version?: number;
}

/** The step being applied, once decided. */
export interface DecidedStep<State extends string, Event extends string, Loaded, Input> {
  loaded: Loaded;
  input: Input;
  subject: SubjectState<State>;
  event: Event;
  from: State | null;
  to: State;
  opensVersion: boolean;
}

export interface TransitionSpec<State extends string, Event extends string, Context, Schema extends z.ZodType, Loaded, Output> {
  workflow: Workflow<State, Event, Context>;
  input: Schema;
  /** The event the input fires (a decision's choice, or the procedure's one event). */
  event: (input: z.output<Schema>) => Event;
  /** Loads (and where the step needs it, locks) the subject in the caller's scope; throws not-found outside it. */
  load: (ctx: TransitionContext, input: z.output<Schema>) => Promise<Loaded>;
  subject: (loaded: Loaded) => SubjectState<State>;
  /** The record type its audit records name (ImplementationPlan, RosterChangeRequest). */
  auditTarget: string;
  /** The field the audit record names for the state change; `state` unless the record calls it otherwise. */
  auditStateField?: string;
  /** The ability the caller needs on the subject's county, checked before the workflow's own rules. */
  ability: { action: Action; subject: SubjectName };
  /** Work the step needs done before its state is decided, once the caller is known to be allowed (e.g. a lock). */
  prepare?: (ctx: TransitionContext, loaded: Loaded) => Promise<void>;
  /** Whether the caller acted on what is current: the conflict to answer when what it names is stale, else null. */
  staleness?: (ctx: TransitionContext, loaded: Loaded, input: z.output<Schema>) => TRPCError | null | Promise<TRPCError | null>;
  /** What the step's guards look at. */
  guardContext: (ctx: TransitionContext, loaded: Loaded, input: z.output<Schema>) => Context | Promise<Context>;
  /**
   * Applies the step: moves the subject from `from` to `to` only if it is still in `from` (and creates it, for a
   * start), with the step's own effects. Returns the subject's id, or null when it moved first (answered `stale()`).
   */
  apply: (ctx: TransitionContext, step: DecidedStep<State, Event, Loaded, z.output<Schema>>) => Promise<string | null>;
  /** The conflict to answer when the subject moved between the decision and the write. */
  stale: () => TRPCError;
  /** The comment the event keeps (a refusal's reason). */
  comment?: (input: z.output<Schema>) => string | null | undefined;
  /** Writes what hangs off the event (a plan review's field comments), given its id. */
  attach?: (ctx: TransitionContext, step: DecidedStep<State, Event, Loaded, z.output<Schema>>, eventId: string) => Promise<void>;
  /** Further changes and details for the audit record, beside the state change. */
  audit?: (step: DecidedStep<State, Event, Loaded, z.output<Schema>>) => {
    changes?: { field: string; before: unknown; after: unknown }[];
    details?: Record<string, unknown>;
  };
  /** The answer, read after the step. */
  output: (ctx: TransitionContext, subjectId: string, input: z.output<Schema>) => Promise<NoInfer<Output>>;
  /**
   * The answer's schema (the procedure's `.types.ts`): what it does not name is stripped. The procedure's output type
   * is the schema's, not whatever `output` reads (e.g. a database row's enums), so the router type names only it.
   */
  outputSchema: z.ZodType<Output>;
}

/** The subject kind a workflow's events are logged under; a workflow missing from WORKFLOWS fails at start-up. */
function subjectKindOf(workflow: Workflow<string, string, never>): WorkflowSubjectKind {
  const kind = workflow.subject as WorkflowSubjectKind;
  if ((WORKFLOWS[kind] as unknown) !== workflow) throw new Error(`workflow ${workflow.subject} is not registered in WORKFLOWS`);
  return kind;
}

export function transitionProcedure<State extends string, Event extends string, Context, Schema extends z.ZodType, Loaded, Output>(
  spec: TransitionSpec<State, Event, Context, Schema, Loaded, Output>,
) {
  const subjectKind = subjectKindOf(spec.workflow as unknown as Workflow<string, string, never>);
  return authedProcedure.input(spec.input).output(spec.outputSchema).mutation(async ({ ctx: request, input: parsed }): Promise<Output> => {
    // tRPC cannot resolve its parser's output for a generic schema; it is the schema's output.
    const input = parsed as z.output<Schema>;
    const ctx: TransitionContext = { principal: request.principal, data: request.data, audit: request.audit, locale: request.locale };
    const event = spec.event(input);
    const loaded = await spec.load(ctx, input);
    const subject = spec.subject(loaded);
    if (subject.id) ctx.audit.target(spec.auditTarget, subject.id, { countyId: subject.countyId });
    if (!ctx.data.can(spec.ability.action, spec.ability.subject, { countyId: subject.countyId })) throw forbidden();
    await spec.prepare?.(ctx, loaded);

    const asked = { state: subject.state, event, principal: ctx.principal, subject };
    const permitted = permitTransition(spec.workflow, asked);
    if (!permitted.ok) throw transitionRefusalError(spec.workflow, permitted.refusal, ctx.locale);
    const stale = await spec.staleness?.(ctx, loaded, input);
    if (stale) throw stale;
    const decision = decideTransition(spec.workflow, asked, await spec.guardContext(ctx, loaded, input));
    if (!decision.ok) throw transitionRefusalError(spec.workflow, decision.refusal, ctx.locale);

    const step: DecidedStep<State, Event, Loaded, z.output<Schema>> = {
      loaded,
      input,
      subject,
      event,
      from: subject.state,
      to: decision.next,
      opensVersion: decision.opensVersion,
    };
    const subjectId = await spec.apply(ctx, step);
    if (!subjectId) throw spec.stale();
    const eventId = await appendWorkflowEvent(ctx.data, {
      countyId: subject.countyId,
      subjectKind,
      subjectId,
      event,
      from: step.from,
      to: step.to,
      actor: { userId: ctx.principal.userId, role: ctx.principal.role },
      comment: spec.comment?.(input) || null,
      version: subject.version ?? null,
    });
    await spec.attach?.(ctx, step, eventId);

    if (!subject.id) ctx.audit.target(spec.auditTarget, subjectId, { countyId: subject.countyId });
    const extra = spec.audit?.(step) ?? {};
    ctx.audit.changes([
      ...(step.from === null ? [] : [{ field: spec.auditStateField ?? "state", before: step.from, after: step.to }]),
      ...(extra.changes ?? []),
    ]);
    if (extra.details) ctx.audit.details(extra.details);
    return spec.output(ctx, subjectId, input);
  });
}

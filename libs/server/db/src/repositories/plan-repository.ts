/**
 * Implementation plans 实施方案 (附1): the plan per county and batch, its numbered versions, the workflow's events
 * (in the WorkflowEvent log) with their comments; its edit log is its audit records. Reads go through the CASL filter and RLS; writes name the
 * plan's own county, and RLS admits them only for the county's team (edits) or its reviewers (events, comments, new
 * versions).
 * The rules of what may happen when live in @dtpilot/domain (plan-workflow.ts); this file only records it.
 */
import {
  isPlanEvent,
  isPlanState,
  isPlanVisibleTo,
  type ImplementationPlanContent,
  type PlanEvent as PlanEventKind,
  type PlanState,
  type Role,
} from "@dtpilot/domain";
import type { Prisma } from "../generated/prisma/client";
import type { TenantDb } from "../tenant-db";
import { transactionOf } from "../tenant-transaction";

const PLAN_SUMMARY = {
  id: true,
  countyId: true,
  batchId: true,
  state: true,
  currentVersion: true,
  createdAt: true,
  updatedAt: true,
  county: { select: { code: true, name: true, city: { select: { code: true, name: true, region: true } } } },
  batch: { select: { id: true, name: true, startsOn: true, endsOn: true } },
} as const satisfies Prisma.ImplementationPlanSelect;

export type PlanSummary = Prisma.ImplementationPlanGetPayload<{ select: typeof PLAN_SUMMARY }>;

const EVENT_SELECT = {
  id: true,
  version: true,
  event: true,
  fromState: true,
  toState: true,
  actorRole: true,
  createdAt: true,
  actor: { select: { displayName: true } },
  planComments: {
    select: { id: true, target: true, body: true, versionNumber: true, createdAt: true, author: { select: { displayName: true } } },
    orderBy: [{ createdAt: "asc" }, { position: "asc" }],
  },
} as const satisfies Prisma.WorkflowEventSelect;

type StoredPlanEvent = Prisma.WorkflowEventGetPayload<{ select: typeof EVENT_SELECT }>;

/** A step of the plan's workflow with the comments given with it, in the plan's own words. */
export interface PlanEventRecord {
  id: string;
  versionNumber: number;
  kind: PlanEventKind;
  fromState: PlanState;
  toState: PlanState;
  actorRole: Role;
  createdAt: Date;
  actor: { displayName: string };
  comments: StoredPlanEvent["planComments"];
}

/** Only PLAN_WORKFLOW writes these rows, each with its version and from-state; anything else is a server bug. */
function toPlanEvent(stored: StoredPlanEvent): PlanEventRecord {
  const { id, version, event, fromState, toState, actorRole, createdAt, actor, planComments } = stored;
  if (version === null || !isPlanEvent(event) || !isPlanState(fromState) || !isPlanState(toState)) {
    throw new Error(`workflow event ${id} is not a step of the plan's workflow`);
  }
  return { id, versionNumber: version, kind: event, fromState, toState, actorRole, createdAt, actor, comments: planComments };
}

/** The plan's steps, oldest first. */
async function listPlanEvents(db: TenantDb, plan: { id: string; countyId: string }): Promise<PlanEventRecord[]> {
  const events = await transactionOf(db).workflowEvent.findMany({
    where: { subjectKind: "IMPLEMENTATION_PLAN", subjectId: plan.id, countyId: plan.countyId },
    select: EVENT_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return events.map(toPlanEvent);
}

const VERSION_META = {
  number: true,
  revision: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  updatedBy: { select: { displayName: true } },
} as const satisfies Prisma.PlanVersionSelect;

export type PlanVersionMeta = Prisma.PlanVersionGetPayload<{ select: typeof VERSION_META }>;

/** Plans this principal may read, newest activity first, optionally in some states only. */
export function listPlans(db: TenantDb, options: { states?: readonly PlanState[]; batchId?: string }) {
  return transactionOf(db).implementationPlan.findMany({
    where: {
      AND: [
        options.states ? { state: { in: [...options.states] } } : {},
        options.batchId ? { batchId: options.batchId } : {},
        db.accessible("read", "ImplementationPlan"),
      ],
    },
    select: PLAN_SUMMARY,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
}

/** The ids among `planIds` whose content the principal may see now (in scope, and past a draft unless its own). */
export async function plansWithVisibleContent(db: TenantDb, planIds: readonly string[]): Promise<Set<string>> {
  if (planIds.length === 0) return new Set();
  const plans = await transactionOf(db).implementationPlan.findMany({
    where: { AND: [{ id: { in: [...planIds] } }, db.accessible("read", "ImplementationPlan")] },
    select: { id: true, state: true },
  });
  return new Set(plans.filter((plan) => isPlanVisibleTo(plan.state, db.scope.kind)).map((plan) => plan.id));
}

/** One plan with its versions (without content), its events and their comments; null when out of scope. */
export async function findPlan(db: TenantDb, planId: string) {
  const plan = await transactionOf(db).implementationPlan.findFirst({
    where: { AND: [{ id: planId }, db.accessible("read", "ImplementationPlan")] },
    select: { ...PLAN_SUMMARY, versions: { select: VERSION_META, orderBy: { number: "asc" } } },
  });
  return plan ? { ...plan, events: await listPlanEvents(db, plan) } : null;
}

export type PlanRecord = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

/** A county's plan for a batch, if it has one (and the principal may read it). */
export function findPlanIdForCounty(db: TenantDb, countyId: string, batchId: string) {
  return transactionOf(db).implementationPlan.findFirst({
    where: { AND: [{ countyId, batchId }, db.accessible("read", "ImplementationPlan")] },
    select: { id: true },
  });
}

/** One version's content and metadata; null when the plan is out of scope or has no such version. */
export function findPlanVersion(db: TenantDb, planId: string, versionNumber: number) {
  return transactionOf(db).planVersion.findFirst({
    where: { planId, number: versionNumber, plan: db.accessible("read", "ImplementationPlan") },
    select: { ...VERSION_META, content: true },
  });
}

/**
 * Locks a plan's row for the rest of the request's transaction. Every write that depends on the plan (its content,
 * its state, the roster it freezes) takes this lock first, before it reads what it decides on: a concurrent write
 * waits, then reads the committed result, and every such transaction locks the plan before any other row, so two of
 * them never deadlock. Returns false when the plan is not there or the caller may not write it (RLS: a locking read
 * needs the UPDATE policy).
 */
export async function lockPlan(db: TenantDb, planId: string): Promise<boolean> {
  const rows = await transactionOf(db).$queryRaw<{ id: string }[]>`select id from "ImplementationPlan" where id = ${planId}::uuid for update`;
  return rows.length === 1;
}

/** Locks a county's plan for a batch, as lockPlan does (nothing to lock before it has one). */
export async function lockPlanOfCounty(db: TenantDb, where: { countyId: string; batchId: string }): Promise<void> {
  await transactionOf(db).$queryRaw`select id from "ImplementationPlan" where "countyId" = ${where.countyId} and "batchId" = ${where.batchId}::uuid for update`;
}

/** Starts a county's plan for a batch at version 1. The caller checked `create ImplementationPlan` for the county. */
export async function createPlan(
  db: TenantDb,
  data: { countyId: string; batchId: string; content: ImplementationPlanContent; authorId: string },
) {
  const plan = await transactionOf(db).implementationPlan.create({
    data: { countyId: data.countyId, batchId: data.batchId },
    select: { id: true },
  });
  await transactionOf(db).planVersion.create({
    data: { countyId: data.countyId, planId: plan.id, number: 1, content: data.content as unknown as Prisma.InputJsonObject, updatedById: data.authorId },
  });
  return plan;
}

export type SavePlanContentResult = { ok: true; revision: number; updatedAt: Date } | { ok: false; reason: "STATE_CHANGED" | "STALE_REVISION" };

/**
 * Saves the content of the plan's current version if the plan is still in the state the save was decided on
 * (`state`, an editable one, at `versionNumber`) and nobody saved since `baseRevision` (the fields it changed are the
 * save's audit record). Both conditions are part of the UPDATEs, plan row first (the order every plan write takes).
 * On a refusal nothing was written.
 */
export async function savePlanContent(
  db: TenantDb,
  data: {
    countyId: string;
    planId: string;
    state: PlanState;
    versionNumber: number;
    baseRevision: number;
    content: ImplementationPlanContent;
    editorId: string;
  },
): Promise<SavePlanContentResult> {
  const plan = await transactionOf(db).implementationPlan.updateMany({
    where: { id: data.planId, countyId: data.countyId, state: data.state, currentVersion: data.versionNumber },
    data: { updatedAt: new Date() },
  });
  if (plan.count !== 1) return { ok: false, reason: "STATE_CHANGED" };
  const updated = await transactionOf(db).planVersion.updateMany({
    where: { planId: data.planId, countyId: data.countyId, number: data.versionNumber, revision: data.baseRevision, submittedAt: null },
    data: {
      content: data.content as unknown as Prisma.InputJsonObject,
      revision: { increment: 1 },
      updatedById: data.editorId,
    },
  });
  // The plan row was updated above: the caller's refusal rolls it back with the request.
  if (updated.count !== 1) return { ok: false, reason: "STALE_REVISION" };
  const revision = data.baseRevision + 1;
  const version = await transactionOf(db).planVersion.findFirstOrThrow({
    where: { planId: data.planId, number: data.versionNumber },
    select: { updatedAt: true },
  });
  return { ok: true, revision, updatedAt: version.updatedAt };
}

export interface PlanMove {
  countyId: string;
  planId: string;
  from: PlanState;
  to: PlanState;
  versionNumber: number;
  /** A submission: the revision of the version that was checked; it is submitted only if it is still that one. */
  submittedRevision?: number;
  /** A return: open version `versionNumber + 1` as a copy of `content`, by `actorId`. */
  openVersionWith?: { content: ImplementationPlanContent; actorId: string };
}

/**
 * Moves the plan from `from` to `to` (only if it is still in `from` at `versionNumber`, so two reviewers acting at
 * once cannot both succeed); a submission stamps the version (only at the revision that was checked), and a return
 * opens the next version. Returns false when the plan or the version had moved on; the caller then fails the
 * request, which rolls back what was written. The step itself is logged by the caller (a WorkflowEvent).
 */
export async function movePlan(db: TenantDb, move: PlanMove): Promise<boolean> {
  const nextVersion = move.versionNumber + 1;
  const moved = await transactionOf(db).implementationPlan.updateMany({
    where: { id: move.planId, countyId: move.countyId, state: move.from, currentVersion: move.versionNumber },
    data: { state: move.to, ...(move.openVersionWith ? { currentVersion: nextVersion } : {}) },
  });
  if (moved.count !== 1) return false;
  if (move.submittedRevision !== undefined) {
    const submitted = await transactionOf(db).planVersion.updateMany({
      where: { planId: move.planId, countyId: move.countyId, number: move.versionNumber, revision: move.submittedRevision },
      data: { submittedAt: new Date() },
    });
    if (submitted.count !== 1) return false;
  }
  if (move.openVersionWith) {
    await transactionOf(db).planVersion.create({
      data: {
        countyId: move.countyId,
        planId: move.planId,
        number: nextVersion,
        content: move.openVersionWith.content as unknown as Prisma.InputJsonObject,
        updatedById: move.openVersionWith.actorId,
      },
    });
  }
  return true;
}

/** Keeps a review's comments on the version it read, in the order given, attached to the review's event. */
export async function addPlanComments(
  db: TenantDb,
  data: { countyId: string; planId: string; eventId: string; versionNumber: number; authorId: string; comments: readonly { target: string; body: string }[] },
): Promise<void> {
  if (data.comments.length === 0) return;
  await transactionOf(db).planComment.createMany({
    data: data.comments.map((comment, position) => ({
      position,
      countyId: data.countyId,
      planId: data.planId,
      eventId: data.eventId,
      versionNumber: data.versionNumber,
      target: comment.target,
      body: comment.body,
      authorId: data.authorId,
    })),
  });
}

/**
 * The plan's edit log, newest first: the audit records of its saves — who, when, which fields (dotted paths and
 * labels) from which value to which. Readable where the plan's county's audit records are.
 */
export function listPlanEdits(db: TenantDb, planId: string, options: { take: number }) {
  return transactionOf(db).auditRecord.findMany({
    where: {
      AND: [
        { targetType: "ImplementationPlan", targetId: planId, procedure: "plan.savePlan", outcome: "SUCCESS" },
        db.accessible("read", "AuditRecord"),
      ],
    },
    select: { at: true, username: true, changes: true, input: true },
    orderBy: [{ at: "desc" }, { id: "asc" }],
    take: options.take,
  });
}

/** A county's plan for a batch, reduced to its state and its current version's content (null when it has none). */
export async function findCurrentPlanContent(db: TenantDb, where: { countyId: string; batchId: string }) {
  const plan = await transactionOf(db).implementationPlan.findFirst({
    where: { AND: [where, db.accessible("read", "ImplementationPlan")] },
    select: { state: true, currentVersion: true, versions: { select: { number: true, content: true } } },
  });
  const current = plan?.versions.find((version) => version.number === plan.currentVersion);
  return plan && current ? { state: plan.state, content: current.content } : null;
}

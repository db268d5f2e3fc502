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
import type { Prisma, Region } from "../generated/prisma/client";
import { accessibleWhere, empty, rows, sql, utcDate, utcDateOrNull, type Sql } from "../scoped-sql";
import type { TenantDb } from "../tenant-db";
import { transactionOf } from "../tenant-transaction";

/** A plan without its versions: its county (with city and region), batch, state and current version. */
export interface PlanSummary {
  id: string;
  countyId: string;
  batchId: string;
  state: PlanState;
  currentVersion: number;
  createdAt: Date;
  updatedAt: Date;
  county: { code: string; name: string; city: { code: string; name: string; region: Region } };
  batch: { id: string; name: string; startsOn: Date; endsOn: Date };
}

/** A reviewer's comment on a version, given with a step of the plan's workflow. */
export interface PlanCommentRecord {
  id: string;
  target: string;
  body: string;
  versionNumber: number;
  createdAt: Date;
  author: { displayName: string };
}

/** A plan's WorkflowEvent as it is stored (the log is shared by every workflow: its names are plain strings). */
interface StoredPlanEvent {
  id: string;
  version: number | null;
  event: string;
  fromState: string | null;
  toState: string;
  actorRole: Role;
  createdAt: Date;
  actor: { displayName: string };
  planComments: PlanCommentRecord[];
}

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
  comments: PlanCommentRecord[];
}

/** Only PLAN_WORKFLOW writes these rows, each with its version and from-state; anything else is a server bug. */
function toPlanEvent(stored: StoredPlanEvent): PlanEventRecord {
  const { id, version, event, fromState, toState, actorRole, createdAt, actor, planComments } = stored;
  if (version === null || !isPlanEvent(event) || !isPlanState(fromState) || !isPlanState(toState)) {
    throw new Error(`workflow event ${id} is not a step of the plan's workflow`);
  }
  return { id, versionNumber: version, kind: event, fromState, toState, actorRole, createdAt, actor, comments: planComments };
}

/** A version of a plan without its content. */
export interface PlanVersionMeta {
  number: number;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  updatedBy: { displayName: string };
}

/** A plan's row with its county (and city) and batch, as the plan's SQL reads below select them. */
interface PlanSummaryRow extends Omit<PlanSummary, "county" | "batch"> {
  countyName: string;
  cityCode: string;
  cityName: string;
  cityRegion: Region;
  batchName: string;
  batchStartsOn: Date;
  batchEndsOn: Date;
}

/** The columns of PlanSummaryRow, from `p` (the plan), `co` (its county), `ci` (its city) and `b` (its batch). */
const PLAN_SUMMARY_COLUMNS = sql`p.id, p."countyId", p."batchId", p.state::text as state, p."currentVersion", p."createdAt", p."updatedAt",
       co.name as "countyName", ci.code as "cityCode", ci.name as "cityName", ci.region::text as "cityRegion",
       b.name as "batchName", b."startsOn" as "batchStartsOn", b."endsOn" as "batchEndsOn"`;

const PLAN_SUMMARY_JOINS = sql`join "County" co on co.code = p."countyId"
          join "City" ci on ci.code = co."cityCode"
          join "Batch" b on b.id = p."batchId"`;

/** PLAN_SUMMARY's shape: the Prisma select the API's plan summaries were read with. */
function toPlanSummary(row: PlanSummaryRow): PlanSummary {
  return {
    id: row.id,
    countyId: row.countyId,
    batchId: row.batchId,
    state: row.state,
    currentVersion: row.currentVersion,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    county: { code: row.countyId, name: row.countyName, city: { code: row.cityCode, name: row.cityName, region: row.cityRegion } },
    batch: { id: row.batchId, name: row.batchName, startsOn: row.batchStartsOn, endsOn: row.batchEndsOn },
  };
}

/**
 * Plans this principal may read, newest activity first, optionally in some states only (the overseers' review list
 * 实施方案审核): a raw read (scoped-sql.ts) with the handle's filter on the plan, RLS underneath.
 */
export async function listPlans(db: TenantDb, options: { states?: readonly PlanState[]; batchId?: string }): Promise<PlanSummary[]> {
  const found = await rows<PlanSummaryRow>(
    db,
    sql`select ${PLAN_SUMMARY_COLUMNS}
          from "ImplementationPlan" p
          ${PLAN_SUMMARY_JOINS}
         where ${accessibleWhere(db, "read", "ImplementationPlan", "p")}
           ${options.states ? sql`and p.state::text = any(${[...options.states]}::text[])` : empty}
           ${options.batchId ? sql`and p."batchId" = ${options.batchId}::uuid` : empty}
         order by p."updatedAt" desc, p.id asc`,
  );
  return found.map(toPlanSummary);
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

/** A plan's row with its versions and events (with their comments) as JSON, as readPlan selects them. */
interface PlanRow extends PlanSummaryRow {
  versions: { number: number; revision: number; createdAt: string; updatedAt: string; submittedAt: string | null; updatedBy: string }[];
  events: {
    id: string;
    version: number | null;
    event: string;
    fromState: string | null;
    toState: string;
    actorRole: Role;
    createdAt: string;
    actor: string;
    comments: { id: string; target: string; body: string; versionNumber: number; createdAt: string; author: string }[];
  }[];
}

export type PlanRecord = PlanSummary & { versions: PlanVersionMeta[]; events: PlanEventRecord[] };

/**
 * One plan with its versions (without content), its events and their comments, in one raw read (scoped-sql.ts),
 * shaped as the Prisma reads it replaced (the plan with PLAN_SUMMARY and its versions with VERSION_META, then its
 * WorkflowEvents with EVENT_SELECT). The handle's filter applies to the plan; its versions, events and comments are
 * the plan's own (RLS applies to each).
 */
async function readPlan(db: TenantDb, where: Sql): Promise<PlanRecord | null> {
  const [row] = await rows<PlanRow>(
    db,
    sql`select ${PLAN_SUMMARY_COLUMNS},
               coalesce((select json_agg(json_build_object(
                                  'number', v.number, 'revision', v.revision, 'createdAt', v."createdAt", 'updatedAt', v."updatedAt",
                                  'submittedAt', v."submittedAt", 'updatedBy', vu."displayName") order by v.number)
                           from "PlanVersion" v join "User" vu on vu.id = v."updatedById"
                          where v."planId" = p.id), '[]') as versions,
               coalesce((select json_agg(json_build_object(
                                  'id', e.id, 'version', e.version, 'event', e.event, 'fromState', e."fromState", 'toState', e."toState",
                                  'actorRole', e."actorRole", 'createdAt', e."createdAt", 'actor', a."displayName",
                                  'comments', coalesce((select json_agg(json_build_object(
                                                                  'id', c.id, 'target', c.target, 'body', c.body, 'versionNumber', c."versionNumber",
                                                                  'createdAt', c."createdAt", 'author', cu."displayName") order by c."createdAt", c.position)
                                                          from "PlanComment" c join "User" cu on cu.id = c."authorId"
                                                         where c."eventId" = e.id), '[]')) order by e."createdAt", e.id)
                           from "WorkflowEvent" e join "User" a on a.id = e."actorId"
                          where e."subjectKind" = 'IMPLEMENTATION_PLAN' and e."subjectId" = p.id and e."countyId" = p."countyId"), '[]') as events
          from "ImplementationPlan" p
          ${PLAN_SUMMARY_JOINS}
         where ${where} and ${accessibleWhere(db, "read", "ImplementationPlan", "p")}`,
  );
  if (!row) return null;
  return {
    ...toPlanSummary(row),
    versions: row.versions.map((version) => ({
      number: version.number,
      revision: version.revision,
      createdAt: utcDate(version.createdAt),
      updatedAt: utcDate(version.updatedAt),
      submittedAt: utcDateOrNull(version.submittedAt),
      updatedBy: { displayName: version.updatedBy },
    })),
    events: row.events.map((event) =>
      toPlanEvent({
        id: event.id,
        version: event.version,
        event: event.event,
        fromState: event.fromState,
        toState: event.toState,
        actorRole: event.actorRole,
        createdAt: utcDate(event.createdAt),
        actor: { displayName: event.actor },
        planComments: event.comments.map((comment) => ({
          id: comment.id,
          target: comment.target,
          body: comment.body,
          versionNumber: comment.versionNumber,
          createdAt: utcDate(comment.createdAt),
          author: { displayName: comment.author },
        })),
      }),
    ),
  };
}

/** One plan with its versions (without content), its events and their comments; null when out of scope. */
export function findPlan(db: TenantDb, planId: string): Promise<PlanRecord | null> {
  return readPlan(db, sql`p.id = ${planId}::uuid`);
}

/** A county's plan for a batch, read as findPlan reads it; null when it has none (or the principal may not read it). */
export function findPlanOfCounty(db: TenantDb, where: { countyId: string; batchId: string }): Promise<PlanRecord | null> {
  return readPlan(db, sql`p."countyId" = ${where.countyId} and p."batchId" = ${where.batchId}::uuid`);
}

/** A county's plan for a batch, if it has one (and the principal may read it). */
export async function findPlanIdForCounty(db: TenantDb, countyId: string, batchId: string): Promise<{ id: string } | null> {
  const [row] = await rows<{ id: string }>(
    db,
    sql`select p.id from "ImplementationPlan" p
         where p."countyId" = ${countyId} and p."batchId" = ${batchId}::uuid and ${accessibleWhere(db, "read", "ImplementationPlan", "p")}`,
  );
  return row ?? null;
}

interface PlanVersionRow {
  number: number;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  updatedByName: string;
  content: Prisma.JsonValue;
}

/** One version's content and metadata; null when the plan is out of scope or has no such version. */
export async function findPlanVersion(db: TenantDb, planId: string, versionNumber: number) {
  const [row] = await rows<PlanVersionRow>(
    db,
    sql`select v.number, v.revision, v."createdAt", v."updatedAt", v."submittedAt", u."displayName" as "updatedByName", v.content
          from "PlanVersion" v
          join "ImplementationPlan" p on p.id = v."planId"
          join "User" u on u.id = v."updatedById"
         where v."planId" = ${planId}::uuid and v.number = ${versionNumber}::int and ${accessibleWhere(db, "read", "ImplementationPlan", "p")}`,
  );
  if (!row) return null;
  const { updatedByName, content, ...meta } = row;
  return { ...meta, updatedBy: { displayName: updatedByName }, content };
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

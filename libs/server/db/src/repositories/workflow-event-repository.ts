/**
 * The workflow event log (WorkflowEvent): every step of every workflow of @dtpilot/domain — who fired which event
 * on which subject, from which state to which, when, on which version, with which comment. Append-only.
 * The workflow's declaration decides whether a step may happen; this file only records and reads it.
 */
import type { Role } from "@dtpilot/domain";
import type { Prisma, WorkflowSubjectKind } from "../generated/prisma/client";
import type { TenantDb } from "../tenant-db";
import { transactionOf } from "../tenant-transaction";

export type { WorkflowSubjectKind };

export interface WorkflowEventInput {
  countyId: string;
  subjectKind: WorkflowSubjectKind;
  subjectId: string;
  event: string;
  /** Null for the step that created the subject. */
  from: string | null;
  to: string;
  actor: { userId: string; role: Role };
  comment?: string | null;
  version?: number | null;
}

/** Appends one step; the caller writes it in the transaction that applied the step. Returns the event's id. */
export async function appendWorkflowEvent(db: TenantDb, event: WorkflowEventInput): Promise<string> {
  const created = await transactionOf(db).workflowEvent.create({
    data: {
      countyId: event.countyId,
      subjectKind: event.subjectKind,
      subjectId: event.subjectId,
      event: event.event,
      fromState: event.from,
      toState: event.to,
      actorId: event.actor.userId,
      actorRole: event.actor.role,
      comment: event.comment ?? null,
      version: event.version ?? null,
    },
    select: { id: true },
  });
  return created.id;
}

const WORKFLOW_EVENT_SELECT = {
  id: true,
  countyId: true,
  subjectId: true,
  event: true,
  fromState: true,
  toState: true,
  actorRole: true,
  comment: true,
  version: true,
  createdAt: true,
  actor: { select: { displayName: true } },
} as const satisfies Prisma.WorkflowEventSelect;

export type WorkflowEventRecord = Prisma.WorkflowEventGetPayload<{ select: typeof WORKFLOW_EVENT_SELECT }>;

/**
 * The steps of the given subjects, oldest first. The subjects are ones the caller has just read through its own
 * filters (CASL and RLS); the events are matched on the subjects' counties too, and RLS applies to them as well.
 */
export function listWorkflowEvents(
  db: TenantDb,
  subjectKind: WorkflowSubjectKind,
  subjects: readonly { id: string; countyId: string }[],
): Promise<WorkflowEventRecord[]> {
  if (subjects.length === 0) return Promise.resolve([]);
  return transactionOf(db).workflowEvent.findMany({
    where: { subjectKind, OR: subjects.map((subject) => ({ subjectId: subject.id, countyId: subject.countyId })) },
    select: WORKFLOW_EVENT_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

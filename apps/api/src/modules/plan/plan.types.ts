import { PlanState, Region, Role } from "@dtpilot/db";
import {
  implementationPlanContentSchema,
  PLAN_EVENTS,
  PLAN_STATES,
  type computePlan,
  type diffPlanContent,
  type ImplementationPlanContent,
  type submissionBlockers,
  type validatePlanDataTable,
} from "@dtpilot/domain";
import { z } from "zod";
import { computed } from "../../kernel/output";
import { batchOutput } from "../geography/list-batches.types";
import { cityOutput } from "../geography/list-counties.types";
import { exportOutput } from "../documents/get-export.types";

const planId = z.uuid();
const versionNumber = z.number().int().min(1).max(1000);

export const getPlanInput = z.object({ planId, versionNumber: versionNumber.optional() }).strict();

export const listPlansInput = z.object({ states: z.array(z.enum(PLAN_STATES)).max(PLAN_STATES.length).optional() }).strict().optional();

export const savePlanInput = z
  .object({ planId, baseRevision: z.number().int().min(1), content: implementationPlanContentSchema })
  .strict();

export const submitPlanInput = z.object({ planId, revision: z.number().int().min(1) }).strict();

/** The most comments one review may carry, and the longest comment. */
export const REVIEW_COMMENTS_MAX = 100;
export const REVIEW_COMMENT_MAX_CHARS = 2000;

export const reviewPlanInput = z
  .object({
    planId,
    versionNumber,
    decision: z.enum(["RETURN", "RECOMMEND", "APPROVE"]),
    comments: z
      .array(
        z
          .object({
            target: z.string().min(1).max(200),
            body: z.string().trim().min(1).max(REVIEW_COMMENT_MAX_CHARS),
          })
          .strict(),
      )
      .max(REVIEW_COMMENTS_MAX)
      .default([]),
  })
  .strict();

export const diffPlanVersionsInput = z.object({ planId, fromVersion: versionNumber, toVersion: versionNumber }).strict();

export const requestPlanDocumentInput = z.object({ planId, format: z.enum(["XLSX", "DOCX"]) }).strict();

/* Outputs. */

const displayName = z.object({ displayName: z.string() });

/** A plan without its versions: its county (with city and region), batch, state and current version. */
export const planSummaryOutput = z.object({
  id: z.string(),
  countyId: z.string(),
  batchId: z.string(),
  state: z.enum(PlanState),
  currentVersion: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  county: z.object({ code: z.string(), name: z.string(), city: cityOutput }),
  batch: batchOutput,
});

const versionMeta = {
  number: z.number(),
  revision: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  submittedAt: z.date().nullable(),
  updatedBy: displayName,
};

const eventComment = {
  id: z.string(),
  target: z.string(),
  body: z.string(),
  versionNumber: z.number(),
  createdAt: z.date(),
  author: displayName,
};

/** What the domain computes from a data table: totals and ratios, field errors, submission blockers. */
const computedFromTable = {
  computed: computed<ReturnType<typeof computePlan>>(),
  fieldErrors: computed<ReturnType<typeof validatePlanDataTable>>(),
  submissionBlockers: computed<ReturnType<typeof submissionBlockers>>(),
};

/** A plan as the API answers it (plan-view.ts). */
export const planViewOutput = planSummaryOutput.extend({
  version: z.object({ ...versionMeta, content: computed<ImplementationPlanContent>(), current: z.boolean() }),
  versions: z.array(z.object(versionMeta)),
  events: z.array(
    z.object({
      id: z.string(),
      versionNumber: z.number(),
      kind: z.enum(PLAN_EVENTS),
      fromState: z.enum(PlanState),
      toState: z.enum(PlanState),
      actorRole: z.enum(Role),
      createdAt: z.date(),
      actor: displayName,
      comments: z.array(z.object(eventComment)),
    }),
  ),
  comments: z.array(z.object({ ...eventComment, event: z.enum(PLAN_EVENTS), actorRole: z.enum(Role) })),
  ...computedFromTable,
  rosterMinimum: z.number(),
  editable: z.boolean(),
  allowedEvents: z.array(z.enum(PLAN_EVENTS)),
});

export const getPlanOutput = planViewOutput;
export const createPlanOutput = planViewOutput;
export const submitPlanOutput = planViewOutput;
export const reviewPlanOutput = planViewOutput;

export const getCurrentPlanOutput = z.object({
  county: z.object({ code: z.string(), name: z.string(), city: cityOutput }),
  region: z.object({ code: z.enum(Region), name: z.string() }),
  rosterMinimum: z.number(),
  batch: batchOutput.nullable(),
  plan: planViewOutput.nullable(),
  canCreate: z.boolean(),
});

export const listPlansOutput = z.array(planSummaryOutput.extend({ awaitsCaller: z.boolean() }));

export const savePlanOutput = z.object({
  revision: z.number(),
  updatedAt: z.date(),
  versionNumber: z.number(),
  changedPaths: z.array(z.string()),
  ...computedFromTable,
});

export const diffPlanVersionsOutput = z.object({
  fromVersion: z.number(),
  toVersion: z.number(),
  changes: computed<ReturnType<typeof diffPlanContent>>(),
});

export const requestPlanDocumentOutput = exportOutput;

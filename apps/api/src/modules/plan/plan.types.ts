import { implementationPlanContentSchema, PLAN_STATES } from "@dtpilot/domain";
import { z } from "zod";

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

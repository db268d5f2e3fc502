import { EnterpriseScale, PlanState, RosterChangeKind, RosterChangeStatus, PilotEnterpriseStatus } from "@dtpilot/db";
import {
  FILE_SECTION_KEYS,
  isPlausibleDate,
  listPageFields,
  ROSTER_CHANGE_KINDS,
  ROSTER_CHANGE_STATES,
  pilotEnterpriseInputSchema,
  rosterFilterSchema,
  rosterSortSchema,
  type planTargetsVersusRoster,
  type RosterColumnKey,
  type rosterCategoryCounts,
  type PilotEnterpriseInput,
} from "@dtpilot/domain";
import { z } from "zod";
import { computed } from "../../kernel/output";
import { batchOutput } from "../geography/list-batches.types";
import { cityOutput } from "../geography/list-counties.types";

/** The county an overseer or a provider names; a county team and an enterprise name none (their own). */
const countyIdInput = z.string().regex(/^32\d{4}$/);

/**
 * Which page of the roster, filtered and ordered how (roster-query.ts), paged as every list is (paging.ts): no input
 * at all is the caller's own county, the first page of 20, in the roster's own order.
 */
export const listRosterInput = z
  .object({
    countyId: countyIdInput.optional(),
    filter: rosterFilterSchema.optional(),
    sort: rosterSortSchema.optional(),
    ...listPageFields,
  })
  .strict()
  .prefault({});
export type ListRosterInput = z.output<typeof listRosterInput>;

export const addPilotEnterpriseInput = z.object({ entry: pilotEnterpriseInputSchema }).strict();

/**
 * The import file, sent as base64 (4 characters per 3 bytes). Its size is checked once decoded, against
 * ROSTER_IMPORT_MAX_BYTES, with a message that names the limit; the body limit bounds what reaches this schema.
 */
export const importRosterInput = z.object({ file: z.base64() }).strict();

/**
 * 名单调整备案, a page at a time: the county's own (no county) or one an overseer names, optionally only one status
 * or kind. No input at all is the county's own first page.
 */
export const listRosterChangesInput = z
  .object({
    countyId: countyIdInput.optional(),
    status: z.enum(ROSTER_CHANGE_STATES).optional(),
    kind: z.enum(ROSTER_CHANGE_KINDS).optional(),
    ...listPageFields,
  })
  .strict()
  .prefault({});

export const requestRosterChangeInput = z
  .object({
    kind: z.enum(["ADD", "REMOVE", "REPLACE"]),
    reason: z.string().trim().min(1).max(1000),
    addition: pilotEnterpriseInputSchema.optional(),
    removedPilotEnterpriseId: z.uuid().optional(),
  })
  .strict();

export const decideRosterChangeInput = z
  .object({ requestId: z.uuid(), decision: z.enum(["APPROVE", "REFUSE"]), comment: z.string().trim().max(1000).optional() })
  .strict();

export const createEnterpriseAccountInput = z.object({ pilotEnterpriseId: z.uuid() }).strict();

export const linkProviderInput = z.object({ pilotEnterpriseId: z.uuid(), providerId: z.uuid() }).strict();

export const setTransformationStartInput = z.object({ pilotEnterpriseId: z.uuid(), startedOn: z.iso.date().refine(isPlausibleDate, { message: "input.dateOutOfRange" }).nullable() }).strict();

/* Outputs. */

/** A roster row (roster-view.ts): the entry, its enterprise, its providers and how complete its file is. */
export const pilotEnterpriseOutput = z.object({
  id: z.string(),
  countyId: z.string(),
  batchId: z.string(),
  subIndustry: z.string(),
  scale: z.enum(EnterpriseScale),
  specialised: z.boolean(),
  lastYearRevenue: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: z.enum(PilotEnterpriseStatus),
  transformationStartedOn: z.date().nullable(),
  createdAt: z.date(),
  removedAt: z.date().nullable(),
  enterprise: z.object({ id: z.string(), name: z.string(), creditCode: z.string() }),
  providers: z.array(z.object({ id: z.string(), name: z.string() })),
  completeness: z.object({
    percentage: z.number(),
    complete: z.boolean(),
    sections: z.record(z.enum(FILE_SECTION_KEYS), z.object({ complete: z.boolean(), filled: z.number(), required: z.number() })),
  }),
});

export const listRosterOutput = z.object({
  county: z.object({ code: z.string(), name: z.string(), city: cityOutput }),
  batch: batchOutput,
  frozen: z.boolean(),
  planState: z.enum(PlanState).nullable(),
  subIndustries: z.array(z.string()),
  rosterMinimum: z.number(),
  /** The page asked for (every entry for a call naming only the county). */
  entries: z.array(pilotEnterpriseOutput),
  /** How many entries the filter admits, on every page. */
  total: z.number(),
  page: z.number(),
  /** null: not paged (the whole roster). */
  pageSize: z.number(),
  /** The sub-industries the roster's entries have (removed ones included), in roster order: the filter's choices beside the plan's. */
  subIndustriesInUse: z.array(z.string()),
  counts: computed<ReturnType<typeof rosterCategoryCounts>["totals"]>(),
  targets: computed<ReturnType<typeof planTargetsVersusRoster> | null>(),
  canAdd: z.boolean(),
});

export const addPilotEnterpriseOutput = pilotEnterpriseOutput;

/** An import's outcome: how many were enrolled, or the rows' errors (in the caller's language) and their total. */
export const importRosterOutput = z.object({
  imported: z.number(),
  errors: z.array(
    z.object({ rowNumber: z.number().nullable(), column: computed<RosterColumnKey | null>(), columnLabel: z.string().nullable(), message: z.string() }),
  ),
  errorCount: z.number(),
});

export const linkProviderOutput = z.object({ pilotEnterpriseId: z.string(), providerId: z.string() });

export const setTransformationStartOutput = z.object({ pilotEnterpriseId: z.string(), startedOn: z.string().nullable() });

/** The initial password is told once, here, and stored only as a hash. */
export const createEnterpriseAccountOutput = z.object({ username: z.string(), initialPassword: z.string() });

/** A roster change request (change-view.ts), its addition read back through its schema. */
export const rosterChangeOutput = z.object({
  id: z.string(),
  countyId: z.string(),
  batchId: z.string(),
  kind: z.enum(RosterChangeKind),
  reason: z.string(),
  addition: computed<PilotEnterpriseInput>().nullable(),
  status: z.enum(RosterChangeStatus),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
  decisionComment: z.string().nullable(),
  requestedBy: z.object({ id: z.string(), displayName: z.string() }),
  decidedBy: z.object({ displayName: z.string() }).nullable(),
  removedPilotEnterpriseId: z.string().nullable(),
  /** The enterprise a REMOVE or REPLACE takes off the roster (null for ADD, or where the caller reads no roster). */
  removedEnterprise: z.object({ name: z.string(), creditCode: z.string() }).nullable(),
});

/**
 * A page of the county's change requests (`total` match the filter) with what a reviewer decides on: how many await
 * a decision whatever the filter, and the roster they change (its size now against the region's minimum; frozen once
 * the plan is approved).
 */
export const listRosterChangesOutput = z.object({
  county: z.object({ code: z.string(), name: z.string(), city: cityOutput }),
  batch: batchOutput,
  roster: z.object({ activeEntries: z.number(), minimum: z.number(), frozen: z.boolean() }),
  items: z.array(rosterChangeOutput),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  pendingCount: z.number(),
});
export const requestRosterChangeOutput = rosterChangeOutput;
export const decideRosterChangeOutput = rosterChangeOutput;

import { rosterEntryInputSchema } from "@dtpilot/domain";
import { z } from "zod";

export const listRosterInput = z.object({ countyId: z.string().regex(/^32\d{4}$/).optional() }).strict().optional();

export const addRosterEntryInput = z.object({ entry: rosterEntryInputSchema }).strict();

/** The largest import file accepted: 2 MiB of XLSX (some 2,000 rows fit in a fraction of it), sent as base64. */
export const ROSTER_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export const importRosterInput = z
  .object({ file: z.base64().max(Math.ceil(ROSTER_IMPORT_MAX_BYTES / 3) * 4) })
  .strict();

export const listRosterChangesInput = listRosterInput;

export const requestRosterChangeInput = z
  .object({
    kind: z.enum(["ADD", "REMOVE", "REPLACE"]),
    reason: z.string().trim().min(1).max(1000),
    addition: rosterEntryInputSchema.optional(),
    removedPilotId: z.uuid().optional(),
  })
  .strict();

export const decideRosterChangeInput = z
  .object({ requestId: z.uuid(), decision: z.enum(["APPROVE", "REFUSE"]), comment: z.string().trim().max(1000).optional() })
  .strict();

export const createEnterpriseAccountInput = z.object({ pilotId: z.uuid() }).strict();

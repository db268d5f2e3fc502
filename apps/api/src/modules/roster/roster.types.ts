import { rosterEntryInputSchema } from "@dtpilot/domain";
import { z } from "zod";

export const listRosterInput = z.object({ countyId: z.string().regex(/^32\d{4}$/).optional() }).strict().optional();

export const addRosterEntryInput = z.object({ entry: rosterEntryInputSchema }).strict();

/**
 * The import file, sent as base64 (4 characters per 3 bytes). Its size is checked once decoded, against
 * ROSTER_IMPORT_MAX_BYTES, with a message that names the limit; the body limit bounds what reaches this schema.
 */
export const importRosterInput = z.object({ file: z.base64() }).strict();

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

export const linkProviderInput = z.object({ pilotId: z.uuid(), providerId: z.uuid() }).strict();

export const setTransformationStartInput = z.object({ pilotId: z.uuid(), startedOn: z.iso.date().nullable() }).strict();

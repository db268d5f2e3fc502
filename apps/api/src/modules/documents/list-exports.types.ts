import { DOCUMENT_JOB_STATUSES, DOCUMENT_KINDS, listPageFields } from "@dtpilot/domain";
import { z } from "zod";
import { exportOutput } from "./get-export.types";

/** The exports the caller may read, a page at a time, optionally of one kind or status. No input: the first page. */
export const listExportsInput = z
  .object({ kind: z.enum(DOCUMENT_KINDS).optional(), status: z.enum(DOCUMENT_JOB_STATUSES).optional(), ...listPageFields })
  .strict()
  .prefault({});

/** A page of exports, newest first, and how many match the filter in all. */
export const listExportsOutput = z.object({ items: z.array(exportOutput), total: z.number(), page: z.number(), pageSize: z.number() });

import { ExportKind, ExportStatus } from "@dtpilot/db";
import { z } from "zod";

export const getExportInput = z.object({ exportId: z.uuid() }).strict();

/** An export as every area answers it (see export-view.ts): its progress, its failure in the caller's language, never the bytes. */
export const exportOutput = z.object({
  id: z.string(),
  kind: z.enum(ExportKind),
  status: z.enum(ExportStatus),
  progress: z.number(),
  parameters: z.record(z.string(), z.unknown()),
  fileName: z.string(),
  attempts: z.number(),
  rowCount: z.number().nullable(),
  sizeBytes: z.number().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  county: z.object({ code: z.string(), name: z.string() }),
  requestedBy: z.object({ displayName: z.string() }),
  error: z.string().nullable(),
});

import { findExportFile } from "@dtpilot/db";
import { notFound } from "../../kernel/errors";
import { toExportView } from "./export-view";
import { authedProcedure } from "../../kernel/trpc";
import { exportOutput, getExportInput } from "./get-export.types";

/** One export with its progress; outside the caller's scope it reads as not found. */
export const getExport = authedProcedure.input(getExportInput).output(exportOutput).query(async ({ ctx, input }) => {
  const summary = await findExportFile(ctx.data, input.exportId);
  if (!summary) throw notFound();
  return toExportView(summary, ctx.locale);
});

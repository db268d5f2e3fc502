import { listExportFiles } from "@dtpilot/db";
import { toExportView } from "./export-view";
import { procedureAllowedTo } from "../../kernel/trpc";
import { noInput } from "../../kernel/no-input";
import { listExportsOutput } from "./list-exports.types";

/** The newest exports the caller may read: a county its own, overseers those of the counties in their scope. */
export const LIST_EXPORTS_LIMIT = 100;

export const listExports = procedureAllowedTo("read", "ExportFile")
  .input(noInput)
  .output(listExportsOutput)
  .query(async ({ ctx }) => (await listExportFiles(ctx.data, { take: LIST_EXPORTS_LIMIT })).map((summary) => toExportView(summary, ctx.locale)));

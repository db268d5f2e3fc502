import { listExportFiles } from "@dtpilot/db";
import { pageWindow } from "@dtpilot/domain";
import { toExportView } from "./export-view";
import { procedureAllowedTo } from "../../kernel/trpc";
import { listExportsInput, listExportsOutput } from "./list-exports.types";

/**
 * The exports the caller may read, newest first, one page at a time, filtered, counted and paged in SQL: a county
 * its own, an overseer the ones it asked for itself (documents permissions). A page past the last is empty, with the total.
 */
export const listExports = procedureAllowedTo("read", "ExportFile")
  .input(listExportsInput)
  .output(listExportsOutput)
  .query(async ({ ctx, input }) => {
    const filter = { ...(input.kind ? { kind: input.kind } : {}), ...(input.status ? { status: input.status } : {}) };
    const { items, total } = await listExportFiles(ctx.data, filter, pageWindow(input));
    return { items: items.map((summary) => toExportView(summary, ctx.locale)), total, page: input.page, pageSize: input.pageSize };
  });

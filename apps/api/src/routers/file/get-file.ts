import { fileView, loadPilot } from "../../roster/file-view";
import { authedProcedure } from "../../trpc";
import { getFileInput } from "./file.types";

/**
 * One enterprise's file 改造信息表: every section with its revision, errors and completeness, and whether the caller
 * may edit it now (and why not). The county and its overseers read every file; an enterprise its own; a provider the
 * files of the enterprises it is linked to.
 */
export const getFile = authedProcedure.input(getFileInput).query(async ({ ctx, input }) =>
  fileView(ctx.data, ctx.principal, await loadPilot(ctx.data, ctx.principal, input.pilotId)),
);

import { listBatches as listAllBatches } from "@dtpilot/db";
import { authedProcedure } from "../../kernel/trpc";
import { noInput } from "../../kernel/no-input";

/** 试点批次, newest first. */
export const listBatches = authedProcedure.input(noInput).query(({ ctx }) => listAllBatches(ctx.data));

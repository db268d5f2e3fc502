import { listBatches as listAllBatches } from "@dtpilot/db";
import { authedProcedure } from "../../kernel/trpc";
import { noInput } from "../../kernel/no-input";
import { listBatchesOutput } from "./list-batches.types";

/** 试点批次, newest first. */
export const listBatches = authedProcedure.input(noInput)
  .output(listBatchesOutput)
  .query(({ ctx }) => listAllBatches(ctx.data));

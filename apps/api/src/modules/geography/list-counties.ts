import { listVisibleCounties } from "@dtpilot/db";
import { authedProcedure } from "../../kernel/trpc";
import { noInput } from "../../kernel/no-input";
import { listCountiesOutput } from "./list-counties.types";

/** Counties the user may see: all 95 for the province, a city's own, a reviewer's assigned, a county itself. */
export const listCounties = authedProcedure.input(noInput)
  .output(listCountiesOutput)
  .query(({ ctx }) => listVisibleCounties(ctx.data));

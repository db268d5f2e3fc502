import { findEnterprise } from "@dtpilot/db";
import { notFound } from "../../kernel/errors";
import { authedProcedure } from "../../kernel/trpc";
import { enterpriseOutput, getEnterpriseInput } from "./get-enterprise.types";

export const getEnterprise = authedProcedure.input(getEnterpriseInput)
  .output(enterpriseOutput)
  .query(async ({ ctx, input }) => {
    const enterprise = await findEnterprise(ctx.data, input.enterpriseId);
    if (!enterprise) throw notFound();
    return enterprise;
  });

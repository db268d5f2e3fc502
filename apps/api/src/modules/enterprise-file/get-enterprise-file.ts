import { recordProcedure } from "../../kernel/record-procedure";
import { enterpriseFile, enterpriseFileView } from "./enterprise-file-view";
import { getEnterpriseFileInput, getEnterpriseFileOutput } from "./enterprise-file.types";

/**
 * One enterprise's file 改造信息表: every section with its revision, errors and completeness, and whether the caller
 * may edit it now (and why not). The county and its overseers read every file; an enterprise its own; a provider the
 * files of the enterprises it is linked to.
 */
export const getEnterpriseFile = recordProcedure(getEnterpriseFileInput, enterpriseFile)
  .output(getEnterpriseFileOutput)
  .query(({ ctx }) => enterpriseFileView(ctx.data, ctx.record));

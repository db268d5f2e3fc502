import { changePassword } from "./routers/auth/change-password";
import { login } from "./routers/auth/login";
import { logout } from "./routers/auth/logout";
import { me } from "./routers/auth/me";
import { listBatches } from "./routers/batch/list-batches";
import { getCounty } from "./routers/county/get-county";
import { getEnterprise } from "./routers/enterprise/get-enterprise";
import { getExport } from "./routers/export/get-export";
import { listExports } from "./routers/export/list-exports";
import { requestRosterExport } from "./routers/export/request-roster-export";
import { listEnterprises } from "./routers/enterprise/list-enterprises";
import { listCounties } from "./routers/geography/list-counties";
import { getProvider } from "./routers/provider/get-provider";
import { requestPlanDocument } from "./routers/export/request-plan-document";
import { requestEnterpriseFileDocument } from "./routers/export/request-enterprise-file-document";
import { createPlan } from "./routers/plan/create-plan";
import { diffPlanVersions } from "./routers/plan/diff-plan-versions";
import { getCurrentPlan } from "./routers/plan/get-current-plan";
import { getPlan } from "./routers/plan/get-plan";
import { listPlans } from "./routers/plan/list-plans";
import { reviewPlan } from "./routers/plan/review-plan";
import { savePlan } from "./routers/plan/save-plan";
import { submitPlan } from "./routers/plan/submit-plan";
import { addRosterEntry } from "./routers/roster/add-roster-entry";
import { importRoster } from "./routers/roster/import-roster";
import { listRoster } from "./routers/roster/list-roster";
import { getFile } from "./routers/file/get-file";
import { saveFileSection } from "./routers/file/save-file-section";
import { linkProvider } from "./routers/roster/link-provider";
import { setTransformationStart } from "./routers/roster/set-transformation-start";
import { createEnterpriseAccount } from "./routers/roster/create-enterprise-account";
import { decideRosterChange } from "./routers/roster/decide-roster-change";
import { listRosterChanges } from "./routers/roster/list-roster-changes";
import { requestRosterChange } from "./routers/roster/request-roster-change";
import { listProviders } from "./routers/provider/list-providers";
import { listAuditRecords } from "./routers/audit/list-audit-records";
import { router } from "./trpc";

export const appRouter = router({
  auth: router({ login, logout, me, changePassword }),
  batch: router({ listBatches }),
  geography: router({ listCounties }),
  county: router({ getCounty }),
  enterprise: router({ listEnterprises, getEnterprise }),
  provider: router({ getProvider, listProviders }),
  plan: router({ getCurrentPlan, createPlan, savePlan, submitPlan, reviewPlan, listPlans, getPlan, diffPlanVersions }),
  roster: router({
    listRoster,
    addRosterEntry,
    importRoster,
    linkProvider,
    setTransformationStart,
    createEnterpriseAccount,
    listRosterChanges,
    requestRosterChange,
    decideRosterChange,
  }),
  file: router({ getFile, saveFileSection }),
  export: router({ requestRosterExport, requestPlanDocument, requestEnterpriseFileDocument, listExports, getExport }),
  audit: router({ listAuditRecords }),
});

export type AppRouter = typeof appRouter;

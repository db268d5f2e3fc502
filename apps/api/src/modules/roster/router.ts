import { router } from "../../kernel/trpc";
import { addPilotEnterprise } from "./add-pilot-enterprise";
import { createEnterpriseAccount } from "./create-enterprise-account";
import { decideRosterChange } from "./decide-roster-change";
import { importRoster } from "./import-roster";
import { linkProvider } from "./link-provider";
import { listRoster } from "./list-roster";
import { listRosterChanges } from "./list-roster-changes";
import { requestRosterChange } from "./request-roster-change";
import { requestRosterExport } from "./request-roster-export";
import { setTransformationStart } from "./set-transformation-start";

export const rosterRouter = router({
  listRoster,
  addPilotEnterprise,
  importRoster,
  linkProvider,
  setTransformationStart,
  createEnterpriseAccount,
  listRosterChanges,
  requestRosterChange,
  decideRosterChange,
  requestRosterExport,
});

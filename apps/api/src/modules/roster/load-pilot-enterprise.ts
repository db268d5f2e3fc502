import { findPilotEnterprise, type PilotEnterpriseRecord } from "@dtpilot/db";
import type { RecordLoader } from "../../kernel/record-procedure";

/** One pilot enterprise on the roster (试点企业) named by `pilotEnterpriseId`, within the caller's scope (a provider: its linked ones). */
export const pilotEnterprise: RecordLoader<PilotEnterpriseRecord, "pilotEnterpriseId"> = {
  key: "pilotEnterpriseId",
  auditType: "PilotEnterprise",
  find: findPilotEnterprise,
};

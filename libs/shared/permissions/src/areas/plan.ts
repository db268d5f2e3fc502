import type { AreaRules } from "../rule-writer";

/** The documents of a county's plan, which its reviewers (city, province) may also ask for. */
const PLAN_DOCUMENT_KINDS = ["PLAN_DATA_TABLE_XLSX", "PLAN_DOCX"] as const;

/** Implementation plans 实施方案: the county writes and submits, the city recommends or returns, the province decides. */
export const planRules: AreaRules = ({ scope }, { allow, perCounty }) => {
  switch (scope.kind) {
    case "province":
      allow(["read", "review"], "ImplementationPlan");
      for (const kind of PLAN_DOCUMENT_KINDS) allow("create", "ExportFile", { kind });
      break;
    case "reviewer":
    case "city":
      perCounty("read", "ImplementationPlan", "countyId", scope.countyIds);
      if (scope.kind === "city") {
        perCounty("review", "ImplementationPlan", "countyId", scope.countyIds);
        for (const countyId of scope.countyIds) {
          for (const kind of PLAN_DOCUMENT_KINDS) allow("create", "ExportFile", { countyId, kind });
        }
      }
      break;
    case "county":
      // The county writes its own plan and submits it; it never reviews one. Its documents are the county's own
      // files (documents area).
      allow(["read", "create", "update"], "ImplementationPlan", { countyId: scope.countyId });
      break;
    case "enterprise":
    case "provider":
      break;
  }
};

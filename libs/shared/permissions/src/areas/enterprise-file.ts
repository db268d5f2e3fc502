import type { AreaRules } from "../rule-writer";

/**
 * The enterprise file 改造信息表, by section. Who may write which section when is the domain's rule
 * (enterprise-file rules in @dtpilot/domain); here only whose files a principal reaches.
 */
export const enterpriseFileRules: AreaRules = ({ scope }, { allow, perCounty }) => {
  switch (scope.kind) {
    case "province":
      allow("read", "EnterpriseFileSection");
      break;
    case "reviewer":
    case "city":
      perCounty("read", "EnterpriseFileSection", "countyId", scope.countyIds);
      break;
    case "county":
      allow(["read", "create", "update"], "EnterpriseFileSection", { countyId: scope.countyId });
      break;
    case "enterprise":
      // Its own file (sections 一–三).
      allow(["read", "create", "update"], "EnterpriseFileSection", { enterpriseId: scope.enterpriseId });
      break;
    case "provider":
      // Sections 二 and 三 of its linked enterprises' files; the links are filtered as in the roster area.
      allow(["read", "create", "update"], "EnterpriseFileSection");
      break;
  }
};

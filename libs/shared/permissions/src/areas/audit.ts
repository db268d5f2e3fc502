import type { AreaRules } from "../rule-writer";

/** 审计日志: the province reads every county's records, a city its counties', a county its own; nobody else any. */
export const auditRules: AreaRules = ({ scope }, { allow, perCounty }) => {
  switch (scope.kind) {
    case "province":
      allow("read", "AuditRecord");
      break;
    case "city":
      perCounty("read", "AuditRecord", "countyId", scope.countyIds);
      break;
    case "county":
      // The records of its own county's data (its overseers' decisions on it included).
      allow("read", "AuditRecord", { countyId: scope.countyId });
      break;
    case "reviewer":
    case "enterprise":
    case "provider":
      break;
  }
};

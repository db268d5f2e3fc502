import type { AreaRules } from "../rule-writer";

/** The roster 试点企业改造名单 and its change requests, read by those who oversee the county. */
const ROSTER_SUBJECTS = ["PilotEnterprise", "EnterpriseProviderLink", "RosterChangeRequest"] as const;

/** The roster: the county keeps it, links providers and asks for changes; once the plan is approved the city consents. */
export const rosterRules: AreaRules = ({ scope }, { allow, perCounty }) => {
  switch (scope.kind) {
    case "province":
      for (const subject of ROSTER_SUBJECTS) allow("read", subject);
      break;
    case "reviewer":
    case "city":
      for (const subject of ROSTER_SUBJECTS) perCounty("read", subject, "countyId", scope.countyIds);
      // Once the plan is approved, the roster changes only with the city's consent (备案同意).
      if (scope.kind === "city") perCounty("review", "RosterChangeRequest", "countyId", scope.countyIds);
      break;
    case "county":
      allow(["read", "create", "update"], "PilotEnterprise", { countyId: scope.countyId });
      allow(["read", "create", "delete"], "EnterpriseProviderLink", { countyId: scope.countyId });
      allow(["read", "create"], "RosterChangeRequest", { countyId: scope.countyId });
      break;
    case "enterprise":
      // Its own place on the roster.
      allow("read", "PilotEnterprise", { enterpriseId: scope.enterpriseId });
      break;
    case "provider":
      allow("read", "EnterpriseProviderLink", { providerId: scope.providerId });
      // The enterprises it is linked to. A link is not a flat condition: the repositories filter by the provider's
      // links, and row-level security admits linked rows only.
      allow("read", "PilotEnterprise");
      break;
  }
};

import type { AreaRules } from "../rule-writer";

/** Enterprises, digital service providers and the counties a provider serves. */
export const organisationRules: AreaRules = ({ scope }, { allow, perCounty }) => {
  switch (scope.kind) {
    case "province":
      allow("read", "Enterprise");
      allow("read", "Provider");
      allow("read", "ProviderCounty");
      break;
    case "reviewer":
    case "city":
      perCounty("read", "Enterprise", "countyId", scope.countyIds);
      perCounty("read", "ProviderCounty", "countyId", scope.countyIds);
      allow("read", "Provider");
      break;
    case "county":
      allow(["read", "create", "update", "delete"], "Enterprise", { countyId: scope.countyId });
      allow(["read", "create", "delete"], "ProviderCounty", { countyId: scope.countyId });
      allow("read", "Provider");
      break;
    case "enterprise":
      allow("read", "Enterprise", { id: scope.enterpriseId });
      break;
    case "provider":
      allow(["read", "update"], "Provider", { id: scope.providerId });
      allow("read", "ProviderCounty", { providerId: scope.providerId });
      break;
  }
};

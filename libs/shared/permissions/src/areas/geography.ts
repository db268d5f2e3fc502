import type { AreaRules } from "../rule-writer";

/** Pilot batches, counties and the pilot counties of a batch: the province runs them, everyone reads their own. */
export const geographyRules: AreaRules = ({ scope }, { allow, perCounty }) => {
  allow("read", "Batch");
  switch (scope.kind) {
    case "province":
      allow("read", "County");
      allow("read", "PilotCounty");
      allow(["create", "update", "delete"], "Batch");
      allow(["create", "update", "delete"], "PilotCounty");
      break;
    case "reviewer":
    case "city":
      perCounty("read", "County", "code", scope.countyIds);
      perCounty("read", "PilotCounty", "countyId", scope.countyIds);
      break;
    case "county":
      allow("read", "County", { code: scope.countyId });
      allow("read", "PilotCounty", { countyId: scope.countyId });
      break;
    case "enterprise":
      allow("read", "County", { code: scope.countyId });
      break;
    case "provider":
      break;
  }
};

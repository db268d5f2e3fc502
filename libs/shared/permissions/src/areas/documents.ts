import type { AreaRules } from "../rule-writer";

/**
 * Generated files (exports, documents) and the job queues that make them. Which documents an overseer may ask for
 * is its area's rule (a plan's documents: plan area).
 */
export const documentRules: AreaRules = ({ scope }, { allow, perCounty }) => {
  switch (scope.kind) {
    case "province":
      // Overseers read (and download) the files their counties generated, as they read those counties' data.
      allow("read", "ExportFile");
      allow("read", "QueueDashboard");
      break;
    case "reviewer":
    case "city":
      perCounty("read", "ExportFile", "countyId", scope.countyIds);
      break;
    case "county":
      // Only the county's own team asks for its files; its background jobs then fill them in, in the county's name.
      allow(["read", "create", "update"], "ExportFile", { countyId: scope.countyId });
      break;
    case "enterprise":
    case "provider":
      break;
  }
};

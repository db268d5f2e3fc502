import type { AreaRules } from "../rule-writer";

/**
 * Generated files (exports, documents) and the job queues that make them. Which documents an overseer may ask for
 * is its area's rule (a plan's documents: plan area).
 *
 * A county's files are its team's working papers: a roster export or a plan document made from a draft holds what
 * the county has not submitted yet (isPlanVisibleTo). So an overseer reads (and downloads) only the files it asked for
 * itself — the documents of the plans it reviews — never the county's own.
 */
export const documentRules: AreaRules = ({ scope, userId }, { allow }) => {
  switch (scope.kind) {
    case "province":
      allow("read", "ExportFile", { requestedById: userId });
      // The province runs the queues: it finds every county's unfinished exports whose jobs were lost, without reading them.
      allow("recover", "ExportFile");
      allow("read", "QueueDashboard");
      break;
    case "reviewer":
    case "city":
      for (const countyId of scope.countyIds) allow("read", "ExportFile", { countyId, requestedById: userId });
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

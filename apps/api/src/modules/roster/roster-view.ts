import type { PilotEnterpriseRecord } from "@dtpilot/db";
import { STORED_FILE_SECTIONS, type FileCompletenessSummary } from "@dtpilot/domain";

/** The database's section names and the domain's. */
export const SECTION_OF_KEY = STORED_FILE_SECTIONS;

/**
 * A roster row as the apps show it: the entry, its enterprise, its providers and how complete its file is — the
 * completeness stored with the entry (the domain's fileCompletenessSummary as of the file's last save), so the file
 * itself is never read for a list. The output schema checks the stored sections' shape.
 */
export function toPilotEnterpriseView(entry: PilotEnterpriseRecord) {
  const { providerLinks, lastYearRevenue, filePercentage, fileComplete, fileCompleteness, ...rest } = entry;
  return {
    ...rest,
    lastYearRevenue: lastYearRevenue === null ? null : lastYearRevenue.toString(),
    providers: providerLinks.map((link) => link.provider),
    completeness: {
      percentage: filePercentage,
      complete: fileComplete,
      sections: fileCompleteness as FileCompletenessSummary["sections"],
    },
  };
}

export type PilotEnterpriseView = ReturnType<typeof toPilotEnterpriseView>;

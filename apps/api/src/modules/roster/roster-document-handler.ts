/** 试点企业名单 (XLSX): the roster document's loader, generator and registration. */
import { listPilotEnterprises } from "@dtpilot/db";
import { withoutIllegalCharacters } from "@dtpilot/domain";
import { defineDocumentHandler } from "../documents/document-handler";
import { buildRosterWorkbook, rosterExportParameters, workbookBytes } from "./roster-document";
import { toPilotEnterpriseView } from "./roster-view";

/** Progress: 0–5 reading the roster, 5–90 one step per row, 90–100 writing and storing the file. */
export const rosterDocumentHandler = defineDocumentHandler({
  kind: "ROSTER_XLSX",
  parameters: rosterExportParameters,
  loadedProgress: 5,
  // The batch's roster as the county sees it, filtered as the county asked — by the roster list's filter, in SQL — in
  // the roster's own order.
  async load(tenant, exportRecord, { batchId, batchName, filter }) {
    const entries = batchId ? await listPilotEnterprises(tenant, { countyId: exportRecord.countyId, batchId }, { filter }) : [];
    // Text stored before the character rule would break the XML: stripped here, and the file checked after.
    return {
      countyName: exportRecord.county.name,
      batchName: withoutIllegalCharacters(batchName),
      entries: withoutIllegalCharacters(entries.map(toPilotEnterpriseView)),
      filter,
    };
  },
  async generate(roster, progress) {
    const workbook = await buildRosterWorkbook({ ...roster, generatedAt: new Date(), onRow: progress.step });
    return { content: await workbookBytes(workbook), rowCount: roster.entries.length };
  },
});

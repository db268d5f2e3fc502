/** 改造信息表 (附2, DOCX): the enterprise file document's loader, generator and registration. */
import { findPilotEnterprise } from "@dtpilot/db";
import { withoutIllegalCharacters } from "@dtpilot/domain";
import { defineDocumentHandler } from "../documents/document-handler";
import { buildEnterpriseFileDocx, enterpriseFileDocumentParameters } from "./enterprise-file-document";
import { fileView } from "./enterprise-file-view";

export const enterpriseFileDocumentHandler = defineDocumentHandler({
  kind: "ENTERPRISE_FILE_DOCX",
  parameters: enterpriseFileDocumentParameters,
  loadedProgress: 40,
  // The file as the county team sees it (the scope of the kernel's transaction); the record names the pilot.
  async load(tenant, exportRecord, parameters) {
    const entry = await findPilotEnterprise(tenant, parameters.pilotEnterpriseId);
    const view = entry && entry.countyId === exportRecord.countyId ? await fileView(tenant, entry) : null;
    if (!view) return null;
    // Text stored before the character rule would break the XML: stripped here, and the file checked after.
    return withoutIllegalCharacters({
      countyName: exportRecord.county.name,
      batchName: parameters.batchName,
      entry: view.entry,
      file: view.file,
      completeness: view.completeness,
      generatedAt: new Date(),
    });
  },
  async generate(file) {
    return { content: await buildEnterpriseFileDocx(file), rowCount: 1 };
  },
});

import { exportOutput } from "../documents/get-export.types";
import { rosterExportFilter } from "./roster-document";

/** The roster table's filters, all optional; no input at all exports every entry on the roster. */
export const requestRosterExportInput = rosterExportFilter.optional();

export const requestRosterExportOutput = exportOutput;

import { exportOutput } from "../documents/get-export.types";
import { rosterExportFilter } from "./roster-document";

/** The roster list's filter, all optional; no input at all exports every entry (在册 and 已移出). */
export const requestRosterExportInput = rosterExportFilter.optional();

export const requestRosterExportOutput = exportOutput;

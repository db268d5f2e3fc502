import type * as ExcelJSTypes from "exceljs";
import type { PilotEnterpriseView } from "./roster-types";

/**
 * 导出当前列表: the rows the roster table shows (filtered and sorted) as an XLSX built in the browser. The columns are
 * the import template's (so the file can be edited and imported elsewhere), then 数字化服务商, 档案完整度 and 状态.
 * exceljs is loaded only when the county asks for the file.
 */

export interface FilteredRosterLabels {
  /** ROSTER_COLUMNS' headers in their order: 序号, 企业名称, …, 联系方式. */
  columns: readonly string[];
  providers: string;
  completeness: string;
  status: string;
  scale: Record<PilotEnterpriseView["scale"], string>;
  yes: string;
  no: string;
  statuses: Record<PilotEnterpriseView["status"], string>;
  sheetName: string;
}

export type FilteredRosterCell = string | number | null;

export interface FilteredRosterSheet {
  header: string[];
  rows: FilteredRosterCell[][];
}

const PROVIDER_SEPARATOR = "、";
/** Column widths (characters) in the sheet's order. */
const COLUMN_WIDTHS = [6, 32, 22, 28, 10, 12, 16, 10, 16, 28, 10, 8];
const CREDIT_CODE_COLUMN = 3;
const COMPLETENESS_COLUMN = 11;

/** The sheet's cells: a header row, then one row per entry numbered 1… in the order given. */
export function filteredRosterSheet(entries: readonly PilotEnterpriseView[], labels: FilteredRosterLabels): FilteredRosterSheet {
  return {
    header: [...labels.columns, labels.providers, labels.completeness, labels.status],
    rows: entries.map((entry, index) => [
      index + 1,
      entry.enterprise.name,
      entry.enterprise.creditCode,
      entry.subIndustry,
      labels.scale[entry.scale],
      entry.specialised ? labels.yes : labels.no,
      // A number cell, so the county can add it up; the API's decimal has at most four places.
      entry.lastYearRevenue === null ? null : Number(entry.lastYearRevenue),
      entry.contactName ?? null,
      entry.contactPhone ?? null,
      entry.providers.map((provider) => provider.name).join(PROVIDER_SEPARATOR) || null,
      entry.completeness.percentage / 100,
      labels.statuses[entry.status],
    ]),
  };
}

type ExcelJSModule = typeof ExcelJSTypes;

/** exceljs is CommonJS: a bundler's namespace carries it as `default`, with or without the named exports beside it. */
async function loadExcelJS(): Promise<ExcelJSModule> {
  const loaded = await import("exceljs");
  return (loaded as ExcelJSModule & { default?: ExcelJSModule }).default ?? loaded;
}

/** The XLSX file's bytes. */
export async function buildFilteredRosterWorkbook(sheet: FilteredRosterSheet, sheetName: string): Promise<ArrayBuffer> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.addRow(sheet.header).font = { bold: true };
  for (const row of sheet.rows) worksheet.addRow(row);
  COLUMN_WIDTHS.forEach((width, index) => {
    worksheet.getColumn(index + 1).width = width;
  });
  // Text, not a number: Excel would turn an all-digit credit code typed over it into a rounded number.
  worksheet.getColumn(CREDIT_CODE_COLUMN).numFmt = "@";
  worksheet.getColumn(COMPLETENESS_COLUMN).numFmt = "0%";
  // Typed as an ArrayBuffer; at run time a Node or polyfilled Buffer, i.e. a view on a possibly larger buffer.
  const written: ArrayBuffer | ArrayBufferView = await workbook.xlsx.writeBuffer();
  const view = ArrayBuffer.isView(written) ? new Uint8Array(written.buffer, written.byteOffset, written.byteLength) : new Uint8Array(written);
  return view.slice().buffer;
}

export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Builds the file and hands it to the browser as a download named `fileName`. */
export async function downloadFilteredRoster(sheet: FilteredRosterSheet, sheetName: string, fileName: string): Promise<void> {
  const bytes = await buildFilteredRosterWorkbook(sheet, sheetName);
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_MIME_TYPE }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled; revoking at once cancels the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * 试点企业改造名单 (the county's roster for a batch) as an XLSX workbook: one title row (naming the filter, if any),
 * one header row and one row per entry. The columns are the import template's (ROSTER_COLUMNS, word for word, so the
 * file can be edited and imported again), then 数字化服务商, 档案完整度 and 状态. The county app's 导出名单 asks for it with the
 * roster table's current filter.
 */
import {
  ENTERPRISE_SCALE_LABELS,
  ROSTER_COLUMNS,
  rosterFilterSchema,
  type PilotEnterpriseStatus,
  type RosterColumnKey,
  type RosterFilter,
} from "@dtpilot/domain";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { PilotEnterpriseView } from "./roster-view";
import { AMOUNT_FORMAT, ROSTER_COLUMN_WIDTHS } from "./roster-sheet-style";

/** As the county app names them. */
export const ROSTER_STATUS_LABELS: Record<PilotEnterpriseStatus, string> = { ACTIVE: "在册", REMOVED: "已移出" };

/**
 * Which entries to export: the roster list's filter (roster-query.ts), applied the same way, in SQL. A filter left out
 * means all; without a status, entries 在册 and 已移出 both (the 状态 column tells them apart).
 */
export const rosterExportFilter = rosterFilterSchema;
export type RosterExportFilter = RosterFilter;

/** A filter stored by an export asked for before filters named several sub-industries ({ subIndustry }). */
const storedFilter = z.preprocess((value) => {
  if (!value || typeof value !== "object" || !("subIndustry" in value)) return value;
  const { subIndustry, ...rest } = value as { subIndustry: unknown };
  return { ...rest, subIndustries: [subIndustry] };
}, rosterFilterSchema);

/** Fixed when the export is requested: the batch (named in the title) and the filter, applied by the worker. */
export const rosterExportParameters = z
  .object({ batchId: z.uuid().optional(), batchName: z.string().optional(), filter: storedFilter.optional() })
  .strict();
export type RosterExportParameters = z.infer<typeof rosterExportParameters>;

export type RosterExportEntry = Pick<
  PilotEnterpriseView,
  "subIndustry" | "scale" | "specialised" | "lastYearRevenue" | "contactName" | "contactPhone" | "status" | "enterprise" | "providers"
> & { completeness: Pick<PilotEnterpriseView["completeness"], "percentage" | "complete"> };

const YES = "是";
const NO = "否";

/** “所属细分行业：高端装备—精密机械零部件、新材料—特种钢；是否为专精特新中小企业：是”; empty for the default (every entry). */
export function describeRosterExportFilter(filter: RosterExportFilter = {}): string {
  const parts = [
    filter.subIndustries && filter.subIndustries.length > 0 ? `所属细分行业：${filter.subIndustries.join("、")}` : null,
    filter.scale === undefined ? null : `企业规模：${ENTERPRISE_SCALE_LABELS[filter.scale]}`,
    filter.specialised === undefined ? null : `是否为专精特新中小企业：${filter.specialised ? YES : NO}`,
    filter.complete === undefined ? null : `档案是否完整：${filter.complete ? YES : NO}`,
    filter.status === undefined ? null : `状态：${ROSTER_STATUS_LABELS[filter.status]}`,
  ];
  return parts.filter((part) => part !== null).join("；");
}

export const ROSTER_SHEET_NAME = "试点企业名单";

type ExportColumnKey = RosterColumnKey | "providers" | "completeness" | "status";

const WIDTHS: Record<ExportColumnKey, number> = { ...ROSTER_COLUMN_WIDTHS, providers: 32, completeness: 12, status: 10 };

/** The sheet's columns: the template's, then 数字化服务商, 档案完整度 and 状态. */
export const ROSTER_EXPORT_COLUMNS: readonly { key: ExportColumnKey; header: string; width: number }[] = [
  ...ROSTER_COLUMNS.map((column) => ({ key: column.key, header: column.label, width: WIDTHS[column.key] })),
  { key: "providers", header: "数字化服务商", width: WIDTHS.providers },
  { key: "completeness", header: "档案完整度", width: WIDTHS.completeness },
  { key: "status", header: "状态", width: WIDTHS.status },
];

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const PROVIDER_SEPARATOR = "、";

/** "江阴市 试点企业名单（2025年度）" */
export function rosterTitle(countyName: string, batchName: string | undefined): string {
  return `${countyName} ${ROSTER_SHEET_NAME}${batchName ? `（${batchName}）` : ""}`;
}

/** "江阴市试点企业名单（2025年度）.xlsx", or "…（2025年度）（筛选）.xlsx" for a filtered list. */
export function rosterFileName(countyName: string, batchName: string | undefined, filter: RosterExportFilter = {}): string {
  const filtered = describeRosterExportFilter(filter) === "" ? "" : "（筛选）";
  return `${rosterTitle(countyName, batchName).replace(/\s+/g, "")}${filtered}.xlsx`;
}

/** The title row: the roster's title, then the filter when there is one. */
export function rosterSheetTitle(countyName: string, batchName: string | undefined, filter: RosterExportFilter = {}): string {
  const described = describeRosterExportFilter(filter);
  return `${rosterTitle(countyName, batchName)}${described ? `（筛选：${described}）` : ""}`;
}

export interface RosterWorkbookInput {
  countyName: string;
  batchName: string | undefined;
  /** The entries to list, already filtered, in the roster's order. */
  entries: readonly RosterExportEntry[];
  filter?: RosterExportFilter;
  generatedAt: Date;
  /** Called after each row, e.g. to report progress. */
  onRow?: (rowsDone: number, rowsTotal: number) => Promise<void>;
}

const THIN = { style: "thin" as const, color: { argb: "FF999999" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** One entry's cells, by column key. */
function rowValues(entry: RosterExportEntry, serial: number): Record<ExportColumnKey, string | number | null> {
  return {
    serial,
    name: entry.enterprise.name,
    creditCode: entry.enterprise.creditCode,
    subIndustry: entry.subIndustry,
    scale: ENTERPRISE_SCALE_LABELS[entry.scale],
    specialised: entry.specialised ? YES : NO,
    // A number cell, so the county can add it up; the roster's decimal has at most four places.
    lastYearRevenue: entry.lastYearRevenue === null ? null : Number(entry.lastYearRevenue),
    contactName: entry.contactName ?? null,
    contactPhone: entry.contactPhone ?? null,
    providers: entry.providers.map((provider) => provider.name).join(PROVIDER_SEPARATOR) || null,
    completeness: entry.completeness.percentage / 100,
    status: ROSTER_STATUS_LABELS[entry.status],
  };
}

export async function buildRosterWorkbook(input: RosterWorkbookInput): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "dtpilot";
  workbook.created = input.generatedAt;
  workbook.title = rosterTitle(input.countyName, input.batchName);

  const sheet = workbook.addWorksheet(ROSTER_SHEET_NAME, {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" },
  });
  sheet.columns = ROSTER_EXPORT_COLUMNS.map(({ key, width }) => ({ key, width }));

  sheet.mergeCells(1, 1, 1, ROSTER_EXPORT_COLUMNS.length);
  const title = sheet.getCell(1, 1);
  title.value = rosterSheetTitle(input.countyName, input.batchName, input.filter);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  sheet.getRow(1).height = 28;

  const header = sheet.getRow(2);
  header.values = ROSTER_EXPORT_COLUMNS.map((column) => column.header);
  header.font = { bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  header.eachCell((cell) => {
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFEFEF" } };
  });

  // 序号 is a whole number; the credit code is text, so a code of digits never turns into a number.
  sheet.getColumn("serial").numFmt = "0";
  sheet.getColumn("creditCode").numFmt = "@";
  sheet.getColumn("lastYearRevenue").numFmt = AMOUNT_FORMAT;
  sheet.getColumn("completeness").numFmt = "0%";

  const total = input.entries.length;
  for (const [index, entry] of input.entries.entries()) {
    const row = sheet.addRow(rowValues(entry, index + 1));
    for (let column = 1; column <= ROSTER_EXPORT_COLUMNS.length; column++) row.getCell(column).border = BORDER;
    row.getCell("serial").alignment = { horizontal: "center" };
    await input.onRow?.(index + 1, total);
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: ROSTER_EXPORT_COLUMNS.length } };
  return workbook;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> {
  // exceljs types its result loosely; in Node it is a Buffer, copied here into a plain Uint8Array.
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayLike<number>);
}

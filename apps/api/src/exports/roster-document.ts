/**
 * 试点企业名单 (the county's pilot enterprise roster) as an XLSX workbook. The column labels are the guide's own
 * (附2 改造信息表 一、基本情况); the layout is one title row, one header row and one row per enterprise.
 */
import ExcelJS from "exceljs";
import { z } from "zod";

/** Fixed when the export is requested: the batch named in the title. */
export const rosterExportParameters = z.object({ batchId: z.uuid().optional(), batchName: z.string().optional() }).strict();
export type RosterExportParameters = z.infer<typeof rosterExportParameters>;

export const ROSTER_SHEET_NAME = "试点企业名单";

export const ROSTER_COLUMNS = [
  { header: "序号", key: "serial", width: 8 },
  { header: "企业名称", key: "name", width: 44 },
  { header: "企业信用代码", key: "creditCode", width: 24 },
  { header: "所属城市及县区", key: "region", width: 22 },
] as const;

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "江阴市 试点企业名单（2025年度）" */
export function rosterTitle(countyName: string, batchName: string | undefined): string {
  return `${countyName} ${ROSTER_SHEET_NAME}${batchName ? `（${batchName}）` : ""}`;
}

/** "江阴市试点企业名单（2025年度）.xlsx" */
export function rosterFileName(countyName: string, batchName: string | undefined): string {
  return `${rosterTitle(countyName, batchName).replace(/\s+/g, "")}.xlsx`;
}

export interface RosterEnterprise {
  name: string;
  creditCode: string;
  county: { name: string; city: { name: string } };
}

export interface RosterWorkbookInput {
  countyName: string;
  batchName: string | undefined;
  enterprises: readonly RosterEnterprise[];
  generatedAt: Date;
  /** Called after each row, e.g. to report progress. */
  onRow?: (rowsDone: number, rowsTotal: number) => Promise<void>;
}

const THIN = { style: "thin" as const, color: { argb: "FF999999" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function buildRosterWorkbook(input: RosterWorkbookInput): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "dtpilot";
  workbook.created = input.generatedAt;
  workbook.title = rosterTitle(input.countyName, input.batchName);

  const sheet = workbook.addWorksheet(ROSTER_SHEET_NAME, {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" },
  });
  sheet.columns = ROSTER_COLUMNS.map(({ key, width }) => ({ key, width }));

  sheet.mergeCells(1, 1, 1, ROSTER_COLUMNS.length);
  const title = sheet.getCell(1, 1);
  title.value = workbook.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 28;

  const header = sheet.getRow(2);
  header.values = ROSTER_COLUMNS.map((column) => column.header);
  header.font = { bold: true };
  header.alignment = { horizontal: "center", vertical: "middle" };
  header.eachCell((cell) => {
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFEFEF" } };
  });

  // 序号 is a whole number; the credit code is text, so a code of digits never turns into a number.
  sheet.getColumn("serial").numFmt = "0";
  sheet.getColumn("creditCode").numFmt = "@";

  const total = input.enterprises.length;
  for (const [index, enterprise] of input.enterprises.entries()) {
    const row = sheet.addRow({
      serial: index + 1,
      name: enterprise.name,
      creditCode: enterprise.creditCode,
      region: `${enterprise.county.city.name}${enterprise.county.name}`,
    });
    row.eachCell((cell) => (cell.border = BORDER));
    row.getCell("serial").alignment = { horizontal: "center" };
    await input.onRow?.(index + 1, total);
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: ROSTER_COLUMNS.length } };
  return workbook;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> {
  // exceljs types its result loosely; in Node it is a Buffer, copied here into a plain Uint8Array.
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayLike<number>);
}

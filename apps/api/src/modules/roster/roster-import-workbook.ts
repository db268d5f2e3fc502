/**
 * The XLSX template a county fills to import its 试点企业名单, and the reader that turns a filled template back into
 * raw rows for `validateRosterImport`. The reader finds columns by their header labels, not their positions, so a
 * county may move columns or drop the title row; it reads what the cells show, not how Excel stores them.
 */
import ExcelJS from "exceljs";
import {
  ENTERPRISE_SCALE_LABELS,
  ROSTER_COLUMN_KEYS,
  ROSTER_COLUMNS,
  ROSTER_CONTACT_MAX_CHARS,
  ROSTER_EXAMPLE_ROWS,
  ROSTER_EXAMPLE_SERIAL,
  ROSTER_IMPORT_MAX_CELL_CHARS,
  ROSTER_IMPORT_MAX_ROWS,
  ROSTER_NAME_MAX_CHARS,
  ROSTER_REQUIRED_COLUMN_KEYS,
  type RawRosterRow,
  type RosterColumnKey,
} from "@dtpilot/domain";
import { ROSTER_SHEET_NAME, rosterTitle } from "./roster-document";
import { openXlsxWithinLimits, type XlsxGateRefusal } from "../documents/xlsx-gate";
import { AMOUNT_FORMAT, ROSTER_COLUMN_WIDTHS } from "./roster-sheet-style";

export const ROSTER_INSTRUCTIONS_SHEET_NAME = "填写说明";
/** Hidden sheet holding the sub-industry dropdown's choices. */
export const ROSTER_OPTIONS_SHEET_NAME = "选项";

const TITLE_ROW = 1;
const HEADER_ROW = 2;
const FIRST_EXAMPLE_ROW = HEADER_ROW + 1;
const FIRST_DATA_ROW = FIRST_EXAMPLE_ROW + ROSTER_EXAMPLE_ROWS.length;
/** Dropdowns and formats reach as far as an import may go. */
const LAST_TEMPLATE_ROW = FIRST_DATA_ROW + ROSTER_IMPORT_MAX_ROWS - 1;
/** How far down the reader looks for the header row (a county may add a few lines above it). */
const HEADER_SEARCH_ROWS = 20;
/** How far right it looks for header labels (the template has 9 columns; a county may add a few of its own). */
const HEADER_SEARCH_COLUMNS = 64;
/** A header label is short; a longer cell is no header, and is not normalised whole. */
const HEADER_MAX_CHARS = 64;

const YES = "是";
const NO = "否";

const THIN = { style: "thin" as const, color: { argb: "FF999999" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const RED = { argb: "FFFF0000" };
const GREY = { argb: "FF808080" };

export interface RosterImportTemplateInput {
  countyName: string;
  batchName: string | undefined;
  /** The plan's sub-industries, “集群—细分行业”. */
  subIndustries: readonly string[];
}

/** "江阴市试点企业名单导入模板（2025年度）.xlsx" */
export function rosterTemplateFileName(countyName: string, batchName: string | undefined): string {
  return `${countyName}${ROSTER_SHEET_NAME}导入模板${batchName ? `（${batchName}）` : ""}.xlsx`.replace(/\s+/g, "");
}

/**
 * exceljs 4.4 writes a validation added for a whole range as one `sqref`, which keeps the file small, but its
 * typings only offer per-cell validations.
 */
interface RangeDataValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function validateRange(sheet: ExcelJS.Worksheet, key: RosterColumnKey, validation: ExcelJS.DataValidation): void {
  const letter = sheet.getColumn(key).letter;
  const range = `${letter}${FIRST_EXAMPLE_ROW}:${letter}${LAST_TEMPLATE_ROW}`;
  (sheet as unknown as RangeDataValidations).dataValidations.add(range, {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    showInputMessage: validation.prompt !== undefined,
    ...validation,
  });
}

function headerValue(column: (typeof ROSTER_COLUMNS)[number]): ExcelJS.CellValue {
  if (!column.required) return column.label;
  return { richText: [{ text: "*", font: { bold: true, color: RED } }, { text: column.label, font: { bold: true } }] };
}

function instructions(subIndustries: readonly string[]): string[] {
  const subIndustryList = subIndustries.length > 0 ? subIndustries.join("、") : "（实施方案主要数据表中尚未填写细分行业）";
  return [
    `1. 请在“${ROSTER_SHEET_NAME}”工作表第 ${FIRST_DATA_ROW} 行起逐行填写，每行一家企业；表头标“*”的列为必填项。`,
    `2. 灰色斜体、序号为“${ROSTER_EXAMPLE_SERIAL}”的两行是填写示例，导入时自动跳过，可保留或删除；请勿在示例行中填写实际企业。`,
    `3. 企业名称：填写营业执照上的企业全称，不超过 ${ROSTER_NAME_MAX_CHARS} 个字符。`,
    "4. 企业信用代码：18 位统一社会信用代码，该列已设为文本格式。从其他表格粘贴时请使用“选择性粘贴—数值”，并确认代码未变成数字或科学计数法（如 9.13203E+17），否则后几位会丢失。同一文件中不能重复，已在本批次名单中的企业不能再次导入。",
    `5. 所属细分行业：从下拉列表中选择，须为实施方案主要数据表中的细分行业，可选：${subIndustryList}。`,
    `6. 企业规模：填写“${ENTERPRISE_SCALE_LABELS.ABOVE}”（规模以上工业中小企业）或“${ENTERPRISE_SCALE_LABELS.BELOW}”（规模以下工业中小企业）。`,
    `7. 是否为专精特新中小企业：填写“${YES}”或“${NO}”。`,
    "8. 上年度主营业务收入：单位为万元，填写不小于 0 的数字，最多保留 4 位小数。",
    `9. 联系人、联系方式：选填，各不超过 ${ROSTER_CONTACT_MAX_CHARS} 个字符。`,
    `10. 一次最多导入 ${ROSTER_IMPORT_MAX_ROWS} 家企业。系统逐行逐列校验，文件中有任何错误时整份文件都不导入；请按提示的行号和列修改后重新上传。`,
    "11. 请勿修改表头文字；列的顺序可以调整，空行会被忽略。",
  ];
}

/** The import template: title, header, two example rows, dropdowns and formats for every row an import may have. */
export async function buildRosterImportTemplate(input: RosterImportTemplateInput): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "dtpilot";
  workbook.title = rosterTitle(input.countyName, input.batchName);
  const subIndustries = input.subIndustries.map((name) => name.trim()).filter((name) => name !== "");

  const sheet = workbook.addWorksheet(ROSTER_SHEET_NAME, { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
  sheet.columns = ROSTER_COLUMNS.map(({ key }) => ({ key, width: ROSTER_COLUMN_WIDTHS[key] }));

  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, ROSTER_COLUMNS.length);
  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = workbook.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(TITLE_ROW).height = 28;

  const header = sheet.getRow(HEADER_ROW);
  ROSTER_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = headerValue(column);
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFEFEF" } };
  });
  header.height = 32;

  // The credit code is text, so a code of digits never becomes a number that Excel rounds to 15 digits.
  sheet.getColumn("creditCode").numFmt = "@";
  sheet.getColumn("lastYearRevenue").numFmt = AMOUNT_FORMAT;

  ROSTER_EXAMPLE_ROWS.forEach((example, index) => {
    const row = sheet.getRow(FIRST_EXAMPLE_ROW + index);
    for (const key of ROSTER_COLUMN_KEYS) {
      const cell = row.getCell(key);
      if (key === "subIndustry") cell.value = subIndustries[index] ?? subIndustries[0] ?? example.subIndustry;
      else if (key === "lastYearRevenue") cell.value = Number(example.lastYearRevenue);
      else cell.value = example[key];
      cell.font = { italic: true, color: GREY };
      cell.border = BORDER;
    }
  });

  const guide = workbook.addWorksheet(ROSTER_INSTRUCTIONS_SHEET_NAME);
  guide.getColumn(1).width = 110;
  const guideTitle = guide.getCell(1, 1);
  guideTitle.value = ROSTER_INSTRUCTIONS_SHEET_NAME;
  guideTitle.font = { bold: true, size: 14 };
  instructions(subIndustries).forEach((line, index) => {
    const cell = guide.getCell(index + 2, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: "top" };
  });
  // Last, so the instructions sit right after the roster.
  const options = workbook.addWorksheet(ROSTER_OPTIONS_SHEET_NAME, { state: "hidden" });
  subIndustries.forEach((name, index) => (options.getCell(index + 1, 1).value = name));
  if (subIndustries.length > 0) {
    // Inline lists are limited to 255 characters, so the dropdown refers to the hidden sheet.
    validateRange(sheet, "subIndustry", {
      type: "list",
      formulae: [`'${ROSTER_OPTIONS_SHEET_NAME}'!$A$1:$A$${subIndustries.length}`],
      error: "请从下拉列表中选择实施方案中的细分行业",
      errorTitle: "所属细分行业",
      prompt: "从下拉列表中选择",
      promptTitle: "所属细分行业",
    });
  }
  validateRange(sheet, "scale", {
    type: "list",
    formulae: [`"${ENTERPRISE_SCALE_LABELS.ABOVE},${ENTERPRISE_SCALE_LABELS.BELOW}"`],
    error: `请填写“${ENTERPRISE_SCALE_LABELS.ABOVE}”或“${ENTERPRISE_SCALE_LABELS.BELOW}”`,
    errorTitle: "企业规模",
  });
  validateRange(sheet, "specialised", {
    type: "list",
    formulae: [`"${YES},${NO}"`],
    error: `请填写“${YES}”或“${NO}”`,
    errorTitle: "是否为专精特新中小企业",
  });
  validateRange(sheet, "creditCode", {
    type: "textLength",
    operator: "equal",
    formulae: [18],
    error: "统一社会信用代码应为 18 位",
    errorTitle: "企业信用代码",
    prompt: "18 位统一社会信用代码",
    promptTitle: "企业信用代码",
  });
  validateRange(sheet, "lastYearRevenue", {
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulae: [0],
    error: "请填写不小于 0 的数字（万元），最多 4 位小数",
    errorTitle: "上年度主营业务收入（万元）",
  });

  return workbook;
}

export type RosterImportReadError = "roster.import.unreadable" | "roster.import.wrongTemplate" | "roster.import.tooComplex";
export type RosterImportRead = { rows: RawRosterRow[] } | { error: RosterImportReadError };

/** How the import names the XLSX gate's refusals. */
export const XLSX_REFUSAL_KEYS: Record<XlsxGateRefusal, RosterImportReadError> = {
  unreadable: "roster.import.unreadable",
  tooComplex: "roster.import.tooComplex",
};

/** Header text as compared: full-width forms folded, spaces and required-column asterisks removed. */
function headerKey(text: string): string {
  return text.normalize("NFKC").replace(/[\s*]/g, "");
}

/** Each column by its label and, for labels ending in a parenthesised hint, by the label without it. */
const COLUMN_BY_HEADER: ReadonlyMap<string, RosterColumnKey> = new Map(
  ROSTER_COLUMNS.flatMap(({ key, label }) => {
    const full = headerKey(label);
    const short = full.replace(/\([^()]*\)$/, "");
    return short === full ? [[full, key] as const] : [[full, key] as const, [short, key] as const];
  }),
);

/** A number as a person reads it: 1234.5, not 1234.4999999999998 or 1.2345e+3. */
function plainNumber(value: number): string {
  const rounded = Number(value.toPrecision(15));
  if (Number.isInteger(rounded)) return BigInt(rounded).toString();
  const text = String(rounded);
  return /e/i.test(text) ? rounded.toFixed(20).replace(/0+$/, "") : text;
}

interface CellReading {
  text: string;
  numeric: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** What a cell shows: rich text as plain text, a formula as its result, a hyperlink as its text. */
function readCell(value: unknown): CellReading {
  if (value === null || value === undefined) return { text: "", numeric: false };
  if (typeof value === "number") return { text: plainNumber(value), numeric: true };
  if (typeof value === "string") return { text: value, numeric: false };
  if (typeof value === "boolean") return { text: value ? YES : NO, numeric: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), numeric: false };
  if (isObject(value)) {
    if (Array.isArray(value.richText)) {
      const text = value.richText.map((run: unknown) => (isObject(run) && typeof run.text === "string" ? run.text : "")).join("");
      return { text, numeric: false };
    }
    if ("formula" in value || "sharedFormula" in value) return readCell(value.result);
    if ("hyperlink" in value) return readCell(value.text);
    if (typeof value.error === "string") return { text: value.error, numeric: false };
  }
  return { text: "", numeric: false };
}

interface LocatedHeader {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  columns: Partial<Record<RosterColumnKey, number>>;
}

function locateHeader(workbook: ExcelJS.Workbook): LocatedHeader | null {
  const sheets = [...workbook.worksheets].sort(
    (a, b) => Number(b.name === ROSTER_SHEET_NAME) - Number(a.name === ROSTER_SHEET_NAME),
  );
  for (const sheet of sheets) {
    const lastRow = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
    for (let rowNumber = 1; rowNumber <= lastRow; rowNumber++) {
      const columns: Partial<Record<RosterColumnKey, number>> = {};
      sheet.getRow(rowNumber).eachCell((cell, columnNumber) => {
        if (columnNumber > HEADER_SEARCH_COLUMNS) return;
        const text = readCell(cell.value).text;
        if (text.length > HEADER_MAX_CHARS) return;
        const key = COLUMN_BY_HEADER.get(headerKey(text));
        if (key && columns[key] === undefined) columns[key] = columnNumber;
      });
      if (ROSTER_REQUIRED_COLUMN_KEYS.every((key) => columns[key] !== undefined)) return { sheet, headerRow: rowNumber, columns };
    }
  }
  return null;
}

/**
 * The rows of a filled template, cell texts untrimmed but cut at ROSTER_IMPORT_MAX_CELL_CHARS, with the sheet's row
 * numbers. Example rows (序号 “示例”) and rows with nothing but a 序号 are skipped; reading stops one row past the
 * import limit, which the validation reports; columns other than the template's are not read. The archive passes
 * the XLSX gate (bounded entries and inflated sizes) before exceljs sees it. Run it off the request thread:
 * `readRosterImportInWorker`.
 */
export async function readRosterImport(bytes: Uint8Array): Promise<RosterImportRead> {
  const gate = openXlsxWithinLimits(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!gate.ok) return { error: XLSX_REFUSAL_KEYS[gate.refusal] };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy also drops any offset of a view into a larger buffer.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    return { error: "roster.import.unreadable" };
  }
  // A ZIP that exceljs opens without finding a single sheet is some other archive (a .docx, a folder of files).
  if (workbook.worksheets.length === 0) return { error: "roster.import.unreadable" };
  const located = locateHeader(workbook);
  if (!located) return { error: "roster.import.wrongTemplate" };

  const { sheet, headerRow, columns } = located;
  const rows: RawRosterRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber <= headerRow || rows.length > ROSTER_IMPORT_MAX_ROWS) return;
    const cells = {} as Record<RosterColumnKey, string>;
    const numericColumns: RosterColumnKey[] = [];
    for (const key of ROSTER_COLUMN_KEYS) {
      const columnNumber = columns[key];
      const reading = columnNumber === undefined ? readCell(null) : readCell(row.getCell(columnNumber).value);
      cells[key] = reading.text.length > ROSTER_IMPORT_MAX_CELL_CHARS ? reading.text.slice(0, ROSTER_IMPORT_MAX_CELL_CHARS) : reading.text;
      if (reading.numeric) numericColumns.push(key);
    }
    if (cells.serial.trim() === ROSTER_EXAMPLE_SERIAL) return;
    if (ROSTER_COLUMN_KEYS.every((key) => key === "serial" || cells[key].trim() === "")) return;
    rows.push(numericColumns.length > 0 ? { rowNumber, cells, numericColumns } : { rowNumber, cells });
  });
  return { rows };
}

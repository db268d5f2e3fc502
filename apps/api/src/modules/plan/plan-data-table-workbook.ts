/**
 * 实施方案主要数据表 (附1's main data table) as an XLSX workbook. The layout is the template's vertical form — labels
 * on the left, word for word — with one value column per sub-industry (细分行业) and a 合计 column after them.
 * 数值B, the totals and the shares (占比) are live formulas whose cached results are the app's own figures
 * (computePlan), so the file shows the same numbers as the app before and after Excel recalculates.
 * The rows, labels and merges are the domain's layout (PLAN_TABLE_ROWS), which the DOCX, the county's form and the
 * read-only view render too.
 */
import {
  PLAN_DATA_TABLE_TITLE,
  PLAN_DECIMAL_PATTERN,
  PLAN_TABLE_ROWS,
  PLAN_TABLE_TEXT_ROWS,
  RATIO_UNDEFINED,
  clusterSpan,
  planRowLabelCells,
  planTableColumns,
  type ImplementationPlanContent,
  type PlanCountField,
} from "@dtpilot/domain";
import ExcelJS from "exceljs";

/** What both plan documents are built from: one version of one county's plan. */
export interface PlanDocumentInput {
  countyName: string;
  /** "2025年度" */
  batchName: string | undefined;
  /** 2025, for the plan's title */
  batchYear: number | undefined;
  versionNumber: number;
  /** The version's state as the guide's users say it, e.g. "省工信厅已批准" (the i18n workflow labels, zh-CN). */
  stateLabel: string;
  content: ImplementationPlanContent;
  generatedAt: Date;
}

export const PLAN_DATA_TABLE_SHEET_NAME = PLAN_DATA_TABLE_TITLE;

/** "江阴市实施方案主要数据表（2025年度）.xlsx" */
export function planDataTableFileName(countyName: string, batchName: string | undefined): string {
  return `${countyName}${PLAN_DATA_TABLE_TITLE}${batchName ? `（${batchName}）` : ""}.xlsx`.replace(/\s+/g, "");
}

const CHINA_DATE = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric", month: "numeric", day: "numeric" });

/** "2025年10月1日", the date in China whatever the server's time zone. */
export function chinaDate(date: Date): string {
  const parts = CHINA_DATE.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("year")}年${part("month")}月${part("day")}日`;
}

/** "（第3版，省工信厅已批准）" */
export function planVersionNote(input: Pick<PlanDocumentInput, "versionNumber" | "stateLabel">): string {
  return `（第${input.versionNumber}版，${input.stateLabel}）`;
}

/** "江阴市　2025年度　（第3版，省工信厅已批准）　生成于2025年10月1日" */
export function planDataTableSubtitle(input: PlanDocumentInput): string {
  return [input.countyName, input.batchName, planVersionNote(input), `生成于${chinaDate(input.generatedAt)}`]
    .filter(Boolean)
    .join("　");
}

/** 工业总产值 as a number when it is a valid decimal; otherwise null (a draft may hold anything). */
export function decimalNumber(value: string | null): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  return PLAN_DECIMAL_PATTERN.test(trimmed) ? Number(trimmed) : null;
}

/** Block, group and label columns (A, B, C). */
const LABEL_COLUMNS = 3;
const LABEL_WIDTHS = [8, 11, 46];
const VALUE_WIDTH = 20;

/** The width of a label spanning the last `across` label columns. */
function labelWidth(across: number): number {
  return LABEL_WIDTHS.slice(LABEL_COLUMNS - across).reduce((sum, width) => sum + width, 0);
}

const THIN = { style: "thin" as const, color: { argb: "FF999999" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const LABEL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF5F5F5" } };

/** Rough number of lines `text` needs in a column `width` characters wide (a CJK character is two). */
function linesNeeded(text: string, width: number): number {
  const usable = Math.max(width - 1, 1);
  return text.split("\n").reduce((lines, line) => {
    const units = [...line].reduce((sum, char) => sum + (char.charCodeAt(0) > 0xff ? 2 : 1.1), 0);
    return lines + Math.max(1, Math.ceil(units / usable));
  }, 0);
}

/** Excel never fits a row to a merged cell's wrapped text, so the height is set from the widest need. */
function fitRowHeight(row: ExcelJS.Row, needs: readonly (readonly [text: string, width: number])[]) {
  const lines = Math.max(1, ...needs.map(([text, width]) => linesNeeded(text, width)));
  row.height = Math.max(20, lines * 14.5 + 6);
}

export async function buildPlanDataTableWorkbook(input: PlanDocumentInput): Promise<ExcelJS.Workbook> {
  const table = input.content.dataTable;
  const columns = planTableColumns(table);
  const firstValue = LABEL_COLUMNS + 1;
  const lastColumn = LABEL_COLUMNS + columns.length;
  const valuesWidth = VALUE_WIDTH * columns.length;
  const labelsWidth = LABEL_WIDTHS.reduce((sum, width) => sum + width, 0);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "dtpilot";
  workbook.created = input.generatedAt;
  workbook.title = `${input.countyName}${PLAN_DATA_TABLE_TITLE}`;
  // The cached results are right, but a recalculation on open keeps them right after the county edits a count.
  workbook.calcProperties.fullCalcOnLoad = true;

  const sheet = workbook.addWorksheet(PLAN_DATA_TABLE_SHEET_NAME, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesColumn: "A:C",
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = [...LABEL_WIDTHS, ...columns.map(() => VALUE_WIDTH)].map((width) => ({ width }));
  const letter = (column: number) => sheet.getColumn(column).letter;
  const valueRange = (row: number) => `${letter(firstValue)}${row}:${letter(lastColumn - 1)}${row}`;

  sheet.mergeCells(1, 1, 1, lastColumn);
  const title = sheet.getCell(1, 1);
  title.value = PLAN_DATA_TABLE_TITLE;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 30;

  sheet.mergeCells(2, 1, 2, lastColumn);
  const subtitle = sheet.getCell(2, 1);
  subtitle.value = planDataTableSubtitle(input);
  subtitle.font = { size: 10, color: { argb: "FF666666" } };
  subtitle.alignment = { horizontal: "center", vertical: "middle" };

  const firstRow = 3;
  /** Row numbers of the counts and of B, which formulas refer to. */
  const rowOf = new Map<PlanCountField | "plannedTotal", number>();
  let headingRow = firstRow;

  for (const [index, spec] of PLAN_TABLE_ROWS.entries()) {
    const rowNumber = firstRow + index;
    const row = sheet.getRow(rowNumber);
    const labelNeeds: (readonly [string, number])[] = [];

    // Labels: A block heading (merged down its block), B group or 占比, C label or formula text.
    for (const label of planRowLabelCells(index)) {
      const first = label.column === "block" ? 1 : label.column === "group" ? 2 : LABEL_COLUMNS - label.across + 1;
      if (label.across > 1) sheet.mergeCells(rowNumber, first, rowNumber, LABEL_COLUMNS);
      else if (label.down > 1) sheet.mergeCells(rowNumber, first, rowNumber + label.down - 1, first);
      const text = label.lines.join("\n");
      sheet.getCell(rowNumber, first).value = text;
      if (label.column === "label") labelNeeds.push([text, labelWidth(label.across)]);
    }

    // Values, one cell per column; the totals column is always the last.
    const valueNeeds: (readonly [string, number])[] = [];
    switch (spec.kind) {
      case "countyName": {
        sheet.mergeCells(rowNumber, firstValue, rowNumber, lastColumn);
        const county = table.countyName.trim() || input.countyName;
        sheet.getCell(rowNumber, firstValue).value = county;
        valueNeeds.push([county, valuesWidth]);
        break;
      }
      case "clusterName":
        columns.forEach((column, offset) => {
          if (column.clusterIndex === null) return;
          const span = clusterSpan(columns, offset);
          if (span === 0) return;
          if (span > 1) sheet.mergeCells(rowNumber, firstValue + offset, rowNumber, firstValue + offset + span - 1);
          sheet.getCell(rowNumber, firstValue + offset).value = column.clusterName;
          valueNeeds.push([column.clusterName, VALUE_WIDTH * span]);
        });
        break;
      case "subIndustryName":
        headingRow = rowNumber;
        columns.forEach((column, offset) => {
          const cell = sheet.getCell(rowNumber, firstValue + offset);
          cell.value = column.heading;
          if (column.clusterIndex === null) cell.font = { bold: true };
          valueNeeds.push([column.heading, VALUE_WIDTH]);
        });
        break;
      case "industrialChain1650":
        columns.forEach((column, offset) => {
          if (column.clusterIndex === null) return;
          sheet.getCell(rowNumber, firstValue + offset).value = column.industrialChain1650;
          valueNeeds.push([column.industrialChain1650, VALUE_WIDTH]);
        });
        break;
      case "industrialOutputValue":
        columns.forEach((column, offset) => {
          const cell = sheet.getCell(rowNumber, firstValue + offset);
          const value = decimalNumber(column.industrialOutputValue);
          cell.numFmt = "0.0000";
          if (column.clusterIndex !== null) {
            // A draft's malformed value is shown as typed rather than dropped.
            cell.value = value ?? column.industrialOutputValue;
          } else {
            // A partial SUM over a malformed value would look like a real total.
            cell.value = value === null ? RATIO_UNDEFINED : { formula: `SUM(${valueRange(rowNumber)})`, result: value };
          }
        });
        break;
      case "count":
        rowOf.set(spec.field, rowNumber);
        columns.forEach((column, offset) => {
          const cell = sheet.getCell(rowNumber, firstValue + offset);
          const value = column.counts[spec.field];
          cell.value = column.clusterIndex === null ? { formula: `SUM(${valueRange(rowNumber)})`, result: value } : value;
          cell.numFmt = "0";
        });
        break;
      case "plannedTotal":
        rowOf.set("plannedTotal", rowNumber);
        columns.forEach((column, offset) => {
          const cell = sheet.getCell(rowNumber, firstValue + offset);
          const col = letter(firstValue + offset);
          // exceljs writes the formula as given: no leading "=", or Excel reports the file as damaged.
          const formula =
            column.clusterIndex === null
              ? `SUM(${valueRange(rowNumber)})`
              : `${col}${rowOf.get("plannedAboveScale")}+${col}${rowOf.get("plannedBelowScale")}`;
          cell.value = { formula, result: column.computed.plannedTotal };
          cell.numFmt = "0";
        });
        break;
      case "share":
        columns.forEach((column, offset) => {
          const cell = sheet.getCell(rowNumber, firstValue + offset);
          const col = letter(firstValue + offset);
          const numerator = `${col}${rowOf.get(spec.numerator)}`;
          const denominator = `${col}${rowOf.get(spec.denominator)}`;
          cell.value = {
            formula: `IF(${denominator}=0,"${RATIO_UNDEFINED}",${numerator}/${denominator})`,
            result: column.computed[spec.share].value ?? RATIO_UNDEFINED,
          };
          cell.numFmt = "0.0%";
        });
        break;
    }
    fitRowHeight(row, [...labelNeeds, ...valueNeeds]);
  }

  const textFirstRow = firstRow + PLAN_TABLE_ROWS.length;
  for (const [index, { field, label }] of PLAN_TABLE_TEXT_ROWS.entries()) {
    const rowNumber = textFirstRow + index;
    sheet.mergeCells(rowNumber, 1, rowNumber, LABEL_COLUMNS);
    sheet.getCell(rowNumber, 1).value = label;
    sheet.mergeCells(rowNumber, firstValue, rowNumber, lastColumn);
    const text = table[field];
    sheet.getCell(rowNumber, firstValue).value = text;
    fitRowHeight(sheet.getRow(rowNumber), [
      [label, labelsWidth],
      [text, valuesWidth],
    ]);
  }
  const lastRow = textFirstRow + PLAN_TABLE_TEXT_ROWS.length - 1;

  // Styles cell by cell: a merged range shows the borders of its own cells, so every covered cell gets one too.
  const textRows = new Set(PLAN_TABLE_TEXT_ROWS.map((_, index) => textFirstRow + index));
  for (let rowNumber = firstRow; rowNumber <= lastRow; rowNumber += 1) {
    for (let column = 1; column <= lastColumn; column += 1) {
      const cell = sheet.getCell(rowNumber, column);
      cell.border = BORDER;
      if (column <= LABEL_COLUMNS) {
        cell.fill = LABEL_FILL;
        cell.alignment = { vertical: "middle", horizontal: column === 1 || column === 2 ? "center" : "left", wrapText: true };
      } else {
        cell.alignment = textRows.has(rowNumber)
          ? { vertical: "top", horizontal: "left", wrapText: true }
          : { vertical: "middle", horizontal: "center", wrapText: true };
      }
    }
  }
  // Labels spanning A:C or B:C read from the left, like the template.
  for (const index of PLAN_TABLE_ROWS.keys()) {
    const label = planRowLabelCells(index).find((cell) => cell.column === "label" && cell.across > 1);
    if (label) sheet.getCell(firstRow + index, LABEL_COLUMNS - label.across + 1).alignment = { vertical: "middle", horizontal: "left", wrapText: true };
  }
  for (const rowNumber of textRows) sheet.getCell(rowNumber, 1).alignment = { vertical: "middle", horizontal: "left", wrapText: true };

  sheet.views = [{ state: "frozen", xSplit: LABEL_COLUMNS, ySplit: headingRow, topLeftCell: `${letter(firstValue)}${headingRow + 1}` }];
  sheet.pageSetup.printTitlesRow = `1:${headingRow}`;
  return workbook;
}

import { makeCreditCode, ROSTER_IMPORT_MAX_CELL_CHARS, validateRosterImport, type RawRosterRow } from "@dtpilot/domain";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { incompressibleText } from "../../testing/xlsx-bombs";
import { ROSTER_SHEET_NAME, workbookBytes } from "./roster-document";
import {
  buildRosterImportTemplate,
  readRosterImport,
  ROSTER_INSTRUCTIONS_SHEET_NAME,
  ROSTER_OPTIONS_SHEET_NAME,
  rosterTemplateFileName,
} from "./roster-import-workbook";

const SUB_INDUSTRIES = ["高端装备—数控机床", "高端装备—工程机械", "新材料—特种钢"];
const code = (n: number) => makeCreditCode(`91320281${String(n).padStart(9, "0")}`);
const context = { subIndustries: SUB_INDUSTRIES, enrolledCreditCodes: new Set<string>() };

async function reopen(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load((await workbookBytes(workbook)).buffer);
  return reread;
}

async function template(subIndustries: readonly string[] = SUB_INDUSTRIES): Promise<ExcelJS.Workbook> {
  return reopen(await buildRosterImportTemplate({ countyName: "江阴市", batchName: "2025年度", subIndustries }));
}

const rowValues = (sheet: ExcelJS.Worksheet, rowNumber: number) => (sheet.getRow(rowNumber).values as unknown[]).slice(1);
const richTextOf = (value: ExcelJS.CellValue) => (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("");
const cellsOf = (rows: RawRosterRow[]) => rows.map((row) => ({ rowNumber: row.rowNumber, ...row.cells }));

describe("roster import template", () => {
  it("is named after the county and the batch", () => {
    expect(rosterTemplateFileName("江阴市", "2025年度")).toBe("江阴市试点企业名单导入模板（2025年度）.xlsx");
    expect(rosterTemplateFileName("江阴市", undefined)).toBe("江阴市试点企业名单导入模板.xlsx");
  });

  it("has a title, the header with required columns starred, and two grey example rows", async () => {
    const sheet = (await template()).getWorksheet(ROSTER_SHEET_NAME)!;
    expect(sheet.getCell("A1").value).toBe("江阴市 试点企业名单（2025年度）");
    expect(sheet.getCell("A1").isMerged).toBe(true);
    expect(rowValues(sheet, 2).map((value) => (typeof value === "string" ? value : richTextOf(value as ExcelJS.CellValue)))).toEqual([
      "序号",
      "*企业名称",
      "*企业信用代码",
      "*所属细分行业",
      "*企业规模（规上/规下）",
      "*是否为专精特新中小企业（是/否）",
      "*上年度主营业务收入（万元）",
      "联系人",
      "联系方式",
    ]);
    const star = (sheet.getCell("B2").value as ExcelJS.CellRichTextValue).richText[0]!;
    expect(star).toMatchObject({ text: "*", font: { color: { argb: "FFFF0000" } } });
    expect(rowValues(sheet, 3).slice(0, 7)).toEqual(["示例", "江苏某某精密机械有限公司", "91320281MA1Q2X3Y49", "高端装备—数控机床", "规上", "是", 12345.67]);
    expect(rowValues(sheet, 4)[3]).toBe("高端装备—工程机械");
    expect(sheet.getCell("B3").font).toMatchObject({ italic: true, color: { argb: "FF808080" } });
    expect(sheet.getCell("C5").numFmt).toBe("@");
    expect(sheet.getCell("G5").numFmt).toBe("#,##0.00##");
  });

  it("offers dropdowns for 所属细分行业 from a hidden options sheet, 规上/规下 and 是/否, down to the import limit", async () => {
    const workbook = await template();
    const sheet = workbook.getWorksheet(ROSTER_SHEET_NAME)!;
    const options = workbook.getWorksheet(ROSTER_OPTIONS_SHEET_NAME)!;
    expect(options.state).toBe("hidden");
    expect([1, 2, 3].map((row) => options.getCell(row, 1).value)).toEqual(SUB_INDUSTRIES);
    for (const address of ["D3", "D5", "D2004"]) {
      expect(sheet.getCell(address).dataValidation).toMatchObject({ type: "list", formulae: ["'选项'!$A$1:$A$3"], showErrorMessage: true });
    }
    expect(sheet.getCell("D2005").dataValidation).toBeUndefined();
    expect(sheet.getCell("E100").dataValidation).toMatchObject({ type: "list", formulae: ['"规上,规下"'] });
    expect(sheet.getCell("F100").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(sheet.getCell("C100").dataValidation).toMatchObject({ type: "textLength", operator: "equal", formulae: [18] });
    expect(sheet.getCell("G100").dataValidation).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0] });
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([ROSTER_SHEET_NAME, ROSTER_INSTRUCTIONS_SHEET_NAME, ROSTER_OPTIONS_SHEET_NAME]);
  });

  it("keeps a long list of sub-industries on the options sheet rather than inline", async () => {
    const many = Array.from({ length: 30 }, (_, i) => `特色产业集群${i}—细分行业名称${i}`);
    const workbook = await template(many);
    expect(workbook.getWorksheet(ROSTER_SHEET_NAME)!.getCell("D10").dataValidation.formulae).toEqual(["'选项'!$A$1:$A$30"]);
    expect(workbook.getWorksheet(ROSTER_OPTIONS_SHEET_NAME)!.getCell("A30").value).toBe(many[29]);
  });

  it("leaves 所属细分行业 without a dropdown when the plan has no sub-industry yet", async () => {
    const sheet = (await template([])).getWorksheet(ROSTER_SHEET_NAME)!;
    expect(sheet.getCell("D5").dataValidation).toBeUndefined();
    expect(sheet.getCell("D3").value).toBe("高端装备—数控机床");
  });

  it("explains the rules in Chinese on a second sheet", async () => {
    const guide = (await template()).getWorksheet(ROSTER_INSTRUCTIONS_SHEET_NAME)!;
    const text = guide.getColumn(1).values.join("\n");
    expect(text).toContain("18 位统一社会信用代码");
    expect(text).toContain("高端装备—数控机床、高端装备—工程机械、新材料—特种钢");
    expect(text).toContain("整份文件都不导入");
  });
});

describe("readRosterImport", () => {
  async function filledTemplate(): Promise<Uint8Array> {
    const workbook = await template();
    const sheet = workbook.getWorksheet(ROSTER_SHEET_NAME)!;
    sheet.getRow(5).values = [1, "江阴甲机械有限公司", code(1), "高端装备—数控机床", "规上", "是", 1234.5, "张三", "13800000000"];
    // A code typed into a number cell: Excel kept 15 digits.
    sheet.getRow(6).values = [2, "乙公司", 913202810000000000, "高端装备—工程机械", "规下", "否", 0.1 + 0.2];
    sheet.getRow(7).values = [
      3,
      { richText: [{ text: "江阴" }, { text: "丙科技有限公司", font: { bold: true } }] },
      code(3).toLowerCase(),
      "新材料-特种钢",
      "规模以下",
      "Y",
      { formula: "1000+234.5", result: 1234.5 },
    ];
    sheet.getRow(8).values = [4];
    sheet.getRow(9).values = [5, "丁公司", code(5), "高端装备—数控机床", "规上企业", "N", "1,000"];
    return workbookBytes(workbook);
  }

  it("reads a filled template's rows as text with the sheet's row numbers, skipping the examples and empty rows", async () => {
    const read = await readRosterImport(await filledTemplate());
    if (!("rows" in read)) throw new Error(read.error);
    expect(cellsOf(read.rows)).toEqual([
      {
        rowNumber: 5,
        serial: "1",
        name: "江阴甲机械有限公司",
        creditCode: code(1),
        subIndustry: "高端装备—数控机床",
        scale: "规上",
        specialised: "是",
        lastYearRevenue: "1234.5",
        contactName: "张三",
        contactPhone: "13800000000",
      },
      {
        rowNumber: 6,
        serial: "2",
        name: "乙公司",
        creditCode: "913202810000000000",
        subIndustry: "高端装备—工程机械",
        scale: "规下",
        specialised: "否",
        lastYearRevenue: "0.3",
        contactName: "",
        contactPhone: "",
      },
      {
        rowNumber: 7,
        serial: "3",
        name: "江阴丙科技有限公司",
        creditCode: code(3).toLowerCase(),
        subIndustry: "新材料-特种钢",
        scale: "规模以下",
        specialised: "Y",
        lastYearRevenue: "1234.5",
        contactName: "",
        contactPhone: "",
      },
      {
        rowNumber: 9,
        serial: "5",
        name: "丁公司",
        creditCode: code(5),
        subIndustry: "高端装备—数控机床",
        scale: "规上企业",
        specialised: "N",
        lastYearRevenue: "1,000",
        contactName: "",
        contactPhone: "",
      },
    ]);
    expect(read.rows[1]?.numericColumns).toEqual(["serial", "creditCode", "lastYearRevenue"]);
    expect(read.rows[3]?.numericColumns).toEqual(["serial"]);
  });

  it("feeds the validation, which refuses the whole file for the numeric credit code and imports it once that is fixed", async () => {
    const read = await readRosterImport(await filledTemplate());
    if (!("rows" in read)) throw new Error(read.error);
    const refused = validateRosterImport(read.rows, context);
    expect(refused.entries).toEqual([]);
    expect(refused.errors).toEqual([{ rowNumber: 6, column: "creditCode", key: "roster.creditCode.number", params: {} }]);

    const fixed = read.rows.map((row) => (row.rowNumber === 6 ? { rowNumber: 6, cells: { ...row.cells, creditCode: code(2) } } : row));
    const imported = validateRosterImport(fixed, context);
    expect(imported.errors).toEqual([]);
    expect(imported.entries).toEqual([
      {
        name: "江阴甲机械有限公司",
        creditCode: code(1),
        subIndustry: "高端装备—数控机床",
        scale: "ABOVE",
        specialised: true,
        lastYearRevenue: "1234.5",
        contactName: "张三",
        contactPhone: "13800000000",
      },
      { name: "乙公司", creditCode: code(2), subIndustry: "高端装备—工程机械", scale: "BELOW", specialised: false, lastYearRevenue: "0.3" },
      { name: "江阴丙科技有限公司", creditCode: code(3), subIndustry: "新材料—特种钢", scale: "BELOW", specialised: true, lastYearRevenue: "1234.5" },
      { name: "丁公司", creditCode: code(5), subIndustry: "高端装备—数控机床", scale: "ABOVE", specialised: false, lastYearRevenue: "1000" },
    ]);
  });

  it("maps columns by header label, tolerating a missing title row, moved columns, spaces, asterisks and half-width brackets", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sheet1");
    sheet.addRow(["上年度主营业务收入(万元)", " 企业 名称 ", "＊企业信用代码", "所属细分行业*", "企业规模", "是否为专精特新中小企业(是/否)"]);
    sheet.addRow([88, "戊公司", code(8), "新材料—特种钢", "规上", "否"]);
    sheet.addRow([]);
    sheet.addRow([99, "己公司", code(9), "新材料—特种钢", "规下", "是"]);
    // A cell merged down several rows reads the same in each.
    sheet.mergeCells("D4:D5");
    sheet.getCell("B5").value = "庚公司";
    const read = await readRosterImport(await workbookBytes(workbook));
    if (!("rows" in read)) throw new Error(read.error);
    expect(read.rows.map((row) => [row.rowNumber, row.cells.name, row.cells.lastYearRevenue, row.cells.subIndustry, row.cells.serial, row.cells.contactName])).toEqual([
      [2, "戊公司", "88", "新材料—特种钢", "", ""],
      [4, "己公司", "99", "新材料—特种钢", "", ""],
      [5, "庚公司", "", "新材料—特种钢", "", ""],
    ]);
  });

  it("prefers the roster sheet and finds the header below a few lines of notes", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("说明").addRow(["企业名称", "企业信用代码"]);
    const sheet = workbook.addWorksheet(ROSTER_SHEET_NAME);
    sheet.addRow(["江阴市试点企业名单"]);
    sheet.addRow(["填表人：王五"]);
    sheet.addRow(["序号", "企业名称", "企业信用代码", "所属细分行业", "企业规模（规上/规下）", "是否为专精特新中小企业（是/否）", "上年度主营业务收入（万元）"]);
    sheet.addRow([1, "辛公司", code(11), SUB_INDUSTRIES[0], "规上", "是", 10]);
    const read = await readRosterImport(await workbookBytes(workbook));
    expect(read).toMatchObject({ rows: [{ rowNumber: 4, cells: { name: "辛公司", serial: "1" } }] });
  });

  it("reads a cell of 300,000 characters as its first 1,000, which the validation still reports as too long", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(ROSTER_SHEET_NAME);
    sheet.addRow(["序号", "企业名称", "企业信用代码", "所属细分行业", "企业规模（规上/规下）", "是否为专精特新中小企业（是/否）", "上年度主营业务收入（万元）"]);
    // Text that hardly compresses: a repetitive one is refused before reading (xlsx-gate.test.ts).
    sheet.addRow([1, incompressibleText(300_000, 1), code(12), SUB_INDUSTRIES[0], incompressibleText(300_000, 2), "是", 10]);
    const read = await readRosterImport(await workbookBytes(workbook));
    if (!("rows" in read)) throw new Error(read.error);
    expect(read.rows[0]!.cells.name).toHaveLength(ROSTER_IMPORT_MAX_CELL_CHARS);
    expect(read.rows[0]!.cells.scale).toHaveLength(ROSTER_IMPORT_MAX_CELL_CHARS);
    const errors = validateRosterImport(read.rows, context).errors;
    expect(errors.map((error) => [error.column, error.key])).toEqual([
      ["name", "roster.tooLong"],
      ["scale", "roster.scale.invalid"],
    ]);
  });

  it("refuses a file that is not XLSX", async () => {
    expect(await readRosterImport(new TextEncoder().encode("企业名称,企业信用代码\n甲,123"))).toEqual({ error: "roster.import.unreadable" });
    expect(await readRosterImport(new Uint8Array())).toEqual({ error: "roster.import.unreadable" });
    const zip = new JSZip();
    zip.file("readme.txt", "not a workbook");
    const notWorkbook = await zip.generateAsync({ type: "uint8array" });
    expect(await readRosterImport(notWorkbook)).toEqual({ error: "roster.import.unreadable" });
    expect(await readRosterImport(await workbookBytes(new ExcelJS.Workbook()))).toEqual({ error: "roster.import.unreadable" });
    const truncated = (await workbookBytes(await buildRosterImportTemplate({ countyName: "江阴市", batchName: undefined, subIndustries: [] }))).slice(0, 2000);
    expect(await readRosterImport(truncated)).toEqual({ error: "roster.import.unreadable" });
  });

  it("refuses a workbook without the template's required headers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(ROSTER_SHEET_NAME);
    sheet.addRow(["序号", "企业名称", "企业信用代码", "所属细分行业"]);
    sheet.addRow([1, "甲公司", code(1), SUB_INDUSTRIES[0]]);
    expect(await readRosterImport(await workbookBytes(workbook))).toEqual({ error: "roster.import.wrongTemplate" });
    workbook.addWorksheet("其他").addRow(["企业", "代码"]);
    expect(await readRosterImport(await workbookBytes(workbook))).toEqual({ error: "roster.import.wrongTemplate" });
  });

  it("round-trips an untouched template to no rows", async () => {
    const read = await readRosterImport(await workbookBytes(await template()));
    expect(read).toEqual({ rows: [] });
    if ("rows" in read) expect(validateRosterImport(read.rows, context).errors[0]?.key).toBe("roster.import.empty");
  });
});

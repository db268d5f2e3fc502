import { describe, expect, it } from "vitest";
import { makeCreditCode } from "../credit-code";
import { emptyPlanSubIndustry, type PlanDataTable } from "../plan/plan-data-table";
import { ROSTER_COLUMN_KEYS, type RosterColumnKey, type PilotEnterpriseInput } from "./pilot-enterprise";
import {
  parseEnterpriseScale,
  parseRevenue,
  parseYesNo,
  planTargetsVersusRoster,
  quoteCellText,
  ROSTER_IMPORT_MAX_ERRORS,
  ROSTER_IMPORT_MAX_ROWS,
  ROSTER_IMPORT_QUOTE_CHARS,
  rosterCategoryCounts,
  validateRosterImport,
  type RawRosterRow,
  type RosterImportContext,
} from "./roster-import";

const SUB_INDUSTRIES = ["高端装备—数控机床", "高端装备—工程机械", "新材料—特种钢"];
const context: RosterImportContext = { subIndustries: SUB_INDUSTRIES, enrolledCreditCodes: new Set() };

/** A valid, distinct credit code per number. */
const code = (n: number) => makeCreditCode(`91320281${String(n).padStart(9, "0")}`);

function row(rowNumber: number, cells: Partial<Record<RosterColumnKey, string>> = {}): RawRosterRow {
  const blank = Object.fromEntries(ROSTER_COLUMN_KEYS.map((key) => [key, ""])) as Record<RosterColumnKey, string>;
  return {
    rowNumber,
    cells: {
      ...blank,
      serial: String(rowNumber - 2),
      name: `企业${rowNumber}`,
      creditCode: code(rowNumber),
      subIndustry: SUB_INDUSTRIES[0]!,
      scale: "规上",
      specialised: "否",
      lastYearRevenue: "100",
      ...cells,
    },
  };
}

const errorsOf = (rows: RawRosterRow[], ctx: RosterImportContext = context) =>
  validateRosterImport(rows, ctx).errors.map(({ rowNumber, column, key, params }) => ({ rowNumber, column, key, params }));

describe("validateRosterImport", () => {
  it("turns clean rows into entries, trimming text and normalising the credit code", () => {
    const result = validateRosterImport(
      [
        row(3, { name: " 甲公司 ", creditCode: ` ${code(1).toLowerCase()} `, contactName: "张三", contactPhone: " 13800000000 " }),
        row(4, { name: "乙公司", scale: "规模以下", specialised: "是", subIndustry: SUB_INDUSTRIES[2]!, lastYearRevenue: "0" }),
      ],
      context,
    );
    expect(result.errors).toEqual([]);
    expect(result.entries).toEqual<PilotEnterpriseInput[]>([
      {
        name: "甲公司",
        creditCode: code(1),
        subIndustry: "高端装备—数控机床",
        scale: "ABOVE",
        specialised: false,
        lastYearRevenue: "100",
        contactName: "张三",
        contactPhone: "13800000000",
      },
      { name: "乙公司", creditCode: code(4), subIndustry: "新材料—特种钢", scale: "BELOW", specialised: true, lastYearRevenue: "0" },
    ]);
  });

  it("imports nothing from a half-valid file and reports every error by row and column", () => {
    const result = validateRosterImport(
      [row(3), row(4, { name: "", lastYearRevenue: "abc" }), row(5), row(6, { scale: "大型" })],
      context,
    );
    expect(result.entries).toEqual([]);
    expect(result.errors.map(({ rowNumber, column, key }) => [rowNumber, column, key])).toEqual([
      [4, "name", "roster.required"],
      [4, "lastYearRevenue", "roster.revenue.notNumber"],
      [6, "scale", "roster.scale.invalid"],
    ]);
  });

  it("requires every required column and leaves 联系人 and 联系方式 optional", () => {
    const errors = errorsOf([
      row(3, { name: "", creditCode: " ", subIndustry: "", scale: "", specialised: "", lastYearRevenue: "", contactName: "x" }),
    ]);
    expect(errors.map((error) => error.column)).toEqual(["name", "creditCode", "subIndustry", "scale", "specialised", "lastYearRevenue"]);
    expect(new Set(errors.map((error) => error.key))).toEqual(new Set(["roster.required"]));
  });

  it("tells a credit code of the wrong length, with a bad character and with a wrong check character apart", () => {
    const wrongCheck = code(1).slice(0, 17) + (code(1).endsWith("0") ? "1" : "0");
    expect(
      errorsOf([row(3, { creditCode: "9132028100000000" }), row(4, { creditCode: "91320281MA1Q2X3YI9" }), row(5, { creditCode: wrongCheck })]),
    ).toEqual([
      { rowNumber: 3, column: "creditCode", key: "roster.creditCode.length", params: { length: 16 } },
      { rowNumber: 4, column: "creditCode", key: "roster.creditCode.charset", params: {} },
      { rowNumber: 5, column: "creditCode", key: "roster.creditCode.checkDigit", params: {} },
    ]);
  });

  it("accepts a credit code typed in full-width characters", () => {
    const fullWidth = [...code(7)].map((char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0)).join("");
    expect(validateRosterImport([row(3, { creditCode: `　${fullWidth}　` })], context).entries[0]?.creditCode).toBe(code(7));
  });

  it("refuses a credit code that Excel stored as a number, since its last digits are lost", () => {
    expect(errorsOf([{ ...row(3, { creditCode: "913202810000000000" }), numericColumns: ["creditCode"] }])).toEqual([
      { rowNumber: 3, column: "creditCode", key: "roster.creditCode.number", params: {} },
    ]);
  });

  it("reports a credit code repeated in the file on every later occurrence, naming the first row", () => {
    const repeated = code(1).toLowerCase();
    expect(errorsOf([row(3, { creditCode: code(1) }), row(4), row(5, { creditCode: repeated }), row(9, { creditCode: code(1) })])).toEqual([
      { rowNumber: 5, column: "creditCode", key: "roster.creditCode.duplicate", params: { firstRow: 3 } },
      { rowNumber: 9, column: "creditCode", key: "roster.creditCode.duplicate", params: { firstRow: 3 } },
    ]);
  });

  it("reports a credit code already on the roster for the batch on every row that has it", () => {
    const enrolled: RosterImportContext = { ...context, enrolledCreditCodes: new Set([code(3)]) };
    expect(errorsOf([row(3), row(4), row(5, { creditCode: code(3) })], enrolled)).toEqual([
      { rowNumber: 3, column: "creditCode", key: "roster.creditCode.enrolled", params: {} },
      { rowNumber: 5, column: "creditCode", key: "roster.creditCode.enrolled", params: {} },
    ]);
  });

  it("refuses a sub-industry the plan does not list and names the allowed ones", () => {
    expect(errorsOf([row(3, { subIndustry: "纺织服装—化纤" })])).toEqual([
      {
        rowNumber: 3,
        column: "subIndustry",
        key: "roster.subIndustry.unknown",
        params: { value: "纺织服装—化纤", allowed: "高端装备—数控机床、高端装备—工程机械、新材料—特种钢" },
      },
    ]);
    expect(errorsOf([row(3)], { ...context, subIndustries: [] })[0]?.key).toBe("roster.subIndustry.noneInPlan");
  });

  it("matches a sub-industry written with another dash or with spaces to the plan's own name", () => {
    const result = validateRosterImport(
      [row(3, { subIndustry: "高端装备-工程机械" }), row(4, { subIndustry: " 新材料 —— 特种钢" }), row(5, { subIndustry: "高端装备－数控机床" })],
      context,
    );
    expect(result.entries.map((entry) => entry.subIndustry)).toEqual(["高端装备—工程机械", "新材料—特种钢", "高端装备—数控机床"]);
  });

  it("reads 规上 and 规下 in their usual spellings", () => {
    for (const word of ["规上", "规模以上", "规上企业", " 规模以上企业 "]) expect(parseEnterpriseScale(word)).toBe("ABOVE");
    for (const word of ["规下", "规模以下", "规下企业"]) expect(parseEnterpriseScale(word)).toBe("BELOW");
    for (const word of ["中型", "上", "ABOVE", ""]) expect(parseEnterpriseScale(word)).toBeNull();
  });

  it("reads 是 and 否 as words, letters and check marks in any case", () => {
    for (const word of ["是", "Y", "y", "YES", "Yes", "√", "✓", " 是 ", "ｙｅｓ"]) expect(parseYesNo(word)).toBe(true);
    for (const word of ["否", "N", "no", "NO"]) expect(parseYesNo(word)).toBe(false);
    for (const word of ["不是", "1", "true", ""]) expect(parseYesNo(word)).toBeNull();
    expect(errorsOf([row(3, { specialised: "可能" })])).toEqual([
      { rowNumber: 3, column: "specialised", key: "roster.specialised.invalid", params: { value: "可能" } },
    ]);
  });

  it("normalises amounts with thousands separators, full-width digits and redundant zeros", () => {
    expect(parseRevenue("1,234.5")).toEqual({ ok: true, value: "1234.5" });
    expect(parseRevenue("１２３４．５")).toEqual({ ok: true, value: "1234.5" });
    expect(parseRevenue("１，２３４，５６７")).toEqual({ ok: true, value: "1234567" });
    expect(parseRevenue(" 0012.3400 ")).toEqual({ ok: true, value: "12.34" });
    expect(parseRevenue("0.0001")).toEqual({ ok: true, value: "0.0001" });
    expect(parseRevenue("5.")).toEqual({ ok: true, value: "5" });
    expect(parseRevenue(".5")).toEqual({ ok: true, value: "0.5" });
    expect(parseRevenue("+8")).toEqual({ ok: true, value: "8" });
    expect(parseRevenue("-0")).toEqual({ ok: true, value: "0" });
  });

  it("refuses amounts that are negative, too precise or not numbers", () => {
    expect(parseRevenue("-1")).toEqual({ ok: false, key: "roster.revenue.negative" });
    expect(parseRevenue("1.23456")).toEqual({ ok: false, key: "roster.revenue.tooPrecise" });
    expect(parseRevenue("1.23450")).toEqual({ ok: true, value: "1.2345" });
    for (const text of ["12,34", "1,2345.6", "1e5", "一百", "12万", "1.2.3", "", "."]) {
      expect(parseRevenue(text)).toEqual({ ok: false, key: "roster.revenue.notNumber" });
    }
    expect(errorsOf([row(3, { lastYearRevenue: "-5" }), row(4, { lastYearRevenue: "3.14159" })])).toEqual([
      { rowNumber: 3, column: "lastYearRevenue", key: "roster.revenue.negative", params: {} },
      { rowNumber: 4, column: "lastYearRevenue", key: "roster.revenue.tooPrecise", params: { places: 4 } },
    ]);
  });

  it("refuses an over-long name or contact", () => {
    expect(errorsOf([row(3, { name: "企".repeat(101), contactPhone: "1".repeat(51) })])).toEqual([
      { rowNumber: 3, column: "name", key: "roster.tooLong", params: { maximum: 100 } },
      { rowNumber: 3, column: "contactPhone", key: "roster.tooLong", params: { maximum: 50 } },
    ]);
  });

  it("skips fully empty rows, also those with only a 序号, and keeps the sheet's row numbers", () => {
    const blank = row(4, { name: " ", creditCode: "", subIndustry: "", scale: "", specialised: "", lastYearRevenue: "" });
    const result = validateRosterImport([row(3), blank, row(5, { scale: "规下企业" }), row(6, { scale: "x" })], context);
    expect(result.errors).toEqual([{ rowNumber: 6, column: "scale", key: "roster.scale.invalid", params: { value: "x" } }]);
  });

  it("reports a file without enterprises", () => {
    expect(errorsOf([])).toEqual([{ rowNumber: null, column: null, key: "roster.import.empty", params: {} }]);
  });

  it(`refuses more than ${ROSTER_IMPORT_MAX_ROWS} rows with one error`, () => {
    const rows = Array.from({ length: ROSTER_IMPORT_MAX_ROWS + 1 }, (_, i) => row(i + 3, { name: "" }));
    expect(errorsOf(rows)).toEqual([
      { rowNumber: null, column: null, key: "roster.import.tooManyRows", params: { maximum: ROSTER_IMPORT_MAX_ROWS } },
    ]);
    expect(validateRosterImport(rows.slice(0, ROSTER_IMPORT_MAX_ROWS), context).errors[0]?.key).toBe("roster.required");
  });

  it("refuses cells holding characters XML cannot hold, like any API input, naming row and column", () => {
    expect(errorsOf([row(3, { name: "企业\u0000甲" }), row(4, { contactName: "张\uFFFE三" }), row(5)])).toEqual([
      { rowNumber: 3, column: "name", key: "roster.illegalCharacter", params: {} },
      { rowNumber: 4, column: "contactName", key: "roster.illegalCharacter", params: {} },
    ]);
  });

  it("quotes at most 40 characters of a bad cell, however long the cell", () => {
    const long = "规".repeat(1_000);
    const errors = errorsOf([row(3, { subIndustry: long, scale: long, specialised: long, lastYearRevenue: long })]);
    expect(errors.map((error) => [error.column, error.params.value])).toEqual([
      ["subIndustry", `${"规".repeat(ROSTER_IMPORT_QUOTE_CHARS)}…`],
      ["scale", `${"规".repeat(ROSTER_IMPORT_QUOTE_CHARS)}…`],
      ["specialised", `${"规".repeat(ROSTER_IMPORT_QUOTE_CHARS)}…`],
      ["lastYearRevenue", `${"规".repeat(ROSTER_IMPORT_QUOTE_CHARS)}…`],
    ]);
    expect(quoteCellText("规模很大")).toBe("规模很大");
    expect(quoteCellText("x".repeat(ROSTER_IMPORT_QUOTE_CHARS))).toBe("x".repeat(ROSTER_IMPORT_QUOTE_CHARS));
    // Characters, not UTF-16 units: a character outside the BMP is never cut in half.
    expect(quoteCellText("𠀀".repeat(100))).toBe(`${"𠀀".repeat(ROSTER_IMPORT_QUOTE_CHARS)}…`);
  });

  it(`returns the first ${ROSTER_IMPORT_MAX_ERRORS} errors in row order with the count of all`, () => {
    const rows = Array.from({ length: ROSTER_IMPORT_MAX_ROWS }, (_, index) => row(index + 3, { scale: "x", specialised: "x" }));
    const result = validateRosterImport(rows, context);
    expect(result.entries).toEqual([]);
    expect(result.errors).toHaveLength(ROSTER_IMPORT_MAX_ERRORS);
    expect(result.errorCount).toBe(2 * ROSTER_IMPORT_MAX_ROWS);
    expect(result.errors.at(-1)).toMatchObject({ rowNumber: 3 + ROSTER_IMPORT_MAX_ERRORS / 2 - 1, column: "specialised" });
    expect(validateRosterImport([row(3)], context)).toMatchObject({ errors: [], errorCount: 0 });
  });

  it("validates an import of 300 rows", () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      row(i + 3, {
        subIndustry: SUB_INDUSTRIES[i % 3]!,
        scale: i % 2 ? "规下" : "规上",
        specialised: i % 5 ? "否" : "是",
        lastYearRevenue: `${i},000.5`,
      }),
    );
    const result = validateRosterImport(rows, context);
    expect(result.errors).toEqual([]);
    expect(result.entries).toHaveLength(300);
    expect(result.entries[299]?.lastYearRevenue).toBe("299000.5");
    expect(new Set(result.entries.map((entry) => entry.creditCode)).size).toBe(300);
  });
});

const entry = (subIndustry: string, scale: "ABOVE" | "BELOW", specialised: boolean) => ({ subIndustry, scale, specialised });

describe("rosterCategoryCounts", () => {
  it("counts by sub-industry, scale and 专精特新, and in total", () => {
    const counts = rosterCategoryCounts([
      entry("A—a", "ABOVE", true),
      entry("A—a", "ABOVE", true),
      entry("A—a", "BELOW", false),
      entry("B—b", "ABOVE", false),
      entry("B—b", "BELOW", true),
    ]);
    expect(counts.categories).toEqual([
      { subIndustry: "A—a", scale: "ABOVE", specialised: true, count: 2 },
      { subIndustry: "A—a", scale: "BELOW", specialised: false, count: 1 },
      { subIndustry: "B—b", scale: "ABOVE", specialised: false, count: 1 },
      { subIndustry: "B—b", scale: "BELOW", specialised: true, count: 1 },
    ]);
    expect(counts.subIndustries).toEqual([
      { subIndustry: "A—a", aboveScale: 2, belowScale: 1, specialised: 2, total: 3 },
      { subIndustry: "B—b", aboveScale: 1, belowScale: 1, specialised: 1, total: 2 },
    ]);
    expect(counts.totals).toEqual({ aboveScale: 3, belowScale: 2, specialised: 3, total: 5 });
  });

  it("counts nothing for an empty roster", () => {
    expect(rosterCategoryCounts([])).toEqual({
      categories: [],
      subIndustries: [],
      totals: { aboveScale: 0, belowScale: 0, specialised: 0, total: 0 },
    });
  });
});

describe("planTargetsVersusRoster", () => {
  const subIndustry = (name: string, plannedAboveScale: number, plannedBelowScale: number, plannedSpecialised: number) => {
    const row = emptyPlanSubIndustry(name);
    return { ...row, targets: { ...row.targets, plannedAboveScale, plannedBelowScale, plannedSpecialised } };
  };
  const table: Pick<PlanDataTable, "clusters"> = {
    clusters: [
      { name: "高端装备", subIndustries: [subIndustry("数控机床", 40, 30, 10), subIndustry("工程机械", 20, 10, 5)] },
      { name: "新材料", subIndustries: [subIndustry(" 特种钢 ", 5, 5, 1)] },
    ],
  };

  it("sets the plan's 规上, 规下, B and C against the enrolled enterprises per sub-industry and in total", () => {
    const counts = rosterCategoryCounts([
      entry("高端装备—数控机床", "ABOVE", true),
      entry("高端装备—数控机床", "BELOW", false),
      entry("新材料—特种钢", "ABOVE", true),
      entry("纺织—化纤", "BELOW", false),
    ]);
    const result = planTargetsVersusRoster(table, counts);
    expect(result.subIndustries).toEqual([
      {
        clusterIndex: 0,
        subIndustryIndex: 0,
        subIndustry: "高端装备—数控机床",
        plannedAboveScale: { target: 40, enrolled: 1 },
        plannedBelowScale: { target: 30, enrolled: 1 },
        plannedTotal: { target: 70, enrolled: 2 },
        plannedSpecialised: { target: 10, enrolled: 1 },
      },
      {
        clusterIndex: 0,
        subIndustryIndex: 1,
        subIndustry: "高端装备—工程机械",
        plannedAboveScale: { target: 20, enrolled: 0 },
        plannedBelowScale: { target: 10, enrolled: 0 },
        plannedTotal: { target: 30, enrolled: 0 },
        plannedSpecialised: { target: 5, enrolled: 0 },
      },
      {
        clusterIndex: 1,
        subIndustryIndex: 0,
        subIndustry: "新材料—特种钢",
        plannedAboveScale: { target: 5, enrolled: 1 },
        plannedBelowScale: { target: 5, enrolled: 0 },
        plannedTotal: { target: 10, enrolled: 1 },
        plannedSpecialised: { target: 1, enrolled: 1 },
      },
    ]);
    expect(result.unplanned).toEqual([{ subIndustry: "纺织—化纤", aboveScale: 0, belowScale: 1, specialised: 0, total: 1 }]);
    expect(result.total).toEqual({
      plannedAboveScale: { target: 65, enrolled: 2 },
      plannedBelowScale: { target: 45, enrolled: 2 },
      plannedTotal: { target: 110, enrolled: 4 },
      plannedSpecialised: { target: 16, enrolled: 2 },
    });
  });
});

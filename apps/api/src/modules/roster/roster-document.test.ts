import { ROSTER_COLUMNS } from "@dtpilot/domain";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  buildRosterWorkbook,
  describeRosterExportFilter,
  ROSTER_SHEET_NAME,
  rosterExportFilter,
  rosterExportParameters,
  rosterFileName,
  rosterSheetTitle,
  rosterTitle,
  workbookBytes,
  type RosterExportEntry,
} from "./roster-document";

function entry(name: string, creditCode: string, changes: Partial<RosterExportEntry> = {}): RosterExportEntry {
  return {
    enterprise: { id: "00000000-0000-4000-8000-000000000001", name, creditCode },
    subIndustry: "高端装备—精密机械零部件",
    scale: "ABOVE",
    specialised: true,
    lastYearRevenue: "12000.5",
    contactName: "王工",
    contactPhone: "0510-86000001",
    status: "ACTIVE",
    providers: [
      { id: "p1", name: "江苏智云" },
      { id: "p2", name: "无锡纺织智造" },
    ],
    completeness: { percentage: 80, complete: false },
    ...changes,
  };
}

const cellsOf = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

describe("roster document", () => {
  it("names the county, the batch and whether it is filtered in its title and file name", () => {
    expect(rosterTitle("江阴市", "2025年度")).toBe("江阴市 试点企业名单（2025年度）");
    expect(rosterFileName("江阴市", "2025年度")).toBe("江阴市试点企业名单（2025年度）.xlsx");
    expect(rosterFileName("江阴市", "2025年度", { specialised: true })).toBe("江阴市试点企业名单（2025年度）（筛选）.xlsx");
    expect(rosterTitle("江阴市", undefined)).toBe("江阴市 试点企业名单");
    expect(rosterSheetTitle("江阴市", "2025年度", {})).toBe("江阴市 试点企业名单（2025年度）");
    expect(rosterSheetTitle("江阴市", "2025年度", { specialised: true, scale: "BELOW" })).toBe(
      "江阴市 试点企业名单（2025年度）（筛选：企业规模：规下；是否为专精特新中小企业：是）",
    );
    expect(describeRosterExportFilter({ subIndustries: ["高端纺织—纺织机械", "新材料—特种钢"], complete: false, status: "REMOVED" })).toBe(
      "所属细分行业：高端纺织—纺织机械、新材料—特种钢；档案是否完整：否；状态：已移出",
    );
    // An empty list of sub-industries filters nothing, as in the roster list.
    expect(describeRosterExportFilter({ subIndustries: [] })).toBe("");
    expect(rosterFileName("江阴市", "2025年度", { subIndustries: [] })).toBe("江阴市试点企业名单（2025年度）.xlsx");
  });

  it("accepts only the roster list's filter, bounded", () => {
    expect(rosterExportFilter.safeParse({ specialised: true, status: "ACTIVE", subIndustries: ["高端装备—数控机床"] }).success).toBe(true);
    expect(rosterExportFilter.safeParse({ specialised: "是" }).success).toBe(false);
    expect(rosterExportFilter.safeParse({ countyId: "320281" }).success).toBe(false);
    expect(rosterExportFilter.safeParse({ status: "DELETED" }).success).toBe(false);
    expect(rosterExportFilter.safeParse({ subIndustry: "高端装备—数控机床" }).success).toBe(false);
    expect(rosterExportFilter.safeParse({ subIndustries: Array.from({ length: 51 }, (_, index) => `行业${index}`) }).success).toBe(false);
    expect(rosterExportFilter.safeParse({ subIndustries: ["长".repeat(1000)] }).success).toBe(false);
  });

  it("reads the filter of an export asked for with one sub-industry as the same filter in the list's shape", () => {
    expect(rosterExportParameters.parse({ batchName: "2025年度", filter: { subIndustry: "高端纺织—纺织机械", scale: "ABOVE" } }).filter).toEqual({
      subIndustries: ["高端纺织—纺织机械"],
      scale: "ABOVE",
    });
  });

  it("writes a title row, the template's headers plus providers, completeness and status, and one row per entry, reporting each row", async () => {
    const reported: [number, number][] = [];
    const workbook = await buildRosterWorkbook({
      countyName: "江阴市",
      batchName: "2025年度",
      entries: [entry("甲公司", "91320281MA0000001X"), entry("乙公司", "913202810000000020", { providers: [], lastYearRevenue: null, contactName: null, contactPhone: null, status: "REMOVED", scale: "BELOW", specialised: false })],
      filter: { status: "REMOVED" },
      generatedAt: new Date("2025-10-01T00:00:00Z"),
      onRow: async (done, total) => void reported.push([done, total]),
    });
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load((await workbookBytes(workbook)).buffer);
    const sheet = reread.getWorksheet(ROSTER_SHEET_NAME)!;
    expect(sheet.getCell("A1").value).toBe("江阴市 试点企业名单（2025年度）（筛选：状态：已移出）");
    expect(sheet.getCell("A1").isMerged).toBe(true);
    expect(cellsOf(sheet.getRow(2))).toEqual([...ROSTER_COLUMNS.map((column) => column.label), "数字化服务商", "档案完整度", "状态"]);
    expect(cellsOf(sheet.getRow(2)).slice(0, 4)).toEqual(["序号", "企业名称", "企业信用代码", "所属细分行业"]);
    expect(cellsOf(sheet.getRow(3))).toEqual([
      1,
      "甲公司",
      "91320281MA0000001X",
      "高端装备—精密机械零部件",
      "规上",
      "是",
      12000.5,
      "王工",
      "0510-86000001",
      "江苏智云、无锡纺织智造",
      0.8,
      "在册",
    ]);
    // Blank cells stay blank; a credit code of digits stays text, never a rounded number.
    expect(cellsOf(sheet.getRow(4))).toEqual([2, "乙公司", "913202810000000020", "高端装备—精密机械零部件", "规下", "否", undefined, undefined, undefined, undefined, 0.8, "已移出"]);
    expect(sheet.getCell("C4").numFmt).toBe("@");
    expect(sheet.getCell("K3").numFmt).toBe("0%");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(reported).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it("still writes the title and header for a county without entries", async () => {
    const workbook = await buildRosterWorkbook({ countyName: "玄武区", batchName: undefined, entries: [], generatedAt: new Date() });
    expect(workbook.getWorksheet(ROSTER_SHEET_NAME)!.rowCount).toBe(2);
  });
});

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildRosterWorkbook, ROSTER_SHEET_NAME, rosterFileName, rosterTitle, workbookBytes } from "./roster-document";

const enterprise = (name: string, creditCode: string) => ({ name, creditCode, county: { name: "江阴市", city: { name: "无锡市" } } });

describe("roster document", () => {
  it("names the county and the batch in its title and file name", () => {
    expect(rosterTitle("江阴市", "2025年度")).toBe("江阴市 试点企业名单（2025年度）");
    expect(rosterFileName("江阴市", "2025年度")).toBe("江阴市试点企业名单（2025年度）.xlsx");
    expect(rosterTitle("江阴市", undefined)).toBe("江阴市 试点企业名单");
  });

  it("writes a title row, the guide's header labels and one numbered row per enterprise, reporting each row", async () => {
    const reported: [number, number][] = [];
    const workbook = await buildRosterWorkbook({
      countyName: "江阴市",
      batchName: "2025年度",
      enterprises: [enterprise("甲公司", "91320281MA0000001X"), enterprise("乙公司", "913202810000000020")],
      generatedAt: new Date("2025-10-01T00:00:00Z"),
      onRow: async (done, total) => void reported.push([done, total]),
    });
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load((await workbookBytes(workbook)).buffer);
    const sheet = reread.getWorksheet(ROSTER_SHEET_NAME)!;
    expect(sheet.getCell("A1").value).toBe("江阴市 试点企业名单（2025年度）");
    expect(sheet.getCell("A1").isMerged).toBe(true);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(["序号", "企业名称", "企业信用代码", "所属城市及县区"]);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([1, "甲公司", "91320281MA0000001X", "无锡市江阴市"]);
    // A credit code of digits stays text, never a rounded number.
    expect(sheet.getCell("C4").value).toBe("913202810000000020");
    expect(sheet.getCell("C4").numFmt).toBe("@");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(reported).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it("still writes the title and header for a county without enterprises", async () => {
    const workbook = await buildRosterWorkbook({ countyName: "玄武区", batchName: undefined, enterprises: [], generatedAt: new Date() });
    expect(workbook.getWorksheet(ROSTER_SHEET_NAME)!.rowCount).toBe(2);
  });
});

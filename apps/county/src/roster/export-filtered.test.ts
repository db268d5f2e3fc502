import { ROSTER_COLUMNS } from "@dtpilot/domain";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { countyZhCN } from "../locales/zh-CN";
import { buildFilteredRosterWorkbook, filteredRosterSheet, type FilteredRosterLabels } from "./export-filtered";
import { pilotEnterprise } from "./roster-test-fixtures";

const labels: FilteredRosterLabels = {
  columns: ROSTER_COLUMNS.map((column) => column.label),
  providers: "数字化服务商",
  completeness: "档案完整度",
  status: "状态",
  scale: { ABOVE: "规上", BELOW: "规下" },
  yes: "是",
  no: "否",
  statuses: { ACTIVE: "在册", REMOVED: "已移出" },
  sheetName: countyZhCN.roster.title,
};

const first = pilotEnterprise(1, {
  name: "江阴甲公司",
  specialised: true,
  lastYearRevenue: "12345.6789",
  contactName: "张三",
  contactPhone: "13800000000",
  providers: [
    { id: "p1", name: "服务商甲" },
    { id: "p2", name: "服务商乙" },
  ],
});
const second = pilotEnterprise(2, { name: "江阴乙公司", scale: "BELOW", lastYearRevenue: null, status: "REMOVED" });

describe("the XLSX of the current list", () => {
  it("has the template's columns, then providers, completeness and status, one row per shown entry numbered in order", () => {
    const sheet = filteredRosterSheet([second, first], labels);
    expect(sheet.header).toEqual([...ROSTER_COLUMNS.map((column) => column.label), "数字化服务商", "档案完整度", "状态"]);
    expect(sheet.rows).toEqual([
      [1, "江阴乙公司", second.enterprise.creditCode, second.subIndustry, "规下", "否", null, null, null, null, 0.5, "已移出"],
      [2, "江阴甲公司", first.enterprise.creditCode, first.subIndustry, "规上", "是", 12345.6789, "张三", "13800000000", "服务商甲、服务商乙", 0.5, "在册"],
    ]);
  });

  it("writes a workbook exceljs reads back, the credit code as text", async () => {
    const bytes = await buildFilteredRosterWorkbook(filteredRosterSheet([first], labels), labels.sheetName);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    const sheet = workbook.getWorksheet(labels.sheetName)!;
    expect(sheet.getRow(1).getCell(2).value).toBe("企业名称");
    expect(sheet.getRow(2).getCell(3).value).toBe(first.enterprise.creditCode);
    expect(sheet.getRow(2).getCell(7).value).toBe(12345.6789);
    expect(sheet.getRow(2).getCell(11).numFmt).toBe("0%");
    expect(sheet.rowCount).toBe(2);
  });
});

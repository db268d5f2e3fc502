import { emptyPlanContent, makeCreditCode } from "@dtpilot/domain";
import { expect, test, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { apiAs, mutate, query } from "./support/api";
import { signIn } from "./support/session";

/**
 * The roster and the enterprise files (附2) in 海安市 (苏中): the county imports its roster from the template, meets
 * the per-row errors, fixes the file and imports it; links a provider; the enterprise fills 一 and 二, its provider
 * adds needs to 二; both save 二 at once from two browsers and neither loses anything; the county fills 四.
 */
const SUB_INDUSTRY = "高端纺织—纺织机械";
const code = (serial: number) => makeCreditCode(`91320685MA${String(500 + serial).padStart(7, "0")}`);

async function newPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(page, username);
  return page;
}

/** The downloaded template with `rows` written under its two example rows. */
async function fill(template: string, rows: (string | number)[][], name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.getWorksheet("试点企业名单")!;
  rows.forEach((values, index) => values.forEach((value, column) => (sheet.getRow(5 + index).getCell(column + 1).value = value)));
  const file = path.join(os.tmpdir(), `${name}-${process.pid}.xlsx`);
  await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

test.describe("the roster and the enterprise files (一企一档)", () => {
  test.setTimeout(240_000);

  test("county imports with errors, fixes, imports; enterprise and provider fill the file, concurrently without loss; county fills 四", async ({ browser }) => {
    // 海安市's plan names its sub-industry (a draft is enough to enrol under it).
    const api = await apiAs("county-haian");
    const plan = await mutate<{ id: string; version: { revision: number } }>(api, "plan.createPlan");
    const content = emptyPlanContent("海安市", "南通市工业和信息化局");
    content.dataTable.clusters[0]!.name = "高端纺织";
    content.dataTable.clusters[0]!.subIndustries[0]!.name = "纺织机械";
    await mutate(api, "plan.savePlan", { planId: plan.id, baseRevision: plan.version.revision, content });

    // The county downloads the template, imports a file with errors: nothing imported, each error located.
    const county = await newPage(browser, "county-haian");
    await county.getByRole("menuitem", { name: "试点企业改造名单" }).click();
    await expect(county.getByTestId("roster-table")).toContainText("海安城东纺织机械有限公司");
    await county.getByTestId("roster-import").click();
    const downloading = county.waitForEvent("download");
    await county.getByTestId("roster-template-download").click();
    const template = await (await downloading).path();

    const bad = await fill(template, [
      [1, "海安导入企业甲有限公司", code(1), SUB_INDUSTRY, "规上", "是", 3200],
      [2, "", code(2), SUB_INDUSTRY, "规下", "否", 800],
      [3, "海安导入企业丙有限公司", "91320685MA0000503X", "纺织—不存在的行业", "规下", "否", "八百"],
    ], "roster-bad");
    await county.getByTestId("roster-import-upload").locator("input[type=file]").setInputFiles(bad);
    const errors = county.getByTestId("roster-import-errors");
    await expect(errors).toBeVisible();
    await expect(errors).toContainText("企业名称");
    await expect(errors).toContainText("企业信用代码");
    await expect(errors).toContainText("所属细分行业");
    await expect(county.getByTestId("roster-import-errors-notice")).toContainText("未导入任何企业");

    const good = await fill(template, [
      [1, "海安导入企业甲有限公司", code(1), SUB_INDUSTRY, "规上", "是", 3200],
      [2, "海安导入企业乙有限公司", code(2), SUB_INDUSTRY, "规下", "否", 800],
    ], "roster-good");
    await county.getByTestId("roster-import-upload").locator("input[type=file]").setInputFiles(good);
    await expect(county.getByTestId("roster-import-success")).toContainText("2");
    await county.keyboard.press("Escape");
    await expect(county.getByTestId(`roster-row-${code(2)}`)).toBeVisible();

    // The county links provider-1 (which serves 海安市) to 海安城东纺织机械.
    const roster = await query<{ entries: { id: string; enterprise: { name: string } }[] }>(api, "roster.listRoster");
    const pilot = roster.entries.find((entry) => entry.enterprise.name === "海安城东纺织机械有限公司")!;
    await county.goto(`/county/roster/${pilot.id}`);
    // A pilot enterprise's page belongs to the roster in the menu.
    await expect(county.locator(".ant-menu-item-selected")).toHaveText("试点企业改造名单");
    await county.getByTestId("pilot-provider-select").click();
    await county.locator(".ant-select-item-option", { hasText: "江苏智云" }).click();
    await county.getByTestId("pilot-provider-link").click();
    await expect(county.getByText("江苏智云").first()).toBeVisible();

    // The enterprise fills 一 and a need in 二.
    const enterprise = await newPage(browser, "ent-haian-1");
    await enterprise.getByRole("menuitem", { name: "一企一档" }).click();
    await expect(enterprise.getByTestId("file-section-status-evaluation")).toHaveAttribute("data-editable", "false");
    await enterprise.getByTestId("file-field-basic.registeredAddress").fill("海安市城东镇工业园区8号");
    await enterprise.getByTestId("file-field-basic.profile").fill("纺织机械整机及零部件制造。");
    await enterprise.getByTestId("file-save-basic").click();
    await expect(enterprise.getByTestId("file-save-status-basic")).toHaveAttribute("data-status", "saved");

    // The provider opens the same file; both then add a need to 二 from what they loaded, and save.
    const provider = await newPage(browser, "provider-1");
    await provider.getByRole("menuitem", { name: "服务企业" }).click();
    await provider.getByText("海安城东纺织机械有限公司").click();
    await expect(provider.getByTestId("file-section-status-needs")).toHaveAttribute("data-editable", "true");
    await expect(provider.getByTestId("file-section-status-basic")).toHaveAttribute("data-editable", "false");

    await enterprise.getByTestId("file-need-add-EQUIPMENT_DATA").click();
    await enterprise.getByTestId("file-need-EQUIPMENT_DATA-0").fill("织机联网，采集运行数据");
    await provider.getByTestId("file-need-add-DATA_GOVERNANCE").click();
    await provider.getByTestId("file-need-DATA_GOVERNANCE-0").fill("建立设备与订单主数据");

    await enterprise.getByTestId("file-save-needs").click();
    await expect(enterprise.getByTestId("file-save-status-needs")).toHaveAttribute("data-status", "saved");
    await provider.getByTestId("file-save-needs").click();
    // The provider saved after the enterprise: its save merges the enterprise's need instead of overwriting it.
    await expect(provider.getByTestId("file-merged-needs")).toBeVisible();
    await expect(provider.getByTestId("file-save-status-needs")).toHaveAttribute("data-status", "saved");

    await enterprise.reload();
    await expect(enterprise.getByTestId("file-need-EQUIPMENT_DATA-0")).toHaveValue("织机联网，采集运行数据");
    // The provider's need is the provider's statement: the enterprise reads it (with its author), it cannot edit it.
    await expect(enterprise.getByTestId("file-need-DATA_GOVERNANCE-0")).toHaveText("建立设备与订单主数据");
    await expect(enterprise.getByTestId("file-need-DATA_GOVERNANCE-0")).toHaveAttribute("data-readonly", "true");
    await expect(enterprise.getByTestId("file-need-item-DATA_GOVERNANCE-0")).toHaveAttribute("data-author", "PROVIDER");

    // The county records the project's start, which opens 四, and fills it.
    await county.reload();
    await expect(county.getByTestId("file-section-status-evaluation")).toHaveAttribute("data-editable", "false");
    await mutate(api, "roster.setTransformationStart", { pilotEnterpriseId: pilot.id, startedOn: "2025-11-01" });
    await county.reload();
    await expect(county.getByTestId("file-section-status-evaluation")).toHaveAttribute("data-editable", "true");
    await county.getByTestId("file-field-evaluation.evaluationConducted").getByText("否").click();
    await county.getByTestId("file-save-evaluation").click();
    await expect(county.getByTestId("file-save-status-evaluation")).toHaveAttribute("data-status", "saved");
    // The enterprise sees 四 filled, and still may not edit it.
    await enterprise.reload();
    await expect(enterprise.getByTestId("file-section-status-evaluation")).toHaveAttribute("data-editable", "false");

    // The county downloads the file laid out like 附2 (DOCX), generated by the worker.
    await county.getByTestId("file-docx-request").click();
    const link = county.getByTestId("file-docx-link");
    await expect(link).toBeVisible({ timeout: 60_000 });
    const docx = county.waitForEvent("download");
    await link.click();
    expect((await docx).suggestedFilename()).toMatch(/海安城东纺织机械有限公司.*\.docx$/);
    await api.dispose();
  });
});

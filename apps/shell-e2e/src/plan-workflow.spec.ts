import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./support/session";

/**
 * 实施方案 (附1) from first keystroke to approval, across three browsers' worth of users: the county fills its plan and
 * sees the ratios follow, meets the regional minimum and fixes it, submits; its city returns it with a comment on a
 * field; the county sees the comment beside that field, fixes and resubmits; the city recommends; the province
 * approves; the county downloads the 主要数据表 and finds its numbers in it.
 */
const ROW = "dataTable.clusters.0.subIndustries.0";
const field = (page: Page, path: string) => page.getByTestId(`plan-field-${path}`);

async function fill(page: Page, path: string, value: string) {
  const input = field(page, path);
  await input.fill(value);
}

async function waitUntilSaved(page: Page) {
  await expect(page.getByTestId("plan-save-status")).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
}

async function openCountyPlan(page: Page) {
  await page.getByRole("menuitem", { name: "实施方案", exact: true }).click();
  await expect(page).toHaveURL(/\/county\/plan/);
}

async function openReview(page: Page) {
  await page.getByRole("menuitem", { name: "实施方案审核" }).click();
  await page.getByTestId("plan-row-320281").click();
  await expect(page.getByTestId("review-panel")).toBeVisible();
}

async function decide(page: Page, button: "review-return" | "review-recommend" | "review-approve", expectedState: string) {
  await page.getByTestId(button).click();
  await page.getByTestId("review-confirm").click();
  await expect(page.getByTestId("plan-state").first()).toHaveAttribute("data-state", expectedState);
}

test.describe("the implementation plan (附1) workflow", () => {
  test.setTimeout(240_000);

  test("county writes and submits, city returns with a comment, county fixes, city recommends, province approves, county downloads the XLSX", async ({ browser }) => {
    const county = await (await browser.newContext()).newPage();
    await signIn(county, "county-jiangyin");
    await openCountyPlan(county);
    await county.getByRole("button", { name: "编写实施方案" }).click();

    // The cover, a section, and the table, labelled as in the template.
    // The county and its recommending bureau are the platform's: shown, not typed.
    await expect(county.getByTestId("plan-field-cover.countyName")).toHaveText("江阴市");
    await expect(county.getByTestId("plan-field-cover.recommendingCity")).toHaveText("无锡市工业和信息化局");
    await expect(county.getByLabel("申报县（市、区）（盖章）")).toHaveCount(0);
    await fill(county, "cover.contact", "张工 0510-86000000");
    const foundation = field(county, "sections.foundation");
    await foundation.click();
    await county.keyboard.type("江阴市中小企业基础雄厚，高端装备集群特色鲜明。");
    await fill(county, "dataTable.clusters.0.name", "高端装备");
    await fill(county, `${ROW}.name`, "精密机械零部件");
    await expect(county.getByTestId("plan-cover-subindustries")).toContainText("高端装备—精密机械零部件");
    await fill(county, `${ROW}.industrialChain1650`, "高端装备集群—轨道交通装备产业链");
    await fill(county, `${ROW}.base.industrialOutputValue`, "356.25");
    await fill(county, `${ROW}.base.smeTotal`, "300");
    await fill(county, `${ROW}.base.aboveScaleSmeTotal`, "120");
    await fill(county, `${ROW}.base.specialisedSmeTotal`, "8");
    await fill(county, `${ROW}.targets.plannedAboveScale`, "40");
    await fill(county, `${ROW}.targets.plannedBelowScale`, "20");
    await fill(county, `${ROW}.targets.plannedSpecialised`, "3");
    await fill(county, `${ROW}.targets.plannedCloud`, "30");
    await fill(county, `${ROW}.targets.plannedInitialLevel`, "45");
    await fill(county, `${ROW}.targets.plannedBenchmarks`, "6");
    await fill(county, `${ROW}.targets.plannedAboveScaleStandardLevel`, "30");

    // B and the ratios follow what is typed.
    await expect(county.getByTestId("plan-computed-0-0-plannedTotal")).toHaveText("60");
    await expect(county.getByTestId("plan-computed-0-0-specialisedShare")).toHaveText("37.5%");
    await expect(county.getByTestId("plan-computed-0-0-cloudShare")).toHaveText("50.0%");
    await expect(county.getByTestId("plan-computed-0-0-benchmarkShare")).toHaveText("10.0%");
    await expect(county.getByTestId("plan-computed-0-0-aboveScaleStandardLevelShare")).toHaveText("25.0%");

    // A target above its base is an error on that field (C ≤ A), and goes away when fixed.
    await fill(county, `${ROW}.targets.plannedSpecialised`, "9");
    await expect(county.getByTestId(`plan-error-${ROW}.targets.plannedSpecialised`)).toContainText("不能超过");
    await fill(county, `${ROW}.targets.plannedSpecialised`, "3");
    await expect(county.getByTestId(`plan-error-${ROW}.targets.plannedSpecialised`)).toHaveCount(0);

    // 60 is below 苏南's minimum of 100: saved, but not submittable, and the message says why.
    const minimum = county.getByTestId("plan-regional-minimum");
    await expect(minimum).toHaveAttribute("data-status", "below");
    await expect(minimum).toContainText("100");
    await expect(minimum).toContainText("苏南");
    await waitUntilSaved(county);
    await expect(county.getByTestId("plan-submit")).toBeDisabled();

    // The draft survives a reload.
    await county.reload();
    await expect(field(county, `${ROW}.targets.plannedCloud`)).toHaveValue("30");
    await expect(field(county, "sections.foundation")).toContainText("高端装备集群特色鲜明");

    await fill(county, `${ROW}.targets.plannedAboveScale`, "80");
    await fill(county, `${ROW}.targets.plannedBelowScale`, "40");
    await expect(county.getByTestId("plan-computed-0-0-plannedTotal")).toHaveText("120");
    await expect(county.getByTestId("plan-computed-0-0-cloudShare")).toHaveText("25.0%");
    await expect(minimum).toHaveAttribute("data-status", "met");
    await waitUntilSaved(county);
    await county.getByTestId("plan-submit").click();
    await county.getByRole("button", { name: "确认提交" }).click();
    await expect(county.getByTestId("plan-state").first()).toHaveAttribute("data-state", "SUBMITTED");
    await expect(county.getByTestId("plan-read-only-notice")).toContainText("审核期间不能修改");

    // The city returns it with a comment on 拟上云用云.
    const city = await (await browser.newContext()).newPage();
    await signIn(city, "city-wuxi");
    await openReview(city);
    await city.getByTestId(`comment-add-${ROW}.targets.plannedCloud`).click();
    await city.getByTestId("comment-input").fill("上云用云目标偏低，请提高到70家以上");
    await city.getByTestId("comment-confirm").click();
    await decide(city, "review-return", "RETURNED_BY_CITY");

    // The county sees the comment beside the field, fixes it and resubmits.
    await county.reload();
    await expect(county.getByTestId(`plan-comments-${ROW}.targets.plannedCloud`)).toContainText("上云用云目标偏低");
    await expect(county.getByTestId("plan-version")).toContainText("2");
    await fill(county, `${ROW}.targets.plannedCloud`, "75");
    await expect(county.getByTestId("plan-computed-0-0-cloudShare")).toHaveText("62.5%");
    await waitUntilSaved(county);
    await county.getByTestId("plan-submit").click();
    await county.getByRole("button", { name: "确认提交" }).click();
    await expect(county.getByTestId("plan-state").first()).toHaveAttribute("data-state", "SUBMITTED");

    // The city sees what changed, and recommends.
    await city.reload();
    await openReview(city);
    await city.getByRole("tab", { name: "版本对比" }).click();
    await expect(city.getByTestId("plan-diff-table")).toContainText("75");
    await decide(city, "review-recommend", "RECOMMENDED");

    // The province approves.
    const province = await (await browser.newContext()).newPage();
    await signIn(province, "province");
    await openReview(province);
    await decide(province, "review-approve", "APPROVED");
    // The province may ask for the plan's documents too.
    await expect(province.getByTestId("plan-download-docx")).toBeVisible();

    // The county downloads the 主要数据表 and finds its numbers under the template's labels.
    await county.reload();
    await expect(county.getByTestId("plan-state").first()).toHaveAttribute("data-state", "APPROVED");
    await county.getByTestId("plan-download-xlsx").click();
    const link = county.getByTestId("plan-download-link-xlsx");
    await expect(link).toBeVisible({ timeout: 60_000 });
    const downloading = county.waitForEvent("download");
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("江阴市实施方案主要数据表（2025年度）.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const texts: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void texts.push(cell.text)));
    expect(texts).toEqual(expect.arrayContaining(["拟上云用云中小企业数量（家）（数值D）", "75", "高端装备—精密机械零部件", "120"]));
  });
});

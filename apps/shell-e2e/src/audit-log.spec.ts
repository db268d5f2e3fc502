import { expect, test } from "@playwright/test";
import { signIn } from "./support/session";

test.describe("审计日志", () => {
  test("a county reads its own audit records, the province filters every county's by actor", async ({ page }) => {
    await signIn(page, "county-jiangyin");
    await page.getByRole("menuitem", { name: "审计日志" }).click();
    const table = page.getByTestId("audit-table");
    // Its own sign-in, just now, is the newest record.
    const newest = table.getByRole("row").nth(1);
    await expect(newest).toContainText("county-jiangyin");
    await expect(newest).toContainText("登录");
    await expect(newest).toContainText("成功");
    await expect(table).not.toContainText("county-haian");

    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, "province");
    await page.getByRole("menuitem", { name: "审计日志" }).click();
    await page.getByPlaceholder("操作人").fill("county-jiangyin");
    await page.getByPlaceholder("操作人").press("Enter");
    const rows = page.getByTestId("audit-table").locator("tbody tr.ant-table-row");
    await expect(rows.first()).toContainText("county-jiangyin");
    for (const row of await rows.all()) await expect(row).toContainText("county-jiangyin");
  });
});

test("a reviewer, who may not read audit records, is not offered 审计日志", async ({ page }) => {
  await signIn(page, "reviewer");
  // The province app's own entries are there (its navigation has loaded), but not the one the reviewer may not use.
  await expect(page.getByRole("menuitem", { name: "名单调整备案" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "审计日志" })).toHaveCount(0);
});

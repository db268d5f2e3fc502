import { expect, test } from "@playwright/test";
import { apiAs, query, type EnterpriseRow } from "./support/api";
import { signIn } from "./support/session";

test.describe("a county user reaching for another county", () => {
  let haian: EnterpriseRow[];

  test.beforeAll(async () => {
    const api = await apiAs("county-haian");
    haian = await query<EnterpriseRow[]>(api, "enterprise.listEnterprises");
    await api.dispose();
    expect(haian.length).toBeGreaterThan(0);
  });

  test("sees nothing of another county's enterprise when typing its id", async ({ page }) => {
    await signIn(page, "county-jiangyin");
    const foreign = haian[0]!;
    await page.goto(`/county/enterprises/${foreign.id}`);
    await expect(page.getByText("未找到该记录")).toBeVisible();
    await expect(page.getByText(foreign.name)).toHaveCount(0);
    await expect(page.getByText(foreign.creditCode)).toHaveCount(0);
  });

  test("sees only its own enterprises in the roster", async ({ page }) => {
    await signIn(page, "county-jiangyin");
    await page.goto("/county/enterprises");
    const table = page.getByTestId("roster-table");
    await expect(table.getByRole("row").nth(1)).toBeVisible();
    await expect(table).toContainText("江阴澄江精密机械有限公司");
    for (const enterprise of haian) await expect(table.getByText(enterprise.name)).toHaveCount(0);
  });

  test("is refused the province's and other roles' apps by URL", async ({ page }) => {
    await signIn(page, "county-jiangyin");
    for (const path of ["/province", "/enterprise", "/provider"]) {
      await page.goto(path);
      await expect(page.getByText("无权访问")).toBeVisible();
      await expect(page.getByText("海安市")).toHaveCount(0);
      await expect(page.getByText("沭阳县")).toHaveCount(0);
    }
  });

  test("an enterprise user cannot open the county app, nor another enterprise", async ({ page }) => {
    await signIn(page, "ent-jiangyin-1");
    await page.goto("/county/enterprises");
    await expect(page.getByText("无权访问")).toBeVisible();
    await expect(page.getByText(haian[0]!.name)).toHaveCount(0);
  });
});

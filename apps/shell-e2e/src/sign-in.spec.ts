import { expect, test, type Page } from "@playwright/test";
import { PASSWORD } from "./support/env";
import { recordMetric } from "./support/metrics";

interface Landing {
  username: string;
  app: "county" | "enterprise" | "provider" | "province";
  role: string;
  /** What the landing page shows once its first data arrived. */
  check: (page: Page) => Promise<void>;
}

const countyNamed = (name: string) => async (page: Page) => {
  await expect(page.getByTestId("county-name")).toHaveText(name);
};

const countiesShown = (total: number, names: string[], absent: string[] = []) => async (page: Page) => {
  await expect(page.getByTestId("county-total")).toContainText(String(total));
  for (const name of names) await expect(page.locator("[data-testid^=county-3]", { hasText: name })).toBeVisible();
  for (const name of absent) await expect(page.locator("[data-testid^=county-3]", { hasText: name })).toHaveCount(0);
};

const LANDINGS: Landing[] = [
  { username: "county-jiangyin", app: "county", role: "试点县（市、区）工信主管部门", check: countyNamed("江阴市") },
  { username: "county-haian", app: "county", role: "试点县（市、区）工信主管部门", check: countyNamed("海安市") },
  { username: "county-shuyang", app: "county", role: "试点县（市、区）工信主管部门", check: countyNamed("沭阳县") },
  {
    username: "ent-jiangyin-1",
    app: "enterprise",
    role: "试点企业",
    check: async (page) => {
      await expect(page.getByTestId("enterprise-name")).toHaveText(/江阴/);
      await expect(page.getByText("无锡市 江阴市")).toBeVisible();
    },
  },
  {
    username: "ent-haian-1",
    app: "enterprise",
    role: "试点企业",
    check: async (page) => {
      await expect(page.getByTestId("enterprise-name")).toHaveText(/海安/);
      await expect(page.getByText("南通市 海安市")).toBeVisible();
    },
  },
  {
    username: "provider-1",
    app: "provider",
    role: "数字化服务商",
    check: async (page) => {
      await expect(page.getByTestId("provider-name")).toHaveText("江苏智云工业互联网科技有限公司");
      const served = page.getByTestId("served-counties");
      await expect(served.getByRole("cell", { name: "江阴市" })).toBeVisible();
      await expect(served.getByRole("cell", { name: "海安市" })).toBeVisible();
      await expect(served.getByRole("cell", { name: "沭阳县" })).toHaveCount(0);
    },
  },
  {
    username: "provider-3",
    app: "provider",
    role: "数字化服务商",
    check: async (page) => {
      await expect(page.getByTestId("provider-name")).toHaveText("南京网联算力科技有限公司");
      const served = page.getByTestId("served-counties");
      await expect(served.getByRole("cell", { name: "沭阳县" })).toBeVisible();
      await expect(served.getByRole("cell", { name: "江阴市" })).toHaveCount(0);
    },
  },
  {
    username: "province",
    app: "province",
    role: "省工信厅",
    check: async (page) => {
      await countiesShown(95, ["江阴市", "海安市", "沭阳县", "玄武区"])(page);
      await expect(page.getByTestId("pilot-total")).toContainText("3");
      for (const region of ["苏南", "苏中", "苏北"]) await expect(page.getByText(region, { exact: true })).toBeVisible();
      await expect(page.getByTestId("county-320281")).toHaveAttribute("data-pilot", "true");
      await expect(page.getByTestId("county-320282")).toHaveAttribute("data-pilot", "false");
    },
  },
  { username: "city-wuxi", app: "province", role: "设区市工信主管部门", check: countiesShown(7, ["江阴市", "宜兴市"], ["海安市", "玄武区"]) },
  { username: "city-nantong", app: "province", role: "设区市工信主管部门", check: countiesShown(7, ["海安市", "如皋市"], ["江阴市"]) },
  { username: "reviewer", app: "province", role: "第三方机构", check: countiesShown(1, ["江阴市"], ["海安市", "宜兴市"]) },
];

test.describe("signing in", () => {
  for (const landing of LANDINGS) {
    test(`${landing.username} lands in the ${landing.app} app with its own data`, async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/login$/);
      await page.getByLabel("用户名").fill(landing.username);
      await page.getByLabel("密码").fill(PASSWORD);

      const clicked = Date.now();
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${landing.app}$`));
      await landing.check(page);
      const elapsed = Date.now() - clicked;
      recordMetric("loginToFirstDataMs", landing.username, elapsed);
      console.log(`${landing.username}: login click → first data of /${landing.app} in ${elapsed} ms`);

      await expect(page.getByTestId("current-role")).toHaveText(landing.role);
    });
  }

  test("a wrong password is refused with the API's message beside the password", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill("county-haian");
    await page.getByLabel("密码").fill("not-the-password1");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByText("用户名或密码错误")).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
  });

  test("signing out ends the session and returns to the login page", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill("county-shuyang");
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByTestId("county-name")).toHaveText("沭阳县");
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/county");
    await expect(page).toHaveURL(/\/login\?from=%2Fcounty$/);
  });
});

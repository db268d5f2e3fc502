import { expect, test } from "@playwright/test";
import { apiAs, mutate, query } from "./support/api";

test("an enterprise account the county opened replaces its initial password before anything else", async ({ page }) => {
  const county = await apiAs("county-jiangyin");
  const roster = await query<{ entries: { id: string; enterprise: { name: string } }[] }>(county, "roster.listRoster");
  const pilot = roster.entries.find((entry) => entry.enterprise.name === "江阴周庄新材料有限公司")!;
  const opened = await mutate<{ username: string; initialPassword: string }>(county, "roster.createEnterpriseAccount", { pilotEnterpriseId: pilot.id });

  await page.goto("/login");
  await page.getByLabel("用户名").fill(opened.username);
  await page.getByLabel("密码").fill(opened.initialPassword);
  await page.getByRole("button", { name: "登录", exact: true }).click();

  const form = page.getByTestId("initial-password");
  await expect(form.getByText("修改初始密码")).toBeVisible();
  // Nothing else of the shell: no top bar, no app.
  await expect(page.getByTestId("current-user")).toHaveCount(0);

  await form.getByLabel("当前密码").fill(opened.initialPassword);
  await form.getByLabel("新密码", { exact: true }).fill("password1234");
  await form.getByLabel("确认新密码").fill("password1234");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByText("新密码：过于常见，容易被猜中，请换一个")).toBeVisible();

  await form.getByLabel("新密码", { exact: true }).fill("Zhouzhuang-Alloy-2026");
  await form.getByLabel("确认新密码").fill("Zhouzhuang-Alloy-2026");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("enterprise-name")).toHaveText("江阴周庄新材料有限公司");
  await expect(page.getByTestId("current-role")).toHaveText("试点企业");
});

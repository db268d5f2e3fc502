import { expect, type Page } from "@playwright/test";
import { PASSWORD } from "./env";

/** Signs in through the login page (用户名, 密码, 登录) and returns when the shell has navigated away from it. */
export async function signIn(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

import { expect, test } from "@playwright/test";
import { signIn } from "./support/session";
import { startWebServer, stopServer } from "./support/servers";

test.describe("a remote that cannot be loaded", () => {
  test.afterAll(async () => {
    // Whatever happened, leave the county server running for the other tests.
    await stopServer("county");
    await startWebServer("county");
  });

  test("shows a message with 重试 while the rest of the shell works, and loads again after retry", async ({ page }) => {
    await signIn(page, "county-jiangyin");
    await expect(page.getByTestId("county-name")).toHaveText("江阴市");

    await stopServer("county");
    await page.reload();

    const failed = page.getByTestId("remote-failed");
    await expect(failed).toBeVisible();
    await expect(failed.getByText("应用加载失败")).toBeVisible();
    await expect(failed.getByText("“试点县（市、区）”暂时无法加载，请稍后重试。其他功能不受影响。")).toBeVisible();
    await expect(failed.getByRole("button", { name: "重试", exact: true })).toBeVisible();

    // The shell itself keeps working: top bar, navigation, its own pages.
    await expect(page.getByTestId("current-user")).toContainText("江阴市工信局");
    await page.getByRole("menuitem", { name: "账号" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText("county-jiangyin")).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId("remote-failed")).toBeVisible();

    await startWebServer("county");
    await page.getByRole("button", { name: "重试", exact: true }).click();
    await expect(page.getByTestId("county-name")).toHaveText("江阴市");
    await expect(page.getByTestId("remote-failed")).toHaveCount(0);
  });
});

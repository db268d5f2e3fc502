/**
 * Measures what a browser downloads (JavaScript, gzip-compressed as the server sends it): the login page, each
 * remote's entry, and everything needed to show each app's landing page. Results go to the metrics file and the
 * log; the goals (login ≤ 250 KB, remote entry ≤ 50 KB, landing ≤ 600 KB) are reported beside them.
 */
import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { REMOTES, remoteUrl, SHELL_URL } from "./support/env";
import { recordMetric } from "./support/metrics";
import { signIn } from "./support/session";

const KB = 1024;
const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10;

/** Collects every JavaScript response of the page; `gzipBytes` measured on the body as received. */
function collectScripts(page: Page) {
  const scripts = new Map<string, Promise<number>>();
  page.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (!type.includes("javascript") || scripts.has(response.url())) return;
    scripts.set(
      response.url(),
      response.body().then(
        (body) => gzipSync(body).length,
        () => 0,
      ),
    );
  });
  return async () => {
    const sizes = await Promise.all([...scripts.values()]);
    return { files: scripts.size, gzipBytes: sizes.reduce((sum, size) => sum + size, 0) };
  };
}

test.describe("download sizes", () => {
  test("the login page", async ({ page }) => {
    const scripts = collectScripts(page);
    await page.goto("/login");
    await expect(page.getByRole("button", { name: "登录", exact: true })).toBeVisible();
    await page.waitForLoadState("networkidle");
    const { files, gzipBytes } = await scripts();
    recordMetric("sizesKB", "loginPageJs", kb(gzipBytes));
    console.log(`login page: ${files} JS files, ${kb(gzipBytes)} KB gzip (goal ≤ 250 KB)`);
    expect(gzipBytes).toBeLessThanOrEqual(250 * KB);
  });

  test("each remote entry", async ({ request }) => {
    for (const remote of REMOTES) {
      const response = await request.get(`${remoteUrl(remote)}/remoteEntry.js`);
      expect(response.headers()["cache-control"]).toBe("no-cache");
      const size = gzipSync(await response.body()).length;
      recordMetric("sizesKB", `remoteEntry.${remote}`, kb(size));
      console.log(`${remote} remoteEntry.js: ${kb(size)} KB gzip (goal ≤ 50 KB)`);
      expect(size).toBeLessThanOrEqual(50 * KB);
    }
  });

  const LANDINGS = [
    { app: "county", username: "county-jiangyin", ready: "county-name" },
    { app: "enterprise", username: "ent-jiangyin-1", ready: "enterprise-name" },
    { app: "provider", username: "provider-1", ready: "provider-name" },
    { app: "province", username: "province", ready: "county-total" },
  ];
  for (const { app, username, ready } of LANDINGS) {
    test(`everything loaded to show the ${app} landing page`, async ({ page }) => {
      await signIn(page, username);
      // Measure a fresh load of the landing page with an empty cache (the session cookie kept).
      const session = await page.context().cookies();
      const fresh = await page.context().browser()!.newContext({ baseURL: SHELL_URL });
      await fresh.addCookies(session);
      const landing = await fresh.newPage();
      const scripts = collectScripts(landing);
      await landing.goto(`/${app}`);
      await expect(landing.getByTestId(ready)).toBeVisible();
      await landing.waitForLoadState("networkidle");
      const { files, gzipBytes } = await scripts();
      recordMetric("sizesKB", `landing.${app}`, kb(gzipBytes));
      console.log(`${app} landing page: ${files} JS files, ${kb(gzipBytes)} KB gzip (goal ≤ 600 KB)`);
      await fresh.close();
    });
  }
});

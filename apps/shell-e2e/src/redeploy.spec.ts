import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { REMOTES, ROOT } from "./support/env";
import { signIn } from "./support/session";

const distEntry = (app: string) => path.join(ROOT, "apps", app, app === "shell" ? "dist/index.html" : "dist/remoteEntry.js");
const modified = (file: string) => statSync(file).mtimeMs;

/** Builds the county remote alone, as a deployment of it would (the label is read at build time). */
function buildCounty(label: string | undefined) {
  const env = { ...process.env };
  if (label) env.VITE_BUILD_LABEL = label;
  else delete env.VITE_BUILD_LABEL;
  execFileSync("npx", ["vite", "build", "--logLevel", "warn"], { cwd: path.join(ROOT, "apps", "county"), env, stdio: "inherit" });
}

test.describe("redeploying one remote", () => {
  test.setTimeout(180_000);

  test.afterAll(() => {
    // Put back the ordinary build (no label), so what is served — and the working tree — is as before.
    buildCounty(undefined);
  });

  test("a rebuilt county remote shows up on reload, with neither the shell nor its server restarted", async ({ page }) => {
    const others = ["shell", ...REMOTES.filter((name) => name !== "county")];
    const before = Object.fromEntries(others.map((app) => [app, modified(distEntry(app))]));
    const label = `e2e-redeploy-${Date.now()}`;

    await signIn(page, "county-jiangyin");
    await expect(page.getByTestId("county-name")).toHaveText("江阴市");
    await expect(page.getByTestId("build-label")).toHaveCount(0);

    buildCounty(label);
    await page.reload();
    await expect(page.getByTestId("build-label")).toHaveText(label);
    await expect(page.getByTestId("county-name")).toHaveText("江阴市");

    // Only the county remote was rebuilt.
    for (const app of others) expect(modified(distEntry(app)), `${app} must not be rebuilt`).toBe(before[app]);
  });
});

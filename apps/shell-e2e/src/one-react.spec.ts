import { expect, test } from "@playwright/test";
import { REMOTE_PORTS } from "./support/env";
import { signIn } from "./support/session";

const USERS = { county: "county-jiangyin", enterprise: "ent-jiangyin-1", provider: "provider-1", province: "province" } as const;

test.describe("shared singletons", () => {
  for (const [app, username] of Object.entries(USERS)) {
    test(`the ${app} remote runs on the shell's React, react-dom, router, antd, react-query, data access and UI kit`, async ({ page }) => {
      const remoteOrigin = `:${REMOTE_PORTS[app as keyof typeof REMOTE_PORTS]}/`;
      const fromRemote: string[] = [];
      page.on("response", (response) => {
        if (response.url().includes(remoteOrigin)) fromRemote.push(new URL(response.url()).pathname);
      });

      await signIn(page, username);
      await expect(page.getByTestId("current-user")).toBeVisible();
      await expect.poll(() => page.evaluate((name) => window.__DTPILOT_SHARED__?.[name], app)).toEqual({
        react: true,
        reactDom: true,
        router: true,
        antd: true,
        query: true,
        dataAccess: true,
        ui: true,
      });
      // The page has one React: the shell's, and the remote never downloaded its own fallback copies.
      expect(await page.evaluate(() => typeof window.__DTPILOT_REACT__?.createElement)).toBe("function");
      expect(fromRemote.some((file) => file.endsWith("/remoteEntry.js"))).toBe(true);
      const ownCopies = fromRemote.filter((file) => /prebuild__(react|antd)/.test(file));
      expect(ownCopies, "the remote's own copies of shared libraries").toEqual([]);
    });
  }
});

declare global {
  interface Window {
    __DTPILOT_REACT__?: { createElement: unknown };
    __DTPILOT_SHARED__?: Record<string, Record<string, boolean>>;
  }
}

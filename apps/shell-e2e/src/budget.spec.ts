/**
 * The performance budget, measured as a browser with an empty cache lives it (Debian's Chromium, this machine):
 *
 * - opening `/` signed out until the login form takes input: milliseconds (the page's own clock, from the start of
 *   the navigation; the median of three fresh browsers), and bytes on the wire (each response's body as sent, brotli
 *   or gzip), JavaScript also as its gzip size (what the goal of ≤ 250 KB counts);
 * - what the login page prefetches while the visitor types (the signed-in shell's startup files);
 * - for one account of each role, the login click until the landing page shows its first data: milliseconds and
 *   bytes on the wire after the click (none of the prefetched startup files is fetched again);
 * - the same landing opened cold (signed in, empty cache): what the per-component split of Ant Design is for;
 * - each remote's entry (always revalidated, so small);
 * - the roster list's answer through the shell's proxy, plain, brotli and gzip.
 *
 * The tests measure; the last one prints every figure as one table (and keeps them in the run's metrics file), then
 * fails for each figure above its budget (see BUDGETS).
 */
import http from "node:http";
import { gzipSync } from "node:zlib";
import { expect, test, type Browser, type Page, type Request } from "@playwright/test";
import { apiAs, query } from "./support/api";
import { PASSWORD, REMOTES, remoteUrl, SHELL_URL } from "./support/env";
import { recordMetric } from "./support/metrics";

const KB = 1024;
const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10;

/**
 * Budgets; bytes are on the wire unless named gzip. Measured on this machine (2 cores, shared with other work):
 * login page ~175–200 KB on the wire (~207 KB gzip JS), 0.5–1.2 s; after the login click 29–38 KB (provider 115–120 KB,
 * its landing uses components the shell does not), 1.6–3.5 s on a quiet machine and up to 7.5 s under other work's
 * load; cold landings 465–550 KB. Budgets are those figures with ~30 % headroom, the worst time taken for time (the
 * login page's 1.5 s and 250 KB are the goals themselves).
 */
const BUDGETS = {
  login: { ms: 1500, jsGzipBytes: 250 * KB, wireBytes: 260 * KB },
  /** Startup files fetched again after the login click (the login page prefetched them all). */
  startupFilesAfterClickBytes: 0,
  landing: {
    county: { ms: 10000, wireBytes: 50 * KB, coldWireBytes: 615 * KB },
    enterprise: { ms: 10000, wireBytes: 40 * KB, coldWireBytes: 605 * KB },
    provider: { ms: 10000, wireBytes: 160 * KB, coldWireBytes: 715 * KB },
    province: { ms: 10000, wireBytes: 46 * KB, coldWireBytes: 615 * KB },
    city: { ms: 10000, wireBytes: 46 * KB, coldWireBytes: 615 * KB },
    reviewer: { ms: 10000, wireBytes: 46 * KB, coldWireBytes: 615 * KB },
  },
  /** Each remote's entry (remoteEntry.js), gzip. */
  remoteEntryGzipBytes: 50 * KB,
  /** The roster list's compressed answer, as a share of the plain one (measured 0.24 brotli, 0.26 gzip). */
  rosterCompressedRatio: 0.35,
};

type Role = keyof typeof BUDGETS.landing;
interface Landing {
  role: Role;
  username: string;
  app: "county" | "enterprise" | "provider" | "province";
  /** The element that appears with the landing's first data. */
  firstData: string;
}
const LANDINGS: Landing[] = [
  { role: "county", username: "county-jiangyin", app: "county", firstData: "county-name" },
  { role: "enterprise", username: "ent-jiangyin-1", app: "enterprise", firstData: "enterprise-name" },
  { role: "provider", username: "provider-1", app: "provider", firstData: "provider-name" },
  { role: "province", username: "province", app: "province", firstData: "county-total" },
  { role: "city", username: "city-wuxi", app: "province", firstData: "county-total" },
  { role: "reviewer", username: "reviewer", app: "province", firstData: "county-total" },
];

interface Transfer {
  url: string;
  /** Fetched ahead for a later page (`<link rel="prefetch">` and its list), not for this one. */
  prefetch: boolean;
  kind: "js" | "css" | "html" | "api" | "other";
  /** The response body as it came over the wire (compressed if it was); 0 from the cache. */
  wireBytes: number;
  /** JavaScript only: its body gzip-compressed (level 6, as common servers do), whatever encoding was used. */
  gzipBytes: number;
  encoding: string;
}

function kindOf(url: string, contentType: string): Transfer["kind"] {
  const path = new URL(url).pathname;
  if (/^\/(trpc|files|admin|health)(\/|$)/.test(path)) return "api";
  if (contentType.includes("javascript")) return "js";
  if (contentType.includes("css")) return "css";
  if (contentType.includes("html")) return "html";
  return "other";
}

async function transferOf(request: Request): Promise<Transfer | null> {
  const response = await request.response();
  if (!response) return null;
  const headers = await response.allHeaders();
  const kind = kindOf(request.url(), headers["content-type"] ?? "");
  // A response from the cache reports no (or a negative) body size.
  const wireBytes = Math.max(0, (await request.sizes()).responseBodySize);
  const body = kind === "js" && wireBytes > 0 ? await response.body().catch(() => null) : null;
  const purpose = `${request.headers()["sec-purpose"] ?? ""} ${request.headers()["purpose"] ?? ""}`;
  return {
    url: request.url(),
    prefetch: purpose.includes("prefetch") || new URL(request.url()).pathname === "/startup-files.json",
    kind,
    wireBytes,
    gzipBytes: body ? gzipSync(body, { level: 6 }).length : 0,
    encoding: headers["content-encoding"] ?? "identity",
  };
}

/** Every response the page receives from now on; `since(mark)` the ones after a `mark()`. */
function watchTransfers(page: Page) {
  const transfers: Promise<Transfer | null>[] = [];
  page.on("requestfinished", (request) => transfers.push(transferOf(request).catch(() => null)));
  return {
    mark: () => transfers.length,
    since: async (mark = 0) => (await Promise.all(transfers.slice(mark))).filter((transfer): transfer is Transfer => transfer !== null),
  };
}

function totals(transfers: Transfer[]) {
  const fetched = transfers.filter((transfer) => transfer.wireBytes > 0);
  const js = fetched.filter((transfer) => transfer.kind === "js");
  const sum = (list: Transfer[], key: "wireBytes" | "gzipBytes") => list.reduce((total, transfer) => total + transfer[key], 0);
  return {
    requests: fetched.length,
    jsFiles: js.length,
    jsWireBytes: sum(js, "wireBytes"),
    jsGzipBytes: sum(js, "gzipBytes"),
    apiWireBytes: sum(
      fetched.filter((transfer) => transfer.kind === "api"),
      "wireBytes",
    ),
    wireBytes: sum(fetched, "wireBytes"),
  };
}

/** The login form taking input, timed by the page itself from the start of its navigation (redirect included). */
async function loginFormReadyAt(page: Page): Promise<number> {
  const ready = await page.waitForFunction(
    () => {
      const input = document.querySelector<HTMLInputElement>("input#username");
      return input && !input.disabled && input.getBoundingClientRect().width > 0 ? performance.now() : false;
    },
    undefined,
    { polling: "raf" },
  );
  return Math.round((await ready.jsonValue()) as number);
}

/** Signed-in shell's startup files, as the login page prefetches them. */
async function startupFiles(): Promise<Set<string>> {
  const response = await fetch(`${SHELL_URL}/startup-files.json`);
  expect(response.ok, "the shell's build lists its startup files").toBe(true);
  const { files } = (await response.json()) as { files: string[] };
  return new Set(files);
}

/** A GET through the shell's proxy with an explicit Accept-Encoding; the body's size as it came over the wire. */
function wireSize(path: string, cookie: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${SHELL_URL}${path}`, { headers: { cookie, "accept-encoding": acceptEncoding } }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve({ bytes, encoding: response.headers["content-encoding"] ?? "identity" }));
      })
      .on("error", reject);
  });
}

interface Row {
  what: string;
  ms?: number;
  totals: ReturnType<typeof totals>;
  budget: string;
}
interface Check {
  what: string;
  value: number;
  limit: number;
}
const rows: Row[] = [];
const checks: Check[] = [];
const compression: string[] = [];

function printTables() {
  const header = ["measured (empty cache)", "ms", "requests", "JS files", "JS wire KB", "JS gzip KB", "API KB", "total wire KB", "budget"];
  const lines = rows.map((row) => [
    row.what,
    row.ms === undefined ? "" : String(row.ms),
    String(row.totals.requests),
    String(row.totals.jsFiles),
    String(kb(row.totals.jsWireBytes)),
    String(kb(row.totals.jsGzipBytes)),
    String(kb(row.totals.apiWireBytes)),
    String(kb(row.totals.wireBytes)),
    row.budget,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (line: string[]) => line.map((cell, column) => (column === 0 || column === header.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(" │ ");
  console.log(["", "Performance budget", format(header), widths.map((width) => "─".repeat(width)).join("─┼─"), ...lines.map(format), "", ...compression, ""].join("\n"));
}

/** Opens / signed out in a fresh browser context: the login form's time and what came over the wire. */
async function openSignedOut(browser: Browser) {
  const context = await browser.newContext({ baseURL: SHELL_URL, locale: "zh-CN" });
  const page = await context.newPage();
  const transfers = watchTransfers(page);
  await page.goto("/", { waitUntil: "commit" });
  const ms = await loginFormReadyAt(page);
  const ready = transfers.mark();
  await expect(page).toHaveURL(/\/login$/);
  const measured = { ms, totals: totals((await transfers.since()).slice(0, ready).filter((transfer) => !transfer.prefetch)) };
  await context.close();
  return measured;
}

test.describe("performance budget", () => {
  // One worker, in order: the last test judges what the others measured.
  test.describe.configure({ mode: "serial" });

  test("opening / signed out shows the login form quickly, without the shared bundle", async ({ browser }) => {
    const runs = [await openSignedOut(browser), await openSignedOut(browser), await openSignedOut(browser)];
    const ms = runs.map((run) => run.ms).sort((a, b) => a - b)[1]!;
    const login = runs[0]!.totals;
    rows.push({ what: "open / → login form (median of 3)", ms, totals: login, budget: `≤ ${BUDGETS.login.ms} ms, JS ≤ ${kb(BUDGETS.login.jsGzipBytes)} KB gzip, ≤ ${kb(BUDGETS.login.wireBytes)} KB` });
    recordMetric("budget", "login", { ms, runsMs: runs.map((run) => run.ms), ...login });
    checks.push(
      { what: "JavaScript before the login form (gzip bytes)", value: login.jsGzipBytes, limit: BUDGETS.login.jsGzipBytes },
      { what: "bytes on the wire before the login form", value: login.wireBytes, limit: BUDGETS.login.wireBytes },
      { what: "ms from opening / until the login form takes input", value: ms, limit: BUDGETS.login.ms },
    );
  });

  for (const landing of LANDINGS) {
    test(`${landing.role}: the login click reaches the ${landing.app} landing's first data within its budget`, async ({ page }) => {
      const budget = BUDGETS.landing[landing.role];
      const startup = await startupFiles();
      const transfers = watchTransfers(page);
      await page.goto("/");
      await loginFormReadyAt(page);
      await page.getByLabel("用户名").fill(landing.username);
      await page.getByLabel("密码").fill(PASSWORD);
      // A visitor takes a few seconds to type: the login page's prefetch is done by the click.
      await page.waitForFunction(() => {
        const links = [...document.querySelectorAll<HTMLLinkElement>("link[rel=prefetch]")];
        return links.length > 0 && links.every((link) => performance.getEntriesByName(link.href).length > 0);
      });
      const typed = transfers.mark();
      const prefetched = totals((await transfers.since(0)).slice(0, typed));

      const clicked = Date.now();
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await page.getByTestId(landing.firstData).waitFor();
      const ms = Date.now() - clicked;
      await expect(page).toHaveURL(new RegExp(`/${landing.app}$`));
      const timeline = await page.evaluate(() => {
        const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
        const last = (pattern: RegExp) => Math.round(Math.max(0, ...resources.filter((entry) => pattern.test(entry.name)).map((entry) => entry.responseEnd)));
        return {
          now: Math.round(performance.now()),
          redirectAndHtml: Math.round(navigation.responseEnd),
          domContentLoaded: Math.round(navigation.domContentLoadedEventEnd),
          authMe: last(/auth\.me/),
          remotesJson: last(/remotes\.json/),
          remoteEntry: last(/remoteEntry\.js\?/),
          lastScript: last(/\.js($|\?)/),
          lastApi: last(/\/trpc\//),
        };
      });

      const afterClickTransfers = await transfers.since(typed);
      const afterClick = totals(afterClickTransfers);
      const startupRefetched = afterClickTransfers.filter(
        (transfer) => transfer.wireBytes > 0 && new URL(transfer.url).origin === SHELL_URL && startup.has(new URL(transfer.url).pathname),
      );
      rows.push({
        what: `${landing.role} (${landing.username}): click → first data`,
        ms,
        totals: afterClick,
        budget: `≤ ${budget.ms} ms, ≤ ${kb(budget.wireBytes)} KB (the login page had prefetched ${kb(prefetched.wireBytes)} KB)`,
      });
      recordMetric("budget", `landing.${landing.role}`, { ms, timeline, prefetchedWireBytes: prefetched.wireBytes, ...afterClick });

      // The cold landing: signed in, empty cache, the landing's URL opened.
      const cold = await page.context().browser()!.newContext({ baseURL: SHELL_URL, locale: "zh-CN" });
      await cold.addCookies(await page.context().cookies());
      const coldPage = await cold.newPage();
      const coldTransfers = watchTransfers(coldPage);
      const opened = Date.now();
      await coldPage.goto(`/${landing.app}`);
      await coldPage.getByTestId(landing.firstData).waitFor();
      const coldMs = Date.now() - opened;
      await coldPage.waitForLoadState("networkidle");
      const coldTotals = totals(await coldTransfers.since());
      // The files behind the figure, largest first, for whoever has to bring it down.
      const files = (await coldTransfers.since())
        .filter((transfer) => transfer.wireBytes > 0)
        .sort((a, b) => b.wireBytes - a.wireBytes)
        .map((transfer) => `${kb(transfer.wireBytes)} KB ${transfer.encoding} ${new URL(transfer.url).host}${new URL(transfer.url).pathname}`);
      await cold.close();
      rows.push({ what: `${landing.role}: /${landing.app} opened cold`, ms: coldMs, totals: coldTotals, budget: `≤ ${kb(budget.coldWireBytes)} KB` });
      recordMetric("budget", `cold.${landing.role}`, { ms: coldMs, ...coldTotals, files });

      checks.push(
        { what: `${landing.role}: ms from the login click until the first data`, value: ms, limit: budget.ms },
        { what: `${landing.role}: bytes on the wire after the login click`, value: afterClick.wireBytes, limit: budget.wireBytes },
        {
          what: `${landing.role}: prefetched startup files fetched again after the click (${startupRefetched.map((transfer) => `${new URL(transfer.url).pathname} ${transfer.wireBytes} B`).join(", ")})`,
          value: startupRefetched.reduce((sum, transfer) => sum + transfer.wireBytes, 0),
          limit: BUDGETS.startupFilesAfterClickBytes,
        },
        { what: `${landing.role}: bytes on the wire of the landing opened cold`, value: coldTotals.wireBytes, limit: budget.coldWireBytes },
      );
    });
  }

  test("each remote's entry is small and always revalidated", async ({ request }) => {
    for (const remote of REMOTES) {
      const response = await request.get(`${remoteUrl(remote)}/remoteEntry.js`);
      expect(response.headers()["cache-control"]).toBe("no-cache");
      const gzipBytes = gzipSync(await response.body(), { level: 6 }).length;
      compression.push(`${remote} remoteEntry.js: ${kb(gzipBytes)} KB gzip (budget ≤ ${kb(BUDGETS.remoteEntryGzipBytes)} KB)`);
      recordMetric("budget", `remoteEntry.${remote}`, { gzipBytes });
      checks.push({ what: `${remote} remoteEntry.js (gzip bytes)`, value: gzipBytes, limit: BUDGETS.remoteEntryGzipBytes });
    }
  });

  test("the roster list comes compressed through the shell's proxy", async () => {
    const county = await apiAs("county-jiangyin");
    await query(county, "roster.listRoster");
    const cookie = (await county.storageState()).cookies.map((entry) => `${entry.name}=${entry.value}`).join("; ");
    const plain = await wireSize("/trpc/roster.listRoster", cookie, "identity");
    const brotli = await wireSize("/trpc/roster.listRoster", cookie, "gzip, deflate, br");
    const gzip = await wireSize("/trpc/roster.listRoster", cookie, "gzip");
    expect([plain.encoding, brotli.encoding, gzip.encoding]).toEqual(["identity", "br", "gzip"]);
    const ratio = (bytes: number) => Math.round((bytes / plain.bytes) * 1000) / 1000;
    compression.push(
      `roster.listRoster (county-jiangyin) through the proxy: plain ${kb(plain.bytes)} KB, brotli ${kb(brotli.bytes)} KB (${ratio(brotli.bytes)}), gzip ${kb(gzip.bytes)} KB (${ratio(gzip.bytes)})`,
    );
    recordMetric("budget", "rosterList", { plainBytes: plain.bytes, brotliBytes: brotli.bytes, gzipBytes: gzip.bytes });
    checks.push(
      { what: "roster list, brotli, share of the plain answer", value: ratio(brotli.bytes), limit: BUDGETS.rosterCompressedRatio },
      { what: "roster list, gzip, share of the plain answer", value: ratio(gzip.bytes), limit: BUDGETS.rosterCompressedRatio },
    );
    await county.dispose();
  });

  test("every figure is within its budget", () => {
    printTables();
    expect(checks.length, "figures measured").toBe(3 + 4 * LANDINGS.length + REMOTES.length + 2);
    for (const check of checks) expect.soft(check.value, check.what).toBeLessThanOrEqual(check.limit);
  });
});

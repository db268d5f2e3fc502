import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { apiAs, query, type EnterpriseRow } from "./support/api";
import { signIn } from "./support/session";

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

test.describe("the roster export (XLSX)", () => {
  test.setTimeout(120_000);

  test("county-jiangyin exports its roster: progress is shown, the file downloads and lists exactly its enterprises", async ({ page }) => {
    const api = await apiAs("county-jiangyin");
    const roster = await query<{ entries: { status: string; enterprise: EnterpriseRow }[] }>(api, "roster.listRoster");
    const enterprises = roster.entries.filter((entry) => entry.status === "ACTIVE").map((entry) => entry.enterprise);
    await api.dispose();
    expect(enterprises.length).toBeGreaterThan(0);

    await signIn(page, "county-jiangyin");
    await page.getByRole("menuitem", { name: "试点企业改造名单" }).click();
    await expect(page.getByTestId("roster-table")).toContainText(enterprises[0]!.name);

    await page.getByRole("button", { name: "导出名单 (XLSX)" }).click();
    const current = page.getByTestId("export-current");
    await expect(current.getByRole("progressbar")).toBeVisible();
    await expect(current).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 60_000 });
    await expect(current.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");

    // The history names who asked, when, what and how it went.
    const history = page.getByTestId("export-history");
    const newest = history.getByRole("row").nth(1);
    await expect(newest).toContainText("江阴市工信局");
    await expect(newest).toContainText("已完成");
    await expect(newest).toContainText(/\d+(\.\d)? (B|KB|MB)/);

    const downloading = page.waitForEvent("download");
    await current.getByRole("link", { name: "下载" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const rows: { creditCode: string; cells: string[] }[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => {
        const cells = (row.values as unknown[]).slice(1).map((value) => (value === null || value === undefined ? "" : String(value).trim()));
        const creditCode = cells.find((cell) => CREDIT_CODE.test(cell));
        if (creditCode) rows.push({ creditCode, cells });
      }),
    );
    const expected = [...enterprises].map((enterprise) => enterprise.creditCode).sort();
    expect(rows.map((row) => row.creditCode).sort()).toEqual(expected);
    for (const enterprise of enterprises) {
      const row = rows.find((candidate) => candidate.creditCode === enterprise.creditCode);
      expect(row?.cells).toContain(enterprise.name);
    }
  });
});

import type { Principal } from "@dtpilot/domain";
import { translateError } from "@dtpilot/i18n";
import { defineRulesFor, packAppRules } from "@dtpilot/permissions";
import { AppProviders } from "@dtpilot/app-root";
import { SessionProvider, type Me } from "@dtpilot/data-access";
import { formatBytes, i18n, registerMessages } from "@dtpilot/ui";
import { stubTRPCClient, type StubCall } from "@dtpilot/data-access/testing";
import { QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter, useLocation } from "react-router";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { countyEn } from "../locales/en";
import { countyZhCN } from "../locales/zh-CN";
import { EnterprisesPage } from "../pages/EnterprisesPage";
import { JIANGYIN, SUB_INDUSTRY, creditCode, pagedRoster, pilotEnterprise, rosterView, type ListRosterCall } from "./roster-test-fixtures";
import type { RosterImportAnswer } from "./roster-types";

const county: Principal = { userId: "u-county", role: "COUNTY_ADMIN", scope: { kind: "county", countyId: JIANGYIN } };

beforeAll(async () => {
  registerMessages("county", { "zh-CN": countyZhCN, en: countyEn });
  await i18n.changeLanguage("zh-CN");
});

type Handlers = Record<string, (input: unknown) => unknown>;

/** The page's URL search, shown where a test can read it. */
function SearchProbe() {
  return <output data-testid="location-search">{useLocation().search}</output>;
}

/** The roster page (/county/enterprises, with `search`) on a tRPC client answering from `handlers` by procedure path. */
function renderPage(handlers: Handlers, search = "") {
  const all: Handlers = { "documents.listExports": () => ({ items: [], total: 0, page: 1, pageSize: 20 }), "roster.listRosterChanges": () => ({ items: [], total: 0, page: 1, pageSize: 20, pendingCount: 0 }), ...handlers };
  const { client, calls: recorded } = stubTRPCClient(all);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const me = { rules: packAppRules(defineRulesFor(county)), county: { code: JIANGYIN, name: "江阴市" } } as unknown as Me;
  render(
    <MemoryRouter initialEntries={[`/county/enterprises${search}`]}>
      <AppProviders queryClient={queryClient} trpcClient={client}>
        <SessionProvider me={me}>
          <EnterprisesPage basePath="/county" />
          <SearchProbe />
        </SessionProvider>
      </AppProviders>
    </MemoryRouter>,
  );
  return recorded;
}

/** What the page asked roster.listRoster, last first. */
const rosterCalls = (calls: StubCall[]) => calls.filter((call) => call.path === "roster.listRoster").map((call) => call.input as ListRosterCall);
const lastRosterCall = (calls: StubCall[]) => rosterCalls(calls).at(-1);
const search = () => new URLSearchParams(screen.getByTestId("location-search").textContent ?? "");
/** The roster's pagination (the other tables on the page have a single page, and hide theirs). */
const pageButton = (page: string) => screen.getByTitle(page);
const columnHeader = (name: string) => within(screen.getByTestId("roster-table")).getAllByRole("columnheader", { name: new RegExp(name.replace(/[（）]/g, ".")) })[0]!;
const serials = () => shownRows().map((row) => row.querySelector("td")!.textContent);

function apiError(code: string, message: string, field?: string) {
  return new TRPCClientError(message, { result: { error: { message, code: -32000, data: { code, ...(field ? { field } : {}) } } } });
}

const entries = [
  pilotEnterprise(1, { name: "江阴甲精密机械有限公司", specialised: true, complete: true, providers: [{ id: "p1", name: "无锡数智科技有限公司" }] }),
  pilotEnterprise(2, { name: "江阴乙五金制品厂", scale: "BELOW", lastYearRevenue: "860" }),
  pilotEnterprise(3, { name: "江阴丙纺织有限公司", specialised: true }),
];
const rowOf = (serial: number) => screen.getByTestId(`roster-row-${creditCode(serial)}`);
const shownRows = () => within(screen.getByTestId("roster-table")).queryAllByTestId(/^roster-row-/);

describe("the roster page", { timeout: 30_000 }, () => {
  it("lists the enterprises with their file's completeness, and the count against the region's minimum", async () => {
    renderPage({ "roster.listRoster": () => rosterView(entries) });
    const first = await screen.findByTestId(`roster-row-${creditCode(1)}`);
    expect(first.textContent).toContain("江阴甲精密机械有限公司");
    expect(first.textContent).toContain(creditCode(1));
    expect(first.textContent).toContain("无锡数智科技有限公司");
    expect(first.textContent).toContain("在册");
    expect(screen.getByTestId(`roster-completeness-${creditCode(1)}`).getAttribute("data-percentage")).toBe("100");
    expect(screen.getByTestId(`roster-completeness-${creditCode(2)}`).textContent).toContain("50%");
    expect(rowOf(2).textContent).toContain("规下");
    expect(rowOf(2).textContent).toContain("860");
    expect(screen.getByTestId("roster-count").textContent).toBe("已列入 3 家 / 原则上不少于 100 家");
    expect(screen.getByTestId("roster-batch").textContent).toBe("试点批次：2026年度");
    expect(screen.getByTestId("roster-add").textContent).toBe("新增企业");
    expect(screen.queryByTestId("roster-frozen")).toBeNull();
  });

  it("asks the server for the first page of 20, and for each filter, from page 1, keeping the filter in the URL", async () => {
    const calls = renderPage({ "roster.listRoster": pagedRoster(entries) });
    await screen.findByTestId(`roster-row-${creditCode(1)}`);
    expect(rosterCalls(calls)[0]).toEqual({ page: 1, pageSize: 20 });
    expect(shownRows()).toHaveLength(3);
    fireEvent.click(within(screen.getByTestId("roster-filter-specialised")).getByText("是"));
    await waitFor(() => expect(shownRows()).toHaveLength(2));
    expect(lastRosterCall(calls)).toEqual({ filter: { specialised: true }, page: 1, pageSize: 20 });
    expect(search().get("specialised")).toBe("true");
    expect(screen.queryByTestId(`roster-row-${creditCode(2)}`)).toBeNull();
    expect(rowOf(3).querySelector("td")!.textContent).toBe("2"); // 序号 follows the list the server answered
    fireEvent.click(within(screen.getByTestId("roster-filter-specialised")).getByText("否"));
    await waitFor(() => expect(shownRows()).toHaveLength(1));
    expect(lastRosterCall(calls)).toEqual({ filter: { specialised: false }, page: 1, pageSize: 20 });
    fireEvent.click(screen.getByTestId("roster-filter-reset"));
    await waitFor(() => expect(shownRows()).toHaveLength(3));
    expect(lastRosterCall(calls)).toEqual({ page: 1, pageSize: 20 });
    expect(search().toString()).toBe("");
  });

  it("pages through the server's pages: 序号 counts across pages, the page lives in the URL, a new filter starts at page 1", async () => {
    const many = Array.from({ length: 25 }, (_, index) => pilotEnterprise(index + 1, { specialised: index % 2 === 0 }));
    const calls = renderPage({ "roster.listRoster": pagedRoster(many) }, "?page=2");
    await screen.findByTestId(`roster-row-${creditCode(21)}`);
    expect(rosterCalls(calls)[0]).toEqual({ page: 2, pageSize: 20 });
    expect(serials()).toEqual(["21", "22", "23", "24", "25"]);
    expect(screen.getByText("共 25 家")).toBeTruthy();

    fireEvent.click(pageButton("1"));
    await screen.findByTestId(`roster-row-${creditCode(1)}`);
    expect(lastRosterCall(calls)).toEqual({ page: 1, pageSize: 20 });
    expect(search().get("page")).toBeNull();
    expect(serials()[0]).toBe("1");

    fireEvent.click(pageButton("2"));
    await screen.findByTestId(`roster-row-${creditCode(25)}`);
    expect(search().get("page")).toBe("2");
    fireEvent.click(within(screen.getByTestId("roster-filter-specialised")).getByText("是"));
    await waitFor(() => expect(lastRosterCall(calls)).toEqual({ filter: { specialised: true }, page: 1, pageSize: 20 }));
    expect(search().get("page")).toBeNull();
    await waitFor(() => expect(serials()).toHaveLength(13));
  });

  it("keeps the numbers of the rows on screen while the next page loads (序号 of the page they came from)", async () => {
    const many = Array.from({ length: 25 }, (_, index) => pilotEnterprise(index + 1));
    const answer = pagedRoster(many);
    // Page 2 never answers: the first page stays on screen, dimmed, as it was.
    renderPage({ "roster.listRoster": (input) => ((input as ListRosterCall).page === 2 ? new Promise(() => {}) : answer(input)) });
    await screen.findByTestId(`roster-row-${creditCode(1)}`);
    fireEvent.click(pageButton("2"));
    await waitFor(() => expect(search().get("page")).toBe("2"));
    expect(serials().slice(0, 3)).toEqual(["1", "2", "3"]);
  });

  it("asks for the order chosen, from page 1, and for another page size, keeping both in the URL", async () => {
    const many = Array.from({ length: 25 }, (_, index) => pilotEnterprise(index + 1, { lastYearRevenue: String(1000 + index) }));
    const calls = renderPage({ "roster.listRoster": pagedRoster(many) }, "?page=2&pageSize=10");
    await screen.findByTestId(`roster-row-${creditCode(11)}`);
    expect(rosterCalls(calls)[0]).toEqual({ page: 2, pageSize: 10 });

    fireEvent.click(columnHeader("上年度主营业务收入（万元）"));
    await waitFor(() => expect(lastRosterCall(calls)).toEqual({ sort: { key: "revenue", direction: "ascend" }, page: 1, pageSize: 10 }));
    expect(search().get("sort")).toBe("revenue");
    expect(search().get("order")).toBe("ascend");
    fireEvent.click(columnHeader("上年度主营业务收入（万元）"));
    await waitFor(() => expect(lastRosterCall(calls)?.sort).toEqual({ key: "revenue", direction: "descend" }));
    await waitFor(() => expect(serials()[0]).toBe("1"));
    expect(shownRows()[0]!.textContent).toContain("1024");
  });

  it("keeps the page shown while the next one loads", async () => {
    const many = Array.from({ length: 25 }, (_, index) => pilotEnterprise(index + 1));
    const answer = pagedRoster(many);
    let release: () => void = () => undefined;
    const calls = renderPage({
      "roster.listRoster": (input) =>
        (input as ListRosterCall).page === 2 ? new Promise((resolve) => (release = () => resolve(answer(input)))) : answer(input),
    });
    await screen.findByTestId(`roster-row-${creditCode(1)}`);
    fireEvent.click(pageButton("2"));
    await waitFor(() => expect(lastRosterCall(calls)).toEqual({ page: 2, pageSize: 20 }));
    // Page 1 stays, marked as loading, instead of an empty table or a spinner page.
    expect(shownRows()).toHaveLength(20);
    await waitFor(() => expect(document.querySelector(".ant-table-wrapper .ant-spin-spinning")).not.toBeNull());
    expect(shownRows()).toHaveLength(20);
    release();
    await screen.findByTestId(`roster-row-${creditCode(21)}`);
    expect(shownRows()).toHaveLength(5);
  });

  it("exports the list as filtered through the server's export job, with the filter of the URL", async () => {
    const requestRosterExport = vi.fn(() => ({ id: "e1" }));
    renderPage(
      {
        "roster.listRoster": pagedRoster(entries),
        "roster.requestRosterExport": requestRosterExport,
        "documents.getExport": () => ({ id: "e1", status: "QUEUED", progress: 0, fileName: "x.xlsx", error: null }),
      },
      `?specialised=true&subIndustry=${encodeURIComponent(SUB_INDUSTRY)}`,
    );
    await screen.findByTestId(`roster-row-${creditCode(1)}`);
    // One export path: no file is built from the rows in the browser.
    expect(screen.queryByTestId("roster-export-shown")).toBeNull();
    expect(screen.getByTestId("roster-export-scope").textContent).toBe("按名单当前的筛选条件导出");
    fireEvent.click(screen.getByTestId("roster-export-request"));
    await waitFor(() => expect(requestRosterExport).toHaveBeenCalledWith({ subIndustries: [SUB_INDUSTRY], specialised: true }));

    fireEvent.click(screen.getByTestId("roster-filter-reset"));
    await waitFor(() => expect(screen.getByTestId("roster-export-scope").textContent).toBe("导出名单中的全部企业（在册及已移出）"));
  });

  it("names the enterprise a change request removes from the request itself, without reading the whole roster", async () => {
    const many = Array.from({ length: 130 }, (_, index) => pilotEnterprise(index + 1));
    const removed = many[120]!;
    const change = {
      id: "c1",
      kind: "REMOVE",
      reason: "迁出",
      addition: null,
      status: "PENDING",
      createdAt: new Date("2026-04-01T00:00:00Z"),
      decidedAt: null,
      decisionComment: null,
      requestedBy: { id: "u1", displayName: "江阴市工信局" },
      decidedBy: null,
      removedPilotEnterpriseId: removed.id,
      removedEnterprise: { name: removed.enterprise.name, creditCode: removed.enterprise.creditCode },
    };
    const calls = renderPage({ "roster.listRoster": pagedRoster(many, { frozen: true, canAdd: false }), "roster.listRosterChanges": () => ({ items: [change], total: 1, page: 1, pageSize: 20, pendingCount: 1 }) });
    const card = await screen.findByTestId("roster-changes");
    await waitFor(() => expect(card.textContent).toContain(removed.enterprise.name));
    expect(rosterCalls(calls).every((input) => input.pageSize !== 100)).toBe(true);
  });

  it("does not read the whole roster when no change request needs it", async () => {
    const calls = renderPage({ "roster.listRoster": pagedRoster(entries) });
    await screen.findByTestId(`roster-row-${creditCode(1)}`);
    await screen.findByTestId("roster-changes");
    expect(rosterCalls(calls).every((input) => input.pageSize === 20)).toBe(true);
  });

  it("says the roster is locked once the plan is approved, and offers neither adding nor importing", async () => {
    renderPage({ "roster.listRoster": () => rosterView(entries, { frozen: true, canAdd: false, planState: "APPROVED" }) });
    expect((await screen.findByTestId("roster-frozen")).textContent).toBe("实施方案已批准，名单已锁定；调整须经设区市备案同意");
    expect(screen.queryByTestId("roster-add")).toBeNull();
    expect(screen.queryByTestId("roster-import")).toBeNull();
    expect(screen.queryByRole("button", { name: /新增企业/ })).toBeNull();
  });

  it("compares the plan's targets with the enrolled enterprises, listing sub-industries the plan does not name", async () => {
    const comparison = (above: [number, number], below: [number, number], specialised: [number, number]) => ({
      plannedAboveScale: { target: above[0], enrolled: above[1] },
      plannedBelowScale: { target: below[0], enrolled: below[1] },
      plannedTotal: { target: above[0] + below[0], enrolled: above[1] + below[1] },
      plannedSpecialised: { target: specialised[0], enrolled: specialised[1] },
    });
    const targets = {
      subIndustries: [{ clusterIndex: 0, subIndustryIndex: 0, subIndustry: SUB_INDUSTRY, ...comparison([80, 1], [30, 1], [10, 1]) }],
      unplanned: [{ subIndustry: "纺织—化纤", aboveScale: 1, belowScale: 0, specialised: 1, total: 1 }],
      total: comparison([80, 2], [30, 1], [10, 2]),
    };
    renderPage({ "roster.listRoster": () => rosterView(entries, { targets }) });
    const card = await screen.findByTestId("roster-targets");
    expect(within(card).getByText("实施方案目标与已列入名单对比")).toBeTruthy();
    expect(within(card).getByTestId("roster-target-total-plannedTotal").textContent).toBe("已列入 3 / 目标 110");
    expect(within(card).getByTestId(`roster-target-planned:${SUB_INDUSTRY}-plannedSpecialised`).textContent).toBe("已列入 1 / 目标 10");
    expect(within(screen.getByTestId("roster-targets-unplanned")).getByText("纺织—化纤")).toBeTruthy();
  });

  it("shows every problem of a refused import with its row, column and message", async () => {
    const answer: RosterImportAnswer = {
      imported: 0,
      errors: [
        { rowNumber: 5, column: "creditCode", columnLabel: "企业信用代码", message: "统一社会信用代码校验位不正确，请核对是否有错字" },
        { rowNumber: 7, column: "scale", columnLabel: "企业规模（规上/规下）", message: "“大型”无法识别，请填写“规上”或“规下”" },
      ],
      errorCount: 2,
    };
    const importRoster = vi.fn(() => answer);
    renderPage({ "roster.listRoster": () => rosterView(entries), "roster.importRoster": importRoster });
    fireEvent.click(await screen.findByTestId("roster-import"));
    expect((await screen.findByTestId("roster-template-download")).getAttribute("href")).toBe("/files/roster-import-template");
    const input = screen.getByTestId("roster-import-upload").querySelector("input[type=file]")!;
    const file = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], "名单.xlsx");
    fireEvent.change(input, { target: { files: [file] } });

    const table = await screen.findByTestId("roster-import-errors");
    expect(screen.getByTestId("roster-import-errors-notice").textContent).toBe("文件中有 2 处错误，未导入任何企业，请修改后重新上传");
    const rows = within(table).getAllByRole("row");
    expect(rows[0]!.textContent).toBe("行号列问题");
    expect(rows[1]!.textContent).toBe("5企业信用代码统一社会信用代码校验位不正确，请核对是否有错字");
    expect(rows[2]!.textContent).toBe("7企业规模（规上/规下）“大型”无法识别，请填写“规上”或“规下”");
    expect(importRoster).toHaveBeenCalledWith({ file: btoa("PK\x03\x04") });
    expect(screen.queryByTestId("roster-import-success")).toBeNull();
  });

  it("refuses a file that is not .xlsx before sending it", async () => {
    const importRoster = vi.fn();
    renderPage({ "roster.listRoster": () => rosterView(entries), "roster.importRoster": importRoster });
    fireEvent.click(await screen.findByTestId("roster-import"));
    const input = (await screen.findByTestId("roster-import-upload")).querySelector("input[type=file]")!;
    fireEvent.change(input, { target: { files: [new File(["a,b"], "名单.csv")] } });
    expect((await screen.findByTestId("roster-import-failed")).textContent).toBe("只能上传 .xlsx 格式的文件");
    expect(importRoster).not.toHaveBeenCalled();
  });

  it("says how many errors the file has in all when the API lists only the first ones", async () => {
    const shown = { rowNumber: 5, column: "scale" as const, columnLabel: "企业规模（规上/规下）", message: "“大型”无法识别，请填写“规上”或“规下”" };
    renderPage({ "roster.listRoster": () => rosterView(entries), "roster.importRoster": () => ({ imported: 0, errors: [shown, shown], errorCount: 4000 }) });
    fireEvent.click(await screen.findByTestId("roster-import"));
    const input = (await screen.findByTestId("roster-import-upload")).querySelector("input[type=file]")!;
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], "名单.xlsx")] } });
    expect((await screen.findByTestId("roster-import-errors-notice")).textContent).toBe(
      "文件中有 4000 处错误，未导入任何企业；以下列出前 2 处，请修改后重新上传",
    );
  });

  it("refuses a file over 2 MB before sending it, in the API's words", async () => {
    const importRoster = vi.fn();
    renderPage({ "roster.listRoster": () => rosterView(entries), "roster.importRoster": importRoster });
    fireEvent.click(await screen.findByTestId("roster-import"));
    const input = (await screen.findByTestId("roster-import-upload")).querySelector("input[type=file]")!;
    fireEvent.change(input, { target: { files: [new File([new Uint8Array(2 * 1024 * 1024 + 1)], "名单.xlsx")] } });
    // The API's own words, naming the file the county chose and its size.
    expect((await screen.findByTestId("roster-import-failed")).textContent).toBe(
      `${translateError("zh-CN", "roster.import.tooLarge", { maximum: "2 MB" })}（名单.xlsx，${formatBytes(2 * 1024 * 1024 + 1)}）`,
    );
    expect(screen.getByTestId("roster-import-failed").textContent).toContain("文件过大：导入文件不能超过 2 MB");
    expect(importRoster).not.toHaveBeenCalled();
  });

  it("reports a clean import and reloads the roster", async () => {
    let listed = 0;
    renderPage({
      "roster.listRoster": () => {
        listed++;
        return rosterView(entries);
      },
      "roster.importRoster": () => ({ imported: 2, errors: [], errorCount: 0 }),
    });
    fireEvent.click(await screen.findByTestId("roster-import"));
    const input = (await screen.findByTestId("roster-import-upload")).querySelector("input[type=file]")!;
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([1, 2, 3])], "名单.xlsx")] } });
    expect((await screen.findByTestId("roster-import-success")).textContent).toBe("已导入 2 家企业");
    await waitFor(() => expect(listed).toBe(2));
  });

  it("checks the credit code as it is typed and shows the API's refusal beside its field, keeping what was typed", async () => {
    const addPilotEnterprise = vi.fn(() => {
      throw apiError("CONFLICT", "该企业已在本批次试点企业名单中", "entry.creditCode");
    });
    renderPage({ "roster.listRoster": () => rosterView(entries), "roster.addPilotEnterprise": addPilotEnterprise });
    fireEvent.click(await screen.findByTestId("roster-add"));
    const form = await screen.findByTestId("roster-add-form");
    const field = (label: string) => within(form).getByLabelText(label);

    fireEvent.change(field("企业信用代码"), { target: { value: "91320281MA0000000X" } });
    expect(await within(form).findByText("不是有效的统一社会信用代码")).toBeTruthy();

    fireEvent.change(field("企业名称"), { target: { value: "江阴丁机械有限公司" } });
    fireEvent.change(field("企业信用代码"), { target: { value: creditCode(1).toLowerCase() } });
    fireEvent.mouseDown(field("所属细分行业"));
    fireEvent.click(await screen.findByTitle(SUB_INDUSTRY));
    fireEvent.click(within(field("企业规模（规上/规下）")).getByLabelText("规上"));
    fireEvent.click(within(field("是否为专精特新中小企业（是/否）")).getByLabelText("否"));
    fireEvent.change(field("上年度主营业务收入（万元）"), { target: { value: "1,200.50" } });
    await waitFor(() => expect(within(form).queryByText("不是有效的统一社会信用代码")).toBeNull());
    fireEvent.click(screen.getByTestId("roster-add-submit"));

    expect(await within(form).findByText("该企业已在本批次试点企业名单中")).toBeTruthy();
    expect(addPilotEnterprise).toHaveBeenCalledWith({
      entry: { name: "江阴丁机械有限公司", creditCode: creditCode(1), subIndustry: SUB_INDUSTRY, scale: "ABOVE", specialised: false, lastYearRevenue: "1200.5" },
    });
    expect((field("企业名称") as HTMLInputElement).value).toBe("江阴丁机械有限公司");
    expect((field("上年度主营业务收入（万元）") as HTMLInputElement).value).toBe("1,200.50");
  });

  it("explains that the plan must name its sub-industries before an enterprise can be added", async () => {
    renderPage({ "roster.listRoster": () => rosterView([], { subIndustries: [] }) });
    fireEvent.click(await screen.findByTestId("roster-add"));
    const notice = await screen.findByTestId("roster-add-no-sub-industries");
    expect(notice.textContent).toContain("请先在实施方案主要数据表中填写细分行业");
    expect(within(notice).getByRole("link").getAttribute("href")).toBe("/county/plan");
    expect((screen.getByTestId("roster-add-submit") as HTMLButtonElement).disabled).toBe(true);
  });
});

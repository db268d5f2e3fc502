import type { Principal } from "@dtpilot/domain";
import { defineRulesFor, packAppRules } from "@dtpilot/permissions";
import { AppProviders } from "@dtpilot/app-root";
import { SessionProvider, type Me } from "@dtpilot/data-access";
import { i18n, registerMessages } from "@dtpilot/ui";
import { stubTRPCClient } from "@dtpilot/data-access/testing";
import { QueryClient } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { beforeAll, describe, expect, it } from "vitest";
import { countyEn } from "../locales/en";
import { countyZhCN } from "../locales/zh-CN";
import { RosterExport } from "./RosterExport";
import { JIANGYIN } from "./roster-test-fixtures";

const county: Principal = { userId: "u-county", role: "COUNTY_ADMIN", scope: { kind: "county", countyId: JIANGYIN } };

beforeAll(async () => {
  registerMessages("county", { "zh-CN": countyZhCN, en: countyEn });
  await i18n.changeLanguage("zh-CN");
});

type Kind = "ROSTER_XLSX" | "PLAN_DOCX";
type Status = "SUCCEEDED" | "FAILED" | "QUEUED";
interface Input {
  kind?: Kind;
  status?: Status;
  page: number;
  pageSize: number;
}

/** 32 finished exports, newest first: roster files and plan documents, one in four failed. */
const EXPORTS = Array.from({ length: 32 }, (_, index) => ({
  id: `00000000-0000-4000-a000-${String(index).padStart(12, "0")}`,
  kind: (index % 2 === 0 ? "ROSTER_XLSX" : "PLAN_DOCX") as Kind,
  status: (index % 4 === 3 ? "FAILED" : "SUCCEEDED") as Status,
  progress: 100,
  parameters: {},
  fileName: `导出文件${index}.${index % 2 === 0 ? "xlsx" : "docx"}`,
  attempts: 1,
  rowCount: null,
  sizeBytes: 2048,
  createdAt: new Date(Date.UTC(2026, 2, 1, 0, 32 - index)),
  startedAt: null,
  finishedAt: null,
  county: { code: JIANGYIN, name: "江阴市" },
  requestedBy: { displayName: "江阴市工信局" },
  error: index % 4 === 3 ? "生成文件时出错，请重新发起导出" : null,
}));

function listExports(input: unknown) {
  const { kind, status, page, pageSize } = input as Input;
  const matching = EXPORTS.filter((item) => (!kind || item.kind === kind) && (!status || item.status === status));
  return { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize };
}

function renderExport(handler: (input: unknown) => unknown = listExports) {
  const { client, calls } = stubTRPCClient({ "documents.listExports": handler });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const me = { rules: packAppRules(defineRulesFor(county)), county: { code: JIANGYIN, name: "江阴市" } } as unknown as Me;
  render(
    <MemoryRouter>
      <AppProviders queryClient={queryClient} trpcClient={client}>
        <SessionProvider me={me}>
          <RosterExport />
        </SessionProvider>
      </AppProviders>
    </MemoryRouter>,
  );
  return calls;
}

const rows = () => within(screen.getByTestId("export-history")).queryAllByRole("row").slice(1);
const inputs = (calls: { path: string; input: unknown }[]) => calls.filter((call) => call.path === "documents.listExports").map((call) => call.input);

/** Picks an option of an antd Select by its label. */
async function choose(testId: string, label: string) {
  fireEvent.mouseDown(within(screen.getByTestId(testId)).getByRole("combobox"));
  fireEvent.click(await screen.findByTitle(label));
}

describe("the county's export history", { timeout: 30_000 }, () => {
  it("shows the newest 20 with the total, each with its kind and outcome", async () => {
    const calls = renderExport();
    await waitFor(() => expect(rows()).toHaveLength(20));
    expect(inputs(calls)[0]).toEqual({ page: 1, pageSize: 20 });
    expect(rows()[0]!.textContent).toContain("试点企业改造名单");
    expect(rows()[0]!.textContent).toContain("已完成");
    expect(rows()[3]!.textContent).toContain("生成文件时出错，请重新发起导出");
    expect(screen.getByText("共 32 个文件")).toBeTruthy();
  });

  it("changes the page size on the server's side, back to page 1", async () => {
    const calls = renderExport();
    await waitFor(() => expect(rows()).toHaveLength(20));
    fireEvent.click(screen.getByTitle("2"));
    await waitFor(() => expect(rows()).toHaveLength(12));
    // The pager's size changer (antd renders the pager beside the table, not inside it).
    fireEvent.mouseDown(within(document.querySelector<HTMLElement>(".ant-pagination-options")!).getByRole("combobox"));
    fireEvent.click(await screen.findByTitle("50 条/页"));
    await waitFor(() => expect(inputs(calls).at(-1)).toEqual({ page: 1, pageSize: 50 }));
    await waitFor(() => expect(rows()).toHaveLength(32));
  });

  it("filters by kind and status on the server, starting again at page 1", async () => {
    const calls = renderExport();
    await waitFor(() => expect(rows()).toHaveLength(20));
    fireEvent.click(screen.getByTitle("2"));
    await waitFor(() => expect(inputs(calls).at(-1)).toEqual({ page: 2, pageSize: 20 }));
    await choose("export-history-kind", "实施方案");
    await waitFor(() => expect(inputs(calls).at(-1)).toEqual({ kind: "PLAN_DOCX", page: 1, pageSize: 20 }));
    await waitFor(() => expect(rows()).toHaveLength(16));
    await choose("export-history-status", "失败");
    await waitFor(() => expect(inputs(calls).at(-1)).toEqual({ kind: "PLAN_DOCX", status: "FAILED", page: 1, pageSize: 20 }));
    await waitFor(() => expect(rows()).toHaveLength(8));
    expect(rows().every((row) => row.textContent?.includes("失败"))).toBe(true);
  });

  it("asks again every second while an export on the page is still being generated", async () => {
    let asked = 0;
    renderExport((input) => {
      asked++;
      const page = listExports(input);
      return asked === 1 ? { ...page, items: [{ ...page.items[0]!, status: "QUEUED", progress: 0 }, ...page.items.slice(1)] } : page;
    });
    await waitFor(() => expect(rows()).toHaveLength(20));
    expect(rows()[0]!.textContent).toContain("排队中");
    await waitFor(() => expect(rows()[0]!.textContent).toContain("已完成"), { timeout: 3_000 });
    const settled = asked;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(asked).toBe(settled);
  });
});

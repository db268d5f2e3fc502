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
import { RosterChangesCard } from "./RosterChangesCard";
import { JIANGYIN } from "./roster-test-fixtures";

const county: Principal = { userId: "u-county", role: "COUNTY_ADMIN", scope: { kind: "county", countyId: JIANGYIN } };

beforeAll(async () => {
  registerMessages("county", { "zh-CN": countyZhCN, en: countyEn });
  await i18n.changeLanguage("zh-CN");
});

type Status = "PENDING" | "APPROVED" | "REFUSED";
interface Input {
  status?: Status;
  page: number;
  pageSize: number;
}

/** 45 requests, newest first; every third awaits the city; the removals name the enterprise they take off. */
const CHANGES = Array.from({ length: 45 }, (_, index) => ({
  id: `00000000-0000-4000-9000-${String(index).padStart(12, "0")}`,
  countyId: JIANGYIN,
  batchId: "b1",
  kind: index % 2 === 0 ? ("REMOVE" as const) : ("ADD" as const),
  reason: `理由${index}`,
  addition: index % 2 === 0 ? null : { name: `拟列入企业${index}`, creditCode: "x", subIndustry: "s", scale: "ABOVE" as const, specialised: false, lastYearRevenue: "1" },
  status: (index % 3 === 0 ? "PENDING" : "APPROVED") as Status,
  createdAt: new Date(Date.UTC(2026, 2, 1, 0, 45 - index)),
  decidedAt: null,
  decisionComment: null,
  requestedBy: { id: "u-county", displayName: "江阴市工信局" },
  decidedBy: null,
  removedPilotEnterpriseId: index % 2 === 0 ? `gone-${index}` : null,
  removedEnterprise: index % 2 === 0 ? { name: `移出企业${index}`, creditCode: "y" } : null,
}));

/** roster.listRosterChanges as the API pages and filters it; `delay` holds answers back until released. */
function listRosterChanges(input: unknown) {
  const { status, page, pageSize } = input as Input;
  const matching = CHANGES.filter((change) => !status || change.status === status);
  return {
    county: { code: JIANGYIN, name: "江阴市", city: { code: "3202", name: "无锡市", region: "SOUTH" } },
    batch: { id: "b1", name: "2026年度", startsOn: new Date("2026-01-01"), endsOn: new Date("2026-12-31") },
    roster: { activeEntries: 3, minimum: 100, frozen: true },
    items: matching.slice((page - 1) * pageSize, page * pageSize),
    total: matching.length,
    page,
    pageSize,
    pendingCount: CHANGES.filter((change) => change.status === "PENDING").length,
  };
}

function renderCard(handler: (input: unknown) => unknown = listRosterChanges) {
  const { client, calls } = stubTRPCClient({ "roster.listRosterChanges": handler });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const me = { rules: packAppRules(defineRulesFor(county)), county: { code: JIANGYIN, name: "江阴市" } } as unknown as Me;
  render(
    <MemoryRouter>
      <AppProviders queryClient={queryClient} trpcClient={client}>
        <SessionProvider me={me}>
          <RosterChangesCard frozen subIndustries={[]} />
        </SessionProvider>
      </AppProviders>
    </MemoryRouter>,
  );
  return calls;
}

const rows = () => within(screen.getByTestId("roster-changes-table")).queryAllByRole("row").slice(1);
const inputs = (calls: { path: string; input: unknown }[]) => calls.filter((call) => call.path === "roster.listRosterChanges").map((call) => call.input);

describe("the county's roster change requests", { timeout: 30_000 }, () => {
  it("shows the first page of 20 with the total, and names the enterprise a removal takes off", async () => {
    const calls = renderCard();
    await waitFor(() => expect(rows()).toHaveLength(20));
    expect(inputs(calls)[0]).toEqual({ page: 1, pageSize: 20 });
    expect(rows()[0]!.textContent).toContain("移出：移出企业0");
    expect(rows()[1]!.textContent).toContain("列入：拟列入企业1");
    expect(screen.getByText("共 45 项")).toBeTruthy();
    expect(screen.getByTestId("roster-changes-pending").textContent).toBe("待设区市备案 15 项");
  });

  it("asks the server for the page chosen and keeps the shown page until it comes", async () => {
    let release: () => void = () => undefined;
    let held = false;
    const calls = renderCard(async (input) => {
      if ((input as Input).page === 3) {
        held = true;
        await new Promise<void>((resolve) => (release = resolve));
      }
      return listRosterChanges(input);
    });
    await waitFor(() => expect(rows()).toHaveLength(20));
    fireEvent.click(screen.getByTitle("3"));
    await waitFor(() => expect(held).toBe(true));
    // The previous page stays on screen while page 3 loads.
    expect(rows()).toHaveLength(20);
    expect(rows()[0]!.textContent).toContain("移出企业0");
    release();
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(rows()[0]!.textContent).toContain("移出企业40");
    expect(inputs(calls).at(-1)).toEqual({ page: 3, pageSize: 20 });
  });

  it("goes back to the last page that has requests when the one shown ran empty", async () => {
    // Between two clicks, requests were decided elsewhere: page 3 no longer exists.
    const calls = renderCard((input) => {
      const page = listRosterChanges(input);
      return page.page === 3 ? { ...page, items: [], total: 30 } : page;
    });
    await waitFor(() => expect(rows()).toHaveLength(20));
    fireEvent.click(screen.getByTitle("3"));
    await waitFor(() => expect(inputs(calls).at(-1)).toEqual({ page: 2, pageSize: 20 }));
    await waitFor(() => expect(rows()).toHaveLength(20));
    expect(rows()[0]!.textContent).toContain("移出企业20");
  });

  it("filters by status on the server and goes back to page 1", async () => {
    const calls = renderCard();
    await waitFor(() => expect(rows()).toHaveLength(20));
    fireEvent.click(screen.getByTitle("2"));
    await waitFor(() => expect(inputs(calls).at(-1)).toEqual({ page: 2, pageSize: 20 }));
    fireEvent.click(within(screen.getByTestId("roster-changes-status")).getByText("待设区市备案"));
    await waitFor(() => expect(inputs(calls).at(-1)).toEqual({ status: "PENDING", page: 1, pageSize: 20 }));
    await waitFor(() => expect(rows()).toHaveLength(15));
    expect(screen.getByText("共 15 项")).toBeTruthy();
    fireEvent.click(within(screen.getByTestId("roster-changes-status")).getByText("全部"));
    await waitFor(() => expect(inputs(calls).at(-1)).toEqual({ page: 1, pageSize: 20 }));
  });
});

import { emptyPlanContent, type ImplementationPlanContent, type PlanState, type Principal } from "@dtpilot/domain";
import { defineRulesFor, packAppRules } from "@dtpilot/permissions";
import { AppProviders } from "@dtpilot/app-root";
import { AppAbilityProvider, type Me } from "@dtpilot/data-access";
import { i18n, registerMessages } from "@dtpilot/ui";
import { stubTRPCClient } from "@dtpilot/data-access/testing";
import { QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { countyEn } from "../locales/en";
import { countyZhCN } from "../locales/zh-CN";
import { PlanPage } from "./PlanPage";
import type { CurrentPlan, PlanView } from "./plan-types";

const PLAN_ID = "00000000-0000-4000-8000-000000000001";
const JIANGYIN = "320281";
const county: Principal = { userId: "u-county", role: "COUNTY_ADMIN", scope: { kind: "county", countyId: JIANGYIN } };

beforeAll(async () => {
  registerMessages("county", { "zh-CN": countyZhCN, en: countyEn });
  await i18n.changeLanguage("zh-CN");
});

/** A plan whose data table is complete and meets 苏南's minimum (B = 110). */
function readyContent(): ImplementationPlanContent {
  const content = emptyPlanContent("江阴市", "无锡市工业和信息化局");
  const cluster = content.dataTable.clusters[0]!;
  const row = cluster.subIndustries[0]!;
  cluster.name = "智能装备";
  row.name = "数控机床";
  row.base = { industrialOutputValue: "120.5", smeTotal: 300, aboveScaleSmeTotal: 150, specialisedSmeTotal: 20 };
  row.targets.plannedAboveScale = 80;
  row.targets.plannedBelowScale = 30;
  return content;
}

function planView(state: PlanState, content: ImplementationPlanContent, editable: boolean): PlanView {
  return {
    id: PLAN_ID,
    countyId: JIANGYIN,
    batchId: "b1",
    state,
    currentVersion: 1,
    county: { code: JIANGYIN, name: "江阴市", city: { code: "3202", name: "无锡市", region: "SOUTH" } },
    batch: { id: "b1", name: "2026年度", startsOn: new Date("2026-01-01T00:00:00Z"), endsOn: new Date("2026-12-31T00:00:00Z") },
    version: { number: 1, revision: 3, content, current: true, createdAt: new Date(), updatedAt: new Date(), submittedAt: null, updatedBy: { displayName: "江阴" } },
    versions: [{ number: 1 }],
    events: [],
    comments: [],
    computed: null,
    fieldErrors: [],
    submissionBlockers: [],
    rosterMinimum: 100,
    editable,
    allowedEvents: editable ? ["SUBMIT"] : [],
  } as unknown as PlanView;
}

function currentPlan(plan: PlanView | null): CurrentPlan {
  return {
    county: { code: JIANGYIN, name: "江阴市", city: { code: "3202", name: "无锡市", region: "SOUTH" } },
    region: { code: "SOUTH", name: "苏南" },
    rosterMinimum: 100,
    batch: { id: "b1", name: "2026年度", startsOn: new Date("2026-01-01T00:00:00Z"), endsOn: new Date("2026-12-31T00:00:00Z") },
    plan,
    canCreate: plan === null,
  } as unknown as CurrentPlan;
}

type Handlers = Record<string, (input: unknown) => unknown>;

/** A tRPC client answering from `handlers` by procedure path, as the API would (errors as TRPCClientError). */
function renderPage(handlers: Handlers) {
  const { client, calls: recorded } = stubTRPCClient(handlers);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProviders queryClient={queryClient} trpcClient={client}>
      <AppAbilityProvider me={{ rules: packAppRules(defineRulesFor(county)) } as unknown as Me}>
        <PlanPage />
      </AppAbilityProvider>
    </AppProviders>,
  );
  return recorded;
}

function apiError(code: string, message: string) {
  return new TRPCClientError(message, { result: { error: { message, code: -32000, data: { code } } } });
}

describe("the plan page", { timeout: 30_000 }, () => {
  it("starts a plan with 编写实施方案 and opens the form", async () => {
    const created = planView("DRAFT", emptyPlanContent("江阴市", "无锡市工业和信息化局"), true);
    const calls = renderPage({ "plan.getCurrentPlan": () => currentPlan(null), "plan.createPlan": () => created });
    expect((await screen.findByTestId("plan-empty-minimum")).textContent).toContain("苏南地区试点企业原则上不少于 100 家");
    fireEvent.click(screen.getByRole("button", { name: "编写实施方案" }));
    expect(await screen.findByTestId("plan-field-cover.contact")).toBeTruthy();
    expect(calls.some((call) => call.path === "plan.createPlan")).toBe(true);
    expect(screen.getByTestId("plan-state").textContent).toBe("草稿");
  });

  it("submits after confirmation and then shows the plan read-only", async () => {
    const content = readyContent();
    let stored = planView("DRAFT", content, true);
    const submitPlan = vi.fn(() => (stored = planView("SUBMITTED", content, false)));
    renderPage({ "plan.getCurrentPlan": () => currentPlan(stored), "plan.submitPlan": submitPlan });
    const submit = (await screen.findByTestId("plan-submit")) as HTMLButtonElement;
    expect(submit.disabled).toBe(false);
    expect(screen.getByTestId("plan-regional-minimum").getAttribute("data-status")).toBe("met");
    fireEvent.click(submit);
    fireEvent.click(await screen.findByRole("button", { name: "确认提交" }));
    expect((await screen.findByTestId("plan-read-only-notice")).textContent).toBe("已提交设区市，审核期间不能修改");
    expect(submitPlan).toHaveBeenCalledWith({ planId: PLAN_ID, revision: 3 });
    expect(screen.queryByTestId("plan-submit")).toBeNull();
  });

  it("keeps submitting disabled below the regional minimum and says why", async () => {
    renderPage({ "plan.getCurrentPlan": () => currentPlan(planView("DRAFT", emptyPlanContent("江阴市", "无锡市工业和信息化局"), true)) });
    expect(((await screen.findByTestId("plan-submit")) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("plan-regional-minimum").textContent).toBe(
      "拟改造企业合计（数值B）为 0 家，苏南地区原则上不少于 100 家，请补足后再提交",
    );
  });

  it("stops autosaving on a conflict and offers to reload, keeping the typed text in the browser", async () => {
    const content = readyContent();
    renderPage({
      "plan.getCurrentPlan": () => currentPlan(planView("DRAFT", content, true)),
      "plan.savePlan": () => {
        throw apiError("CONFLICT", "实施方案已在其他窗口或由其他人保存，请刷新后再修改");
      },
    });
    fireEvent.change(await screen.findByTestId("plan-field-cover.contact"), { target: { value: "张三" } });
    const conflict = await screen.findByTestId("plan-save-conflict", {}, { timeout: 5000 });
    expect(conflict.textContent).toContain("实施方案已在其他窗口或由其他人保存，请刷新后再修改");
    expect(screen.getByRole("button", { name: "重新加载" })).toBeTruthy();
    expect(localStorage.getItem(`dtpilot.plan-backup.${PLAN_ID}.v1`)).toContain("张三");
    await waitFor(() => expect((screen.getByTestId("plan-submit") as HTMLButtonElement).disabled).toBe(true));
  });
});

import { describe, expect, it } from "vitest";
import type { Principal } from "../scope";
import { availableEvents, decideTransition } from "../workflow/decide-transition";
import { ROSTER_CHANGE_WORKFLOW, type RosterChangeContext } from "./roster-change-workflow";

const COUNTY = "320281";
const subject = { countyId: COUNTY };
const county: Principal = { userId: "u", role: "COUNTY_ADMIN", scope: { kind: "county", countyId: COUNTY } };
const city: Principal = { userId: "u", role: "CITY_OFFICER", scope: { kind: "city", cityId: "3202", countyIds: [COUNTY] } };
const province: Principal = { userId: "u", role: "PROVINCE_ADMIN", scope: { kind: "province" } };
const request = (overrides: Partial<Extract<RosterChangeContext, { step: "request" }>> = {}): RosterChangeContext => ({
  step: "request",
  frozen: true,
  kind: "REPLACE",
  hasAddition: true,
  hasRemoval: true,
  ...overrides,
});

describe("the roster change workflow", () => {
  it("lets the county ask once the roster is frozen, and not before", () => {
    const step = { state: null, event: "REQUEST", principal: county, subject } as const;
    expect(decideTransition(ROSTER_CHANGE_WORKFLOW, step, request())).toMatchObject({ ok: true, next: "PENDING" });
    expect(decideTransition(ROSTER_CHANGE_WORKFLOW, step, request({ frozen: false }))).toMatchObject({
      ok: false,
      refusal: { key: "roster.change.notFrozen", cause: "STATE" },
    });
  });

  it("asks for exactly the parts the kind of change needs", () => {
    const step = { state: null, event: "REQUEST", principal: county, subject } as const;
    expect(decideTransition(ROSTER_CHANGE_WORKFLOW, step, request({ kind: "REMOVE" }))).toMatchObject({ ok: false, refusal: { field: "addition" } });
    expect(decideTransition(ROSTER_CHANGE_WORKFLOW, step, request({ kind: "ADD" }))).toMatchObject({ ok: false, refusal: { field: "removedPilotEnterpriseId" } });
    expect(decideTransition(ROSTER_CHANGE_WORKFLOW, step, request({ kind: "ADD", hasRemoval: false }))).toMatchObject({ ok: true });
  });

  it("lets only the county's city decide a pending request, and a refusal needs a reason", () => {
    const decide = (principal: Principal, event: "APPROVE" | "REFUSE", comment: string | null) =>
      decideTransition(ROSTER_CHANGE_WORKFLOW, { state: "PENDING", event, principal, subject }, { step: "decision", comment });
    expect(decide(city, "APPROVE", null)).toMatchObject({ ok: true, next: "APPROVED" });
    expect(decide(city, "REFUSE", null)).toMatchObject({ ok: false, refusal: { key: "roster.change.reasonRequired", field: "comment" } });
    expect(decide(city, "REFUSE", "不符合条件")).toMatchObject({ ok: true, next: "REFUSED" });
    expect(decide(province, "APPROVE", null)).toEqual({ ok: false, refusal: { kind: "WRONG_ROLE" } });
    expect(decide(county, "APPROVE", null)).toEqual({ ok: false, refusal: { kind: "WRONG_ROLE" } });
  });

  it("keeps a decided request as it was decided, saying it was decided", () => {
    for (const state of ["APPROVED", "REFUSED"] as const) {
      expect(decideTransition(ROSTER_CHANGE_WORKFLOW, { state, event: "APPROVE", principal: city, subject }, { step: "decision", comment: null })).toEqual({
        ok: false,
        refusal: { kind: "WRONG_STATE", state },
      });
      expect(availableEvents(ROSTER_CHANGE_WORKFLOW, state, city, subject)).toEqual([]);
    }
    expect(ROSTER_CHANGE_WORKFLOW.refusalKeys?.WRONG_STATE).toBe("roster.change.decided");
  });
});

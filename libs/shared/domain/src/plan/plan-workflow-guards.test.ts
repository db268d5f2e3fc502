import { describe, expect, it } from "vitest";
import type { Principal } from "../scope";
import { decideTransition } from "../workflow/decide-transition";
import { emptyPlanContent } from "./plan-content";
import { PLAN_WORKFLOW, type PlanTransitionContext } from "./plan-workflow";

const COUNTY = "320281";
const county: Principal = { userId: "u", role: "COUNTY_ADMIN", scope: { kind: "county", countyId: COUNTY } };
const city: Principal = { userId: "u", role: "CITY_OFFICER", scope: { kind: "city", cityId: "3202", countyIds: [COUNTY] } };
const otherCity: Principal = { userId: "u", role: "CITY_OFFICER", scope: { kind: "city", cityId: "3206", countyIds: ["320612"] } };
const subject = { countyId: COUNTY };

describe("the plan workflow's guards", () => {
  const content = emptyPlanContent("江阴市", "无锡市");
  const context = (comments: { target: string }[] = []): PlanTransitionContext => ({ content, region: "SOUTH", comments });

  it("refuses a submission below the region's minimum, naming the minimum and the total's field", () => {
    const decision = decideTransition(PLAN_WORKFLOW, { state: "DRAFT", event: "SUBMIT", principal: county, subject }, context());
    expect(decision).toEqual({
      ok: false,
      refusal: {
        kind: "GUARD",
        key: "plan.submission.belowRegionalMinimum",
        params: expect.objectContaining({ minimum: 100 }),
        field: "dataTable.totals.plannedTotal",
        cause: "INPUT",
      },
    });
  });

  it("refuses a return without a comment, and a comment on a field the plan does not have", () => {
    const step = { state: "SUBMITTED", event: "RETURN", principal: city, subject } as const;
    expect(decideTransition(PLAN_WORKFLOW, step, context())).toMatchObject({ ok: false, refusal: { key: "plan.return.commentRequired", field: "comments" } });
    expect(decideTransition(PLAN_WORKFLOW, step, context([{ target: "no.such.field" }]))).toMatchObject({
      ok: false,
      refusal: { key: "plan.comment.unknownTarget", params: { target: "no.such.field" } },
    });
    expect(decideTransition(PLAN_WORKFLOW, step, context([{ target: "general" }]))).toMatchObject({ ok: true, next: "RETURNED_BY_CITY", opensVersion: true });
  });

  it("lets a city decide only on its own counties' plans", () => {
    expect(decideTransition(PLAN_WORKFLOW, { state: "SUBMITTED", event: "RECOMMEND", principal: otherCity, subject }, context())).toEqual({
      ok: false,
      refusal: { kind: "OUT_OF_SCOPE" },
    });
  });
});

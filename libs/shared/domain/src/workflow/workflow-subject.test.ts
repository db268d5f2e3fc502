import { describe, expect, it } from "vitest";
import type { Scope } from "../scope";
import { scopeReachesSubject, type WorkflowSubject } from "./workflow-subject";

const TASK_BOOK: WorkflowSubject = { countyId: "320281", enterpriseId: "ent-1", providerIds: ["prov-1", "prov-2"] };
const PLAN: WorkflowSubject = { countyId: "320281" };

describe("scopeReachesSubject", () => {
  const cases: [string, Scope, WorkflowSubject, boolean][] = [
    ["the province, every county", { kind: "province" }, PLAN, true],
    ["a city, its own county", { kind: "city", cityId: "3202", countyIds: ["320281", "320282"] }, PLAN, true],
    ["a city, no other", { kind: "city", cityId: "3206", countyIds: ["320612"] }, PLAN, false],
    ["a reviewer, an assigned county", { kind: "reviewer", countyIds: ["320281"] }, PLAN, true],
    ["a reviewer, no other", { kind: "reviewer", countyIds: [] }, PLAN, false],
    ["a county, its own", { kind: "county", countyId: "320281" }, TASK_BOOK, true],
    ["a county, no other", { kind: "county", countyId: "320602" }, TASK_BOOK, false],
    ["an enterprise, a subject it is party to", { kind: "enterprise", enterpriseId: "ent-1", countyId: "320281" }, TASK_BOOK, true],
    ["an enterprise, no other enterprise's", { kind: "enterprise", enterpriseId: "ent-2", countyId: "320281" }, TASK_BOOK, false],
    ["an enterprise, no county-wide subject", { kind: "enterprise", enterpriseId: "ent-1", countyId: "320281" }, PLAN, false],
    ["a provider, a subject it is party to", { kind: "provider", providerId: "prov-2" }, TASK_BOOK, true],
    ["a provider, no other", { kind: "provider", providerId: "prov-3" }, TASK_BOOK, false],
    ["a provider, no county-wide subject", { kind: "provider", providerId: "prov-1" }, PLAN, false],
  ];
  it.each(cases)("reaches for %s", (_name, scope, subject, reaches) => {
    expect(scopeReachesSubject(scope, subject)).toBe(reaches);
  });
});

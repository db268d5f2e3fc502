import { DEFAULT_REFUSAL_KEYS, PLAN_EVENTS, PLAN_WORKFLOW, WORKFLOWS } from "@dtpilot/domain";
import { en, isErrorKey, workflowStateLabel, zhCN } from "@dtpilot/i18n";
import { describe, expect, it } from "vitest";
import type { LocalisableError } from "./errors";
import { transitionRefusalError } from "./transition-refusal";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe.each(Object.entries(WORKFLOWS))("the %s workflow", (kind, workflow) => {
  it("says each of its refusals in both languages, with the same placeholders", () => {
    for (const key of Object.values({ ...DEFAULT_REFUSAL_KEYS, ...workflow.refusalKeys })) {
      expect(isErrorKey(key), key).toBe(true);
      const zh = (zhCN.errors as Record<string, string>)[key]!;
      expect(placeholders((en.errors as Record<string, string>)[key]!), key).toEqual(placeholders(zh));
    }
  });

  it("names every one of its states in both languages", () => {
    for (const state of workflow.states) {
      expect(workflowStateLabel("zh-CN", kind, state), state).not.toBe(state);
      expect(workflowStateLabel("en", kind, state), state).not.toBe(state);
    }
  });
});

describe("the plan workflow's labels", () => {
  it("name every event in both languages (the plan's history shows them)", () => {
    expect(PLAN_WORKFLOW.events).toEqual(PLAN_EVENTS);
    for (const catalogue of [zhCN, en]) expect(Object.keys(catalogue.workflows.IMPLEMENTATION_PLAN.events).sort()).toEqual([...PLAN_EVENTS].sort());
  });
});

describe("transitionRefusalError", () => {
  const plan = WORKFLOWS.IMPLEMENTATION_PLAN;
  const keyOf = (error: { cause?: unknown }) => (error.cause as LocalisableError).key;

  it("answers a role or a scope the step is not for with 403, and a state it is not taken in with 409", () => {
    expect(transitionRefusalError(plan, { kind: "WRONG_ROLE" }, "zh-CN").code).toBe("FORBIDDEN");
    expect(transitionRefusalError(plan, { kind: "OUT_OF_SCOPE" }, "zh-CN").code).toBe("FORBIDDEN");
    const wrongState = transitionRefusalError(plan, { kind: "WRONG_STATE", state: "SUBMITTED" }, "en");
    expect(wrongState.code).toBe("CONFLICT");
    expect((wrongState.cause as LocalisableError).params).toEqual({ subject: "plan", state: "Submitted to the city" });
  });

  it("uses a workflow's own words where it has them", () => {
    const decided = transitionRefusalError(WORKFLOWS.ROSTER_CHANGE_REQUEST, { kind: "WRONG_STATE", state: "APPROVED" }, "zh-CN");
    expect(keyOf(decided)).toBe("roster.change.decided");
  });

  it("answers a guard's refusal with 400 when the input is to blame, else 409, naming its field", () => {
    const input = transitionRefusalError(plan, { kind: "GUARD", key: "plan.return.commentRequired", field: "comments", cause: "INPUT" }, "zh-CN");
    expect([input.code, keyOf(input), (input.cause as LocalisableError).field]).toEqual(["BAD_REQUEST", "plan.return.commentRequired", "comments"]);
    expect(transitionRefusalError(plan, { kind: "GUARD", key: "roster.change.notFrozen", cause: "STATE" }, "zh-CN").code).toBe("CONFLICT");
  });

  it("fails loudly on a guard key without a message rather than show a bare key", () => {
    expect(() => transitionRefusalError(plan, { kind: "GUARD", key: "no.such.key", cause: "INPUT" }, "zh-CN")).toThrow(/no message/);
  });
});

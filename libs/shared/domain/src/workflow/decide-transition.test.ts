import { describe, expect, it } from "vitest";
import type { Principal, Role, Scope } from "../scope";
import { defineWorkflow, type TransitionGuard } from "./define-workflow";
import { availableEvents, decideTransition, permitTransition, roleEverFires } from "./decide-transition";
import type { WorkflowSubject } from "./workflow-subject";

/** A small three-party workflow in the shape the task book will take: drafted, signed by two parties, accepted. */
type State = "DRAFT" | "SIGNED" | "ACCEPTED";
type Event = "DRAFT" | "SIGN" | "ACCEPT" | "RETURN";
interface Context {
  complete: boolean;
  reason: string | null;
}

const complete: TransitionGuard<Context> = (context) =>
  context.complete ? null : { kind: "GUARD", key: "test.incomplete", field: "content", cause: "INPUT" };
const hasReason: TransitionGuard<Context> = (context) =>
  context.reason ? null : { kind: "GUARD", key: "test.reasonRequired", field: "reason", cause: "INPUT" };
const neverAfterHours: TransitionGuard<Context> = () => ({ kind: "GUARD", key: "test.closed", cause: "STATE" });

const WORKFLOW = defineWorkflow<State, Event, Context>({
  subject: "TEST",
  states: ["DRAFT", "SIGNED", "ACCEPTED"],
  events: ["DRAFT", "SIGN", "ACCEPT", "RETURN"],
  start: { DRAFT: { next: "DRAFT", roles: ["COUNTY_ADMIN"] } },
  transitions: {
    DRAFT: { SIGN: { next: "SIGNED", roles: ["ENTERPRISE_USER", "PROVIDER_USER"], guards: [complete] } },
    SIGNED: {
      ACCEPT: { next: "ACCEPTED", roles: ["COUNTY_ADMIN"] },
      RETURN: { next: "DRAFT", roles: ["COUNTY_ADMIN"], guards: [hasReason, neverAfterHours], opensVersion: true },
    },
    ACCEPTED: {},
  },
});

const COUNTY = "320281";
const SUBJECT: WorkflowSubject = { countyId: COUNTY, enterpriseId: "ent-1", providerIds: ["prov-1"] };
const as = (role: Role, scope: Scope): Principal => ({ userId: "u", role, scope });
const county = as("COUNTY_ADMIN", { kind: "county", countyId: COUNTY });
const otherCounty = as("COUNTY_ADMIN", { kind: "county", countyId: "320602" });
const enterprise = as("ENTERPRISE_USER", { kind: "enterprise", enterpriseId: "ent-1", countyId: COUNTY });
const provider = as("PROVIDER_USER", { kind: "provider", providerId: "prov-1" });
const strangerProvider = as("PROVIDER_USER", { kind: "provider", providerId: "prov-2" });
const city = as("CITY_OFFICER", { kind: "city", cityId: "3202", countyIds: [COUNTY] });
const OK: Context = { complete: true, reason: "缺少进度计划" };

describe("defineWorkflow", () => {
  it("refuses a table leading to a state the workflow does not have", () => {
    expect(() =>
      defineWorkflow<"A", "GO", undefined>({ subject: "X", states: ["A"], events: ["GO"], transitions: { A: { GO: { next: "B" as "A", roles: ["COUNTY_ADMIN"] } } } }),
    ).toThrow(/unknown state B/);
  });

  it("refuses a cell that names no role", () => {
    expect(() => defineWorkflow<"A", "GO", undefined>({ subject: "X", states: ["A"], events: ["GO"], transitions: { A: { GO: { next: "A", roles: [] } } } })).toThrow(
      /names no role/,
    );
  });

  it("refuses an event the workflow does not list", () => {
    expect(() =>
      defineWorkflow<"A", "GO", undefined>({ subject: "X", states: ["A"], events: ["GO"], transitions: { A: { ["STOP" as "GO"]: { next: "A", roles: ["COUNTY_ADMIN"] } } } }),
    ).toThrow(/unknown event STOP/);
  });
});

describe("decideTransition", () => {
  it("moves to the cell's next state when role, scope, state and guards allow it", () => {
    expect(decideTransition(WORKFLOW, { state: "DRAFT", event: "SIGN", principal: enterprise, subject: SUBJECT }, OK)).toMatchObject({
      ok: true,
      next: "SIGNED",
      opensVersion: false,
    });
    expect(decideTransition(WORKFLOW, { state: "SIGNED", event: "ACCEPT", principal: county, subject: SUBJECT }, OK)).toMatchObject({ ok: true, next: "ACCEPTED" });
  });

  it("refuses a role that never takes the event, whatever the state and the scope", () => {
    for (const state of ["DRAFT", "SIGNED", "ACCEPTED"] as const) {
      expect(decideTransition(WORKFLOW, { state, event: "ACCEPT", principal: city, subject: SUBJECT }, OK)).toEqual({ ok: false, refusal: { kind: "WRONG_ROLE" } });
    }
    expect(decideTransition(WORKFLOW, { state: "SIGNED", event: "ACCEPT", principal: enterprise, subject: { countyId: "320602" } }, OK)).toEqual({
      ok: false,
      refusal: { kind: "WRONG_ROLE" },
    });
  });

  it("refuses a subject outside the principal's scope before looking at its state", () => {
    expect(decideTransition(WORKFLOW, { state: "ACCEPTED", event: "ACCEPT", principal: otherCounty, subject: SUBJECT }, OK)).toEqual({
      ok: false,
      refusal: { kind: "OUT_OF_SCOPE" },
    });
    expect(decideTransition(WORKFLOW, { state: "DRAFT", event: "SIGN", principal: strangerProvider, subject: SUBJECT }, OK)).toEqual({
      ok: false,
      refusal: { kind: "OUT_OF_SCOPE" },
    });
  });

  it("refuses a role that takes the event, but not in this state, naming the state", () => {
    expect(decideTransition(WORKFLOW, { state: "ACCEPTED", event: "ACCEPT", principal: county, subject: SUBJECT }, OK)).toEqual({
      ok: false,
      refusal: { kind: "WRONG_STATE", state: "ACCEPTED" },
    });
    // The county drafts and accepts, but signing is the parties' own.
    expect(decideTransition(WORKFLOW, { state: "DRAFT", event: "ACCEPT", principal: county, subject: SUBJECT }, OK)).toEqual({
      ok: false,
      refusal: { kind: "WRONG_STATE", state: "DRAFT" },
    });
  });

  it("runs the cell's guards in order once the table allows the step, and the first refusal wins", () => {
    const step = { state: "SIGNED", event: "RETURN", principal: county, subject: SUBJECT } as const;
    expect(decideTransition(WORKFLOW, step, { complete: true, reason: null })).toEqual({
      ok: false,
      refusal: { kind: "GUARD", key: "test.reasonRequired", field: "reason", cause: "INPUT" },
    });
    expect(decideTransition(WORKFLOW, step, OK)).toEqual({ ok: false, refusal: { kind: "GUARD", key: "test.closed", cause: "STATE" } });
    expect(decideTransition(WORKFLOW, { ...step, principal: otherCounty }, { complete: false, reason: null })).toEqual({
      ok: false,
      refusal: { kind: "OUT_OF_SCOPE" },
    });
  });

  it("starts a subject from the start row (state null) and refuses an event that does not start one", () => {
    expect(decideTransition(WORKFLOW, { state: null, event: "DRAFT", principal: county, subject: SUBJECT }, OK)).toMatchObject({ ok: true, next: "DRAFT" });
    expect(decideTransition(WORKFLOW, { state: null, event: "ACCEPT", principal: county, subject: SUBJECT }, OK)).toEqual({
      ok: false,
      refusal: { kind: "WRONG_STATE", state: null },
    });
    expect(decideTransition(WORKFLOW, { state: "DRAFT", event: "DRAFT", principal: county, subject: SUBJECT }, OK)).toEqual({
      ok: false,
      refusal: { kind: "WRONG_STATE", state: "DRAFT" },
    });
  });

  it("flags a step that opens a new version", () => {
    const permitted = permitTransition(WORKFLOW, { state: "SIGNED", event: "RETURN", principal: county, subject: SUBJECT });
    expect(permitted).toMatchObject({ ok: true, next: "DRAFT", opensVersion: true });
  });
});

describe("availableEvents", () => {
  it("lists what the principal may do now, in the workflow's order, guards aside", () => {
    expect(availableEvents(WORKFLOW, "SIGNED", county, SUBJECT)).toEqual(["ACCEPT", "RETURN"]);
    expect(availableEvents(WORKFLOW, "DRAFT", provider, SUBJECT)).toEqual(["SIGN"]);
    expect(availableEvents(WORKFLOW, null, county, SUBJECT)).toEqual(["DRAFT"]);
  });

  it("lists nothing for a principal outside the subject's scope or in a final state", () => {
    expect(availableEvents(WORKFLOW, "DRAFT", strangerProvider, SUBJECT)).toEqual([]);
    expect(availableEvents(WORKFLOW, "SIGNED", otherCounty, SUBJECT)).toEqual([]);
    expect(availableEvents(WORKFLOW, "ACCEPTED", county, SUBJECT)).toEqual([]);
  });
});

describe("roleEverFires", () => {
  it("looks at every row, the start row included", () => {
    expect(roleEverFires(WORKFLOW, "DRAFT", "COUNTY_ADMIN")).toBe(true);
    expect(roleEverFires(WORKFLOW, "SIGN", "PROVIDER_USER")).toBe(true);
    expect(roleEverFires(WORKFLOW, "SIGN", "COUNTY_ADMIN")).toBe(false);
  });
});

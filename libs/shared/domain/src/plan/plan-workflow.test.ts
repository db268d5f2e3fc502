import { describe, expect, it } from "vitest";
import type { Role } from "../scope";
import { ROLES } from "../scope";
import type { PlanEvent, PlanState, PlanTransitionResult } from "./plan-workflow";
import { availablePlanEvents, isEditableBy, PLAN_EVENTS, PLAN_STATES, transition } from "./plan-workflow";

/** The expected cell: "—" when the event is not allowed in the state; otherwise the one role allowed and the outcome. */
type Cell = "—" | { role: Role; next: PlanState; newVersion: boolean };

// Written out by hand from the brief, independently of PLAN_TRANSITIONS.
const EXPECTED: Record<PlanState, Record<PlanEvent, Cell>> = {
  DRAFT: {
    SUBMIT: { role: "COUNTY_ADMIN", next: "SUBMITTED", newVersion: false },
    RETURN: "—",
    RECOMMEND: "—",
    APPROVE: "—",
  },
  SUBMITTED: {
    SUBMIT: "—",
    RETURN: { role: "CITY_OFFICER", next: "RETURNED_BY_CITY", newVersion: true },
    RECOMMEND: { role: "CITY_OFFICER", next: "RECOMMENDED", newVersion: false },
    APPROVE: "—",
  },
  RETURNED_BY_CITY: {
    SUBMIT: { role: "COUNTY_ADMIN", next: "SUBMITTED", newVersion: false },
    RETURN: "—",
    RECOMMEND: "—",
    APPROVE: "—",
  },
  RECOMMENDED: {
    SUBMIT: "—",
    RETURN: { role: "PROVINCE_ADMIN", next: "RETURNED_BY_PROVINCE", newVersion: true },
    RECOMMEND: "—",
    APPROVE: { role: "PROVINCE_ADMIN", next: "APPROVED", newVersion: false },
  },
  RETURNED_BY_PROVINCE: {
    SUBMIT: { role: "COUNTY_ADMIN", next: "SUBMITTED", newVersion: false },
    RETURN: "—",
    RECOMMEND: "—",
    APPROVE: "—",
  },
  APPROVED: { SUBMIT: "—", RETURN: "—", RECOMMEND: "—", APPROVE: "—" },
};

const EDITABLE_BY_COUNTY: Record<PlanState, boolean> = {
  DRAFT: true,
  SUBMITTED: false,
  RETURNED_BY_CITY: true,
  RECOMMENDED: false,
  RETURNED_BY_PROVINCE: true,
  APPROVED: false,
};

function expectedResult(cell: Cell, role: Role): PlanTransitionResult {
  if (cell === "—") return { ok: false, reason: "EVENT_NOT_ALLOWED_IN_STATE" };
  if (cell.role !== role) return { ok: false, reason: "ROLE_NOT_ALLOWED" };
  return { ok: true, next: cell.next, newVersion: cell.newVersion };
}

describe("transition", () => {
  it("covers six states, four events and six roles", () => {
    expect(PLAN_STATES).toHaveLength(6);
    expect(PLAN_EVENTS).toHaveLength(4);
    expect(ROLES).toHaveLength(6);
  });

  for (const state of PLAN_STATES) {
    for (const event of PLAN_EVENTS) {
      for (const role of ROLES) {
        const cell = EXPECTED[state][event];
        const result = expectedResult(cell, role);
        const outcome = result.ok ? `moves to ${result.next}` : `is refused with ${result.reason}`;
        it(`${event} in ${state} by ${role} ${outcome}`, () => {
          expect(transition(state, event, role)).toEqual(result);
        });
      }
    }
  }

  it("walks the whole approval path with two returns, opening a new version on each return", () => {
    const steps: [PlanEvent, Role][] = [
      ["SUBMIT", "COUNTY_ADMIN"],
      ["RETURN", "CITY_OFFICER"],
      ["SUBMIT", "COUNTY_ADMIN"],
      ["RECOMMEND", "CITY_OFFICER"],
      ["RETURN", "PROVINCE_ADMIN"],
      ["SUBMIT", "COUNTY_ADMIN"],
      ["RECOMMEND", "CITY_OFFICER"],
      ["APPROVE", "PROVINCE_ADMIN"],
    ];
    let state: PlanState = "DRAFT";
    let versions = 1;
    for (const [event, role] of steps) {
      const result = transition(state, event, role);
      if (!result.ok) throw new Error(`${event} by ${role} refused in ${state}`);
      state = result.next;
      if (result.newVersion) versions += 1;
    }
    expect(state).toBe("APPROVED");
    expect(versions).toBe(3);
  });
});

describe("availablePlanEvents", () => {
  it("lists only what the role may do now", () => {
    expect(availablePlanEvents("SUBMITTED", "CITY_OFFICER")).toEqual(["RETURN", "RECOMMEND"]);
    expect(availablePlanEvents("RECOMMENDED", "PROVINCE_ADMIN")).toEqual(["RETURN", "APPROVE"]);
    expect(availablePlanEvents("SUBMITTED", "COUNTY_ADMIN")).toEqual([]);
    expect(availablePlanEvents("APPROVED", "PROVINCE_ADMIN")).toEqual([]);
  });
});

describe("isEditableBy", () => {
  for (const state of PLAN_STATES) {
    for (const role of ROLES) {
      const editable = role === "COUNTY_ADMIN" && EDITABLE_BY_COUNTY[state];
      it(`${editable ? "lets" : "does not let"} ${role} edit a plan in ${state}`, () => {
        expect(isEditableBy(state, role)).toBe(editable);
      });
    }
  }
});

import { defineRulesFor, packAppRules } from "@dtpilot/permissions";
import type { Principal } from "@dtpilot/domain";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AppAbilityProvider, Can, subjectOf } from "./ability";

const JIANGYIN = "320281";
const HAIAN = "320685";

const county: Principal = { userId: "u-county", role: "COUNTY_ADMIN", scope: { kind: "county", countyId: JIANGYIN } };
const province: Principal = { userId: "u-province", role: "PROVINCE_ADMIN", scope: { kind: "province" } };

/** What `auth.me` sends: the rules packed. */
const meOf = (principal: Principal) => ({ rules: packAppRules(defineRulesFor(principal)) });

function Toolbar() {
  return (
    <div>
      <Can I="create" a="Batch">
        <button>新建试点批次</button>
      </Can>
      <Can I="create" this={subjectOf("Enterprise", { countyId: JIANGYIN })}>
        <button>添加江阴企业</button>
      </Can>
      <Can I="create" this={subjectOf("Enterprise", { countyId: HAIAN })}>
        <button>添加海安企业</button>
      </Can>
      <Can I="read" a="QueueDashboard" passThrough>
        {({ isAllowed }) => <button disabled={!isAllowed}>任务队列</button>}
      </Can>
    </div>
  );
}

describe("the ability context", () => {
  it("hides from a county user what its rules forbid and shows what they allow", () => {
    render(
      <AppAbilityProvider me={meOf(county)}>
        <Toolbar />
      </AppAbilityProvider>,
    );
    expect(screen.queryByRole("button", { name: "新建试点批次" })).toBeNull();
    expect(screen.queryByRole("button", { name: "添加海安企业" })).toBeNull();
    expect(screen.getByRole("button", { name: "添加江阴企业" })).toBeTruthy();
    expect((screen.getByRole("button", { name: "任务队列" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows the province what the province may do", () => {
    render(
      <AppAbilityProvider me={meOf(province)}>
        <Toolbar />
      </AppAbilityProvider>,
    );
    expect(screen.getByRole("button", { name: "新建试点批次" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "添加江阴企业" })).toBeNull();
    expect((screen.getByRole("button", { name: "任务队列" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("forbids everything when nobody is signed in", () => {
    render(
      <AppAbilityProvider me={null}>
        <Toolbar />
      </AppAbilityProvider>,
    );
    expect(screen.queryAllByRole("button").map((button) => (button as HTMLButtonElement).disabled)).toEqual([true]);
  });
});

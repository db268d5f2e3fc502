import { describe, expect, it } from "vitest";
import type { Principal, Role } from "@dtpilot/domain";
import { subject } from "@casl/ability";
import { defineAbilityFor, defineRulesFor, type Action, type SubjectName } from "./ability";

const JIANGYIN = "320281";
const HAIAN = "320685";
const YIXING = "320282";
const ENTERPRISE_A = "00000000-0000-4000-8000-00000000000a";
const ENTERPRISE_B = "00000000-0000-4000-8000-00000000000b";
const PROVIDER_1 = "00000000-0000-4000-8000-000000000001";
const PROVIDER_2 = "00000000-0000-4000-8000-000000000002";

const principals = {
  province: { userId: "u-province", role: "PROVINCE_ADMIN", scope: { kind: "province" } },
  reviewer: { userId: "u-reviewer", role: "REVIEWER", scope: { kind: "reviewer", countyIds: [JIANGYIN] } },
  city: { userId: "u-city", role: "CITY_OFFICER", scope: { kind: "city", cityId: "3202", countyIds: [JIANGYIN, YIXING] } },
  county: { userId: "u-county", role: "COUNTY_ADMIN", scope: { kind: "county", countyId: JIANGYIN } },
  enterprise: {
    userId: "u-ent",
    role: "ENTERPRISE_USER",
    scope: { kind: "enterprise", enterpriseId: ENTERPRISE_A, countyId: JIANGYIN },
  },
  provider: { userId: "u-provider", role: "PROVIDER_USER", scope: { kind: "provider", providerId: PROVIDER_1 } },
} satisfies Record<string, Principal>;

type Who = keyof typeof principals;
const can = (who: Who, action: Action, name: SubjectName, fields?: Record<string, string>) => {
  const ability = defineAbilityFor(principals[who]);
  return fields ? ability.can(action, subject(name, { ...fields })) : ability.can(action, name);
};

describe("abilities", () => {
  it("lets the province read every audit record, a city its counties', a county its own, and nobody else any", () => {
    expect(can("province", "read", "AuditRecord", { countyId: HAIAN })).toBe(true);
    expect(can("city", "read", "AuditRecord", { countyId: YIXING })).toBe(true);
    expect(can("city", "read", "AuditRecord", { countyId: HAIAN })).toBe(false);
    expect(can("county", "read", "AuditRecord", { countyId: JIANGYIN })).toBe(true);
    expect(can("county", "read", "AuditRecord", { countyId: HAIAN })).toBe(false);
    for (const who of ["reviewer", "enterprise", "provider"] as const) expect(can(who, "read", "AuditRecord"), who).toBe(false);
    // Nobody may change or remove one.
    for (const who of Object.keys(principals) as Who[]) {
      for (const action of ["create", "update", "delete"] as const) expect(can(who, action, "AuditRecord"), `${who} ${action}`).toBe(false);
    }
  });

  it.each<[Who, Action, SubjectName, Record<string, string>, boolean]>([
    // the province reads every county's data and manages batches, but never writes a county's own records
    ["province", "read", "Enterprise", { countyId: HAIAN }, true],
    ["province", "create", "Batch", {}, true],
    ["province", "create", "Enterprise", { countyId: JIANGYIN }, false],
    ["province", "read", "QueueDashboard", {}, true],
    // a reviewer reads only its assigned counties
    ["reviewer", "read", "Enterprise", { countyId: JIANGYIN }, true],
    ["reviewer", "read", "Enterprise", { countyId: HAIAN }, false],
    ["reviewer", "read", "County", { code: HAIAN }, false],
    ["reviewer", "update", "Enterprise", { countyId: JIANGYIN }, false],
    ["reviewer", "read", "QueueDashboard", {}, false],
    // a city officer reads its own city's counties only
    ["city", "read", "County", { code: YIXING }, true],
    ["city", "read", "Enterprise", { countyId: HAIAN }, false],
    ["city", "create", "Batch", {}, false],
    // a county team works on its own county only
    ["county", "read", "Enterprise", { countyId: JIANGYIN }, true],
    ["county", "create", "Enterprise", { countyId: JIANGYIN }, true],
    ["county", "read", "Enterprise", { countyId: HAIAN }, false],
    ["county", "update", "Enterprise", { countyId: HAIAN }, false],
    ["county", "read", "County", { code: HAIAN }, false],
    ["county", "create", "PilotCounty", { countyId: JIANGYIN }, false],
    ["county", "read", "QueueDashboard", {}, false],
    // an enterprise sees its own organisation only
    ["enterprise", "read", "Enterprise", { id: ENTERPRISE_A, countyId: JIANGYIN }, true],
    ["enterprise", "read", "Enterprise", { id: ENTERPRISE_B, countyId: JIANGYIN }, false],
    ["enterprise", "update", "Enterprise", { id: ENTERPRISE_A, countyId: JIANGYIN }, false],
    ["enterprise", "read", "Provider", { id: PROVIDER_1 }, false],
    // a provider sees its own organisation and its own county links
    ["provider", "read", "Provider", { id: PROVIDER_1 }, true],
    ["provider", "update", "Provider", { id: PROVIDER_1 }, true],
    ["provider", "read", "Provider", { id: PROVIDER_2 }, false],
    ["provider", "read", "ProviderCounty", { providerId: PROVIDER_1, countyId: JIANGYIN }, true],
    ["provider", "read", "ProviderCounty", { providerId: PROVIDER_2, countyId: JIANGYIN }, false],
    ["provider", "read", "Enterprise", { id: ENTERPRISE_A, countyId: JIANGYIN }, false],
    // Generated files (ExportFile): a county requests and reads its own, and its jobs update them. They are the county's
    // working papers (a draft's export holds what the county has not submitted): those who oversee counties — the
    // province, a city (its counties), a reviewer (its assigned counties) — read only the files they asked for
    // themselves (the documents of the plans they review), never the county's. Enterprises and providers see none.
    ["county", "create", "ExportFile", { countyId: JIANGYIN }, true],
    ["county", "read", "ExportFile", { countyId: JIANGYIN }, true],
    ["county", "read", "ExportFile", { countyId: HAIAN }, false],
    ["county", "create", "ExportFile", { countyId: HAIAN }, false],
    ["county", "update", "ExportFile", { countyId: JIANGYIN }, true],
    ["county", "update", "ExportFile", { countyId: HAIAN }, false],
    ["province", "read", "ExportFile", { countyId: HAIAN, requestedById: "u-county" }, false],
    ["province", "read", "ExportFile", { countyId: HAIAN, requestedById: "u-province" }, true],
    ["province", "recover", "ExportFile", { countyId: HAIAN, requestedById: "u-county" }, true],
    ["city", "recover", "ExportFile", { countyId: YIXING, requestedById: "u-county" }, false],
    ["county", "recover", "ExportFile", { countyId: JIANGYIN }, false],
    ["province", "create", "ExportFile", { countyId: HAIAN }, false],
    ["province", "update", "ExportFile", { countyId: HAIAN }, false],
    ["city", "read", "ExportFile", { countyId: YIXING, requestedById: "u-city" }, true],
    ["city", "read", "ExportFile", { countyId: YIXING, requestedById: "u-county" }, false],
    ["city", "read", "ExportFile", { countyId: HAIAN, requestedById: "u-city" }, false],
    ["city", "create", "ExportFile", { countyId: JIANGYIN }, false],
    ["reviewer", "read", "ExportFile", { countyId: JIANGYIN, requestedById: "u-reviewer" }, true],
    ["reviewer", "read", "ExportFile", { countyId: JIANGYIN, requestedById: "u-county" }, false],
    ["reviewer", "read", "ExportFile", { countyId: HAIAN, requestedById: "u-reviewer" }, false],
    ["enterprise", "read", "ExportFile", { countyId: JIANGYIN }, false],
    ["provider", "read", "ExportFile", { countyId: JIANGYIN }, false],
    // Implementation plans: the county writes its own; its city and the province read and review it; a reviewer
    // (third party) reads its assigned counties' plans; enterprises and providers see none.
    ["county", "update", "ImplementationPlan", { countyId: JIANGYIN }, true],
    ["county", "create", "ImplementationPlan", { countyId: JIANGYIN }, true],
    ["county", "read", "ImplementationPlan", { countyId: HAIAN }, false],
    ["county", "update", "ImplementationPlan", { countyId: HAIAN }, false],
    ["county", "review", "ImplementationPlan", { countyId: JIANGYIN }, false],
    ["city", "read", "ImplementationPlan", { countyId: YIXING }, true],
    ["city", "review", "ImplementationPlan", { countyId: JIANGYIN }, true],
    ["city", "review", "ImplementationPlan", { countyId: HAIAN }, false],
    ["city", "read", "ImplementationPlan", { countyId: HAIAN }, false],
    ["city", "update", "ImplementationPlan", { countyId: JIANGYIN }, false],
    ["province", "review", "ImplementationPlan", { countyId: HAIAN }, true],
    ["province", "update", "ImplementationPlan", { countyId: HAIAN }, false],
    ["reviewer", "read", "ImplementationPlan", { countyId: JIANGYIN }, true],
    ["reviewer", "review", "ImplementationPlan", { countyId: JIANGYIN }, false],
    ["reviewer", "read", "ImplementationPlan", { countyId: HAIAN }, false],
    ["enterprise", "read", "ImplementationPlan", { countyId: JIANGYIN }, false],
    ["provider", "read", "ImplementationPlan", { countyId: JIANGYIN }, false],
    // Reviewers of a plan may ask for its documents, and only those kinds, only for counties they review.
    ["city", "create", "ExportFile", { countyId: JIANGYIN, kind: "PLAN_DOCX" }, true],
    ["city", "create", "ExportFile", { countyId: JIANGYIN, kind: "ROSTER_XLSX" }, false],
    ["city", "create", "ExportFile", { countyId: HAIAN, kind: "PLAN_DOCX" }, false],
    ["province", "create", "ExportFile", { countyId: HAIAN, kind: "PLAN_DATA_TABLE_XLSX" }, true],
    ["province", "create", "ExportFile", { countyId: HAIAN, kind: "ROSTER_XLSX" }, false],
    ["reviewer", "create", "ExportFile", { countyId: JIANGYIN, kind: "PLAN_DOCX" }, false],
    // The roster and its files: the county writes, overseers read, the city decides changes once the roster is frozen;
    // an enterprise reads its own entry and writes its own file; a provider reaches only what RLS links it to.
    ["county", "create", "PilotEnterprise", { countyId: JIANGYIN }, true],
    ["county", "create", "PilotEnterprise", { countyId: HAIAN }, false],
    ["county", "update", "EnterpriseFileSection", { countyId: JIANGYIN }, true],
    ["county", "review", "RosterChangeRequest", { countyId: JIANGYIN }, false],
    ["county", "create", "RosterChangeRequest", { countyId: JIANGYIN }, true],
    ["city", "review", "RosterChangeRequest", { countyId: JIANGYIN }, true],
    ["city", "review", "RosterChangeRequest", { countyId: HAIAN }, false],
    ["city", "create", "PilotEnterprise", { countyId: JIANGYIN }, false],
    ["city", "read", "EnterpriseFileSection", { countyId: YIXING }, true],
    ["province", "read", "RosterChangeRequest", { countyId: HAIAN }, true],
    ["province", "review", "RosterChangeRequest", { countyId: HAIAN }, false],
    ["province", "update", "EnterpriseFileSection", { countyId: HAIAN }, false],
    ["reviewer", "read", "PilotEnterprise", { countyId: JIANGYIN }, true],
    ["reviewer", "read", "PilotEnterprise", { countyId: HAIAN }, false],
    ["enterprise", "read", "PilotEnterprise", { enterpriseId: ENTERPRISE_A, countyId: JIANGYIN }, true],
    ["enterprise", "read", "PilotEnterprise", { enterpriseId: ENTERPRISE_B, countyId: JIANGYIN }, false],
    ["enterprise", "update", "EnterpriseFileSection", { enterpriseId: ENTERPRISE_A, countyId: JIANGYIN }, true],
    ["enterprise", "update", "EnterpriseFileSection", { enterpriseId: ENTERPRISE_B, countyId: JIANGYIN }, false],
    ["enterprise", "create", "PilotEnterprise", { enterpriseId: ENTERPRISE_A, countyId: JIANGYIN }, false],
    ["provider", "read", "EnterpriseProviderLink", { providerId: PROVIDER_1, countyId: JIANGYIN }, true],
    ["provider", "read", "EnterpriseProviderLink", { providerId: PROVIDER_2, countyId: JIANGYIN }, false],
    ["provider", "create", "PilotEnterprise", { countyId: JIANGYIN }, false],
    ["provider", "read", "RosterChangeRequest", { countyId: JIANGYIN }, false],
    // The queue dashboard shows every county's jobs: the province's operators only.
    ["city", "read", "QueueDashboard", {}, false],
    ["enterprise", "read", "QueueDashboard", {}, false],
    ["provider", "read", "QueueDashboard", {}, false],
  ])("%s may %s %s %o: %s", (who, action, name, fields, expected) => {
    expect(can(who, action, name, fields)).toBe(expected);
  });

  it("lets every signed-in user read and update their own account and nobody else's", () => {
    for (const who of Object.keys(principals) as Who[]) {
      expect(can(who, "update", "User", { id: principals[who].userId })).toBe(true);
      expect(can(who, "read", "User", { id: "someone-else" })).toBe(false);
    }
  });

  it("gives an unknown role nothing", () => {
    const stranger = { userId: "x", role: "JANITOR", scope: { kind: "province" } } as unknown as Principal;
    expect(defineRulesFor(stranger)).toEqual([]);
    expect(defineAbilityFor(stranger).can("read", "Batch")).toBe(false);
  });

  it("gives nothing to a role whose scope does not match it", () => {
    const forged = { userId: "x", role: "COUNTY_ADMIN" as Role, scope: { kind: "province" as const } };
    expect(defineRulesFor(forged)).toEqual([]);
    expect(defineRulesFor(null)).toEqual([]);
  });

  it("writes only flat equality conditions, which the browser and Prisma read the same way", () => {
    for (const principal of Object.values(principals)) {
      for (const rule of defineRulesFor(principal)) {
        for (const value of Object.values(rule.conditions ?? {})) expect(typeof value).toBe("string");
      }
    }
  });
});

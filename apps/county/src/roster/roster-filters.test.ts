import { describe, expect, it } from "vitest";
import { NO_ROSTER_FILTERS, isFiltered, matchesRosterFilters, shownPilotEnterprises, sortPilotEnterprises, subIndustryOptions } from "./roster-filters";
import { OTHER_SUB_INDUSTRY, SUB_INDUSTRY, pilotEnterprise } from "./roster-test-fixtures";

const a = pilotEnterprise(1, { name: "乙公司", lastYearRevenue: "200", specialised: true, complete: true });
const b = pilotEnterprise(2, { name: "甲公司", lastYearRevenue: null, scale: "BELOW", subIndustry: OTHER_SUB_INDUSTRY });
const c = pilotEnterprise(3, { name: "丙公司", lastYearRevenue: "1000.5", status: "REMOVED" });
const d = pilotEnterprise(4, { name: "丁公司", lastYearRevenue: "30", specialised: true });
const all = [a, b, c, d];
const names = (entries: { enterprise: { name: string } }[]) => entries.map((entry) => entry.enterprise.name);

describe("filtering the roster", () => {
  it("keeps everything without filters", () => {
    expect(isFiltered(NO_ROSTER_FILTERS)).toBe(false);
    expect(all.every((entry) => matchesRosterFilters(entry, NO_ROSTER_FILTERS))).toBe(true);
  });

  it("keeps only 专精特新 enterprises, or only the others", () => {
    expect(names(shownPilotEnterprises(all, { ...NO_ROSTER_FILTERS, specialised: true }, null))).toEqual(["乙公司", "丁公司"]);
    expect(names(shownPilotEnterprises(all, { ...NO_ROSTER_FILTERS, specialised: false }, null))).toEqual(["甲公司", "丙公司"]);
  });

  it("combines sub-industry, scale, completeness and status", () => {
    expect(names(shownPilotEnterprises(all, { ...NO_ROSTER_FILTERS, subIndustries: [OTHER_SUB_INDUSTRY] }, null))).toEqual(["甲公司"]);
    expect(names(shownPilotEnterprises(all, { ...NO_ROSTER_FILTERS, scale: "ABOVE", status: "ACTIVE" }, null))).toEqual(["乙公司", "丁公司"]);
    expect(names(shownPilotEnterprises(all, { ...NO_ROSTER_FILTERS, complete: true }, null))).toEqual(["乙公司"]);
    expect(names(shownPilotEnterprises(all, { ...NO_ROSTER_FILTERS, complete: false, status: "REMOVED" }, null))).toEqual(["丙公司"]);
  });

  it("offers the plan's sub-industries first, then those only entries name", () => {
    const stray = pilotEnterprise(9, { subIndustry: "纺织—化纤" });
    expect(subIndustryOptions([SUB_INDUSTRY, OTHER_SUB_INDUSTRY], [...all, stray])).toEqual([SUB_INDUSTRY, OTHER_SUB_INDUSTRY, "纺织—化纤"]);
  });
});

describe("sorting the roster", () => {
  it("keeps the roster's order without a sort", () => {
    expect(names(sortPilotEnterprises(all, null))).toEqual(["乙公司", "甲公司", "丙公司", "丁公司"]);
  });

  it("orders by revenue as numbers, with a missing revenue last either way", () => {
    expect(names(sortPilotEnterprises(all, { key: "revenue", direction: "ascend" }))).toEqual(["丁公司", "乙公司", "丙公司", "甲公司"]);
    expect(names(sortPilotEnterprises(all, { key: "revenue", direction: "descend" }))).toEqual(["丙公司", "乙公司", "丁公司", "甲公司"]);
  });

  it("orders by completeness, ties in the roster's order", () => {
    expect(names(sortPilotEnterprises(all, { key: "completeness", direction: "descend" }))).toEqual(["乙公司", "甲公司", "丙公司", "丁公司"]);
  });

  it("orders by name in Chinese collation", () => {
    const sorted = names(sortPilotEnterprises(all, { key: "name", direction: "ascend" }));
    expect(sorted).toEqual([...sorted].sort(new Intl.Collator("zh-CN").compare));
    expect(names(sortPilotEnterprises(all, { key: "name", direction: "descend" }))).toEqual([...sorted].reverse());
  });

  it("does not change the list it is given", () => {
    const copy = [...all];
    sortPilotEnterprises(all, { key: "revenue", direction: "descend" });
    expect(all).toEqual(copy);
  });
});

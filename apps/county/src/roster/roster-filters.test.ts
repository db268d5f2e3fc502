import { describe, expect, it } from "vitest";
import {
  DEFAULT_ROSTER_QUERY,
  isFiltered,
  listRosterInputOf,
  NO_ROSTER_FILTERS,
  rosterFilterOf,
  rosterQueryFromSearch,
  searchWithRosterQuery,
  subIndustryOptions,
  type RosterTableQuery,
} from "./roster-filters";
import { OTHER_SUB_INDUSTRY, SUB_INDUSTRY } from "./roster-test-fixtures";

const search = (text: string) => new URLSearchParams(text);

const query: RosterTableQuery = {
  filters: { subIndustries: [SUB_INDUSTRY, OTHER_SUB_INDUSTRY], scale: "BELOW", specialised: true, complete: false, status: "ACTIVE" },
  sort: { key: "revenue", direction: "descend" },
  page: 3,
  pageSize: 50,
};

describe("the roster table's query", () => {
  it("is the default for a plain URL: every entry, the roster's order, page 1 of 20", () => {
    expect(rosterQueryFromSearch(search(""))).toEqual(DEFAULT_ROSTER_QUERY);
    expect(isFiltered(DEFAULT_ROSTER_QUERY.filters)).toBe(false);
    expect(searchWithRosterQuery(search(""), DEFAULT_ROSTER_QUERY).toString()).toBe("");
  });

  it("is kept in the URL and read back the same, other parameters left alone", () => {
    const params = searchWithRosterQuery(search("tab=roster&page=9"), query);
    expect(params.get("tab")).toBe("roster");
    expect(params.getAll("subIndustry")).toEqual([SUB_INDUSTRY, OTHER_SUB_INDUSTRY]);
    expect(Object.fromEntries([...params].filter(([key]) => key !== "subIndustry"))).toEqual({
      tab: "roster",
      scale: "BELOW",
      specialised: "true",
      complete: "false",
      status: "ACTIVE",
      sort: "revenue",
      order: "descend",
      page: "3",
      pageSize: "50",
    });
    expect(rosterQueryFromSearch(params)).toEqual(query);
  });

  it("reads an edited or old URL as far as it makes sense, and the default for the rest", () => {
    const read = rosterQueryFromSearch(search("page=0&pageSize=15&sort=creditCode&order=descend&scale=HUGE&specialised=yes&status=DELETED&subIndustry=&subIndustry=%20A%20&subIndustry=A"));
    expect(read).toEqual({ ...DEFAULT_ROSTER_QUERY, filters: { ...NO_ROSTER_FILTERS, subIndustries: ["A"] } });
    expect(rosterQueryFromSearch(search("page=abc&pageSize=100&sort=name")).pageSize).toBe(100);
    expect(rosterQueryFromSearch(search("sort=name")).sort).toBeNull();
    expect(rosterQueryFromSearch(search("page=9999999")).page).toBe(1);
    // No more sub-industries than the API takes, none longer.
    const many = new URLSearchParams(Array.from({ length: 60 }, (_, index) => ["subIndustry", `行业${index}`]));
    expect(rosterQueryFromSearch(many).filters.subIndustries).toHaveLength(50);
    expect(rosterQueryFromSearch(search(`subIndustry=${"长".repeat(300)}`)).filters.subIndustries).toEqual([]);
  });

  it("asks the API for the page, the filter without its “all”s, and the order", () => {
    expect(listRosterInputOf(DEFAULT_ROSTER_QUERY)).toEqual({ page: 1, pageSize: 20 });
    expect(listRosterInputOf(query)).toEqual({
      filter: { subIndustries: [SUB_INDUSTRY, OTHER_SUB_INDUSTRY], scale: "BELOW", specialised: true, complete: false, status: "ACTIVE" },
      sort: { key: "revenue", direction: "descend" },
      page: 3,
      pageSize: 50,
    });
    expect(rosterFilterOf({ ...NO_ROSTER_FILTERS, specialised: false })).toEqual({ specialised: false });
    expect(isFiltered({ ...NO_ROSTER_FILTERS, complete: false })).toBe(true);
  });

  it("offers the plan's sub-industries first, then those only entries name", () => {
    expect(subIndustryOptions([SUB_INDUSTRY], [OTHER_SUB_INDUSTRY, SUB_INDUSTRY])).toEqual([SUB_INDUSTRY, OTHER_SUB_INDUSTRY]);
    expect(subIndustryOptions([], [])).toEqual([]);
  });
});

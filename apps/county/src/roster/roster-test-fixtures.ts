/** Roster data for this folder's tests, shaped as roster.listRoster answers. */
import { makeCreditCode } from "@dtpilot/domain";
import type { PilotEnterpriseView, RosterView } from "./roster-types";

export const JIANGYIN = "320281";
export const SUB_INDUSTRY = "智能装备—数控机床";
export const OTHER_SUB_INDUSTRY = "智能装备—精密零部件";

export const creditCode = (serial: number) => makeCreditCode(`91${JIANGYIN}MA${String(serial).padStart(7, "0")}`);

type Sections = PilotEnterpriseView["completeness"]["sections"];

function sections(complete: boolean): Sections {
  const section = (filled: number, required: number) => ({ complete: filled === required, filled, required });
  return complete
    ? { basic: section(10, 10), needs: section(6, 6), results: section(8, 8), evaluation: section(3, 3) }
    : { basic: section(10, 10), needs: section(3, 6), results: section(0, 8), evaluation: section(0, 3) };
}

/** An entry; `complete` gives it a complete file (100 %), otherwise half of it is filled (50 %). */
export function pilotEnterprise(
  serial: number,
  overrides: Partial<Omit<PilotEnterpriseView, "completeness">> & { name?: string; complete?: boolean } = {},
): PilotEnterpriseView {
  const { name, complete = false, ...rest } = overrides;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, "0")}`,
    countyId: JIANGYIN,
    batchId: "b1",
    subIndustry: SUB_INDUSTRY,
    scale: "ABOVE",
    specialised: false,
    lastYearRevenue: "1000",
    contactName: null,
    contactPhone: null,
    status: "ACTIVE",
    transformationStartedOn: null,
    createdAt: new Date("2026-03-01T00:00:00Z"),
    removedAt: null,
    enterprise: { id: `10000000-0000-4000-8000-${String(serial).padStart(12, "0")}`, name: name ?? `江阴测试企业${serial}有限公司`, creditCode: creditCode(serial) },
    providers: [],
    completeness: { percentage: complete ? 100 : 50, complete, sections: sections(complete) },
    ...rest,
  } as PilotEnterpriseView;
}

export function rosterView(entries: PilotEnterpriseView[], overrides: Partial<RosterView> = {}): RosterView {
  const active = entries.filter((entry) => entry.status === "ACTIVE");
  return {
    total: entries.length,
    page: 1,
    pageSize: 20,
    subIndustriesInUse: [...new Set(entries.map((entry) => entry.subIndustry))],
    county: { code: JIANGYIN, name: "江阴市", city: { code: "3202", name: "无锡市", region: "SOUTH" } },
    batch: { id: "b1", name: "2026年度", startsOn: new Date("2026-01-01T00:00:00Z"), endsOn: new Date("2026-12-31T00:00:00Z") },
    frozen: false,
    planState: "DRAFT",
    subIndustries: [SUB_INDUSTRY, OTHER_SUB_INDUSTRY],
    rosterMinimum: 100,
    entries,
    counts: {
      aboveScale: active.filter((entry) => entry.scale === "ABOVE").length,
      belowScale: active.filter((entry) => entry.scale === "BELOW").length,
      specialised: active.filter((entry) => entry.specialised).length,
      total: active.length,
    },
    targets: null,
    canAdd: true,
    ...overrides,
  } as RosterView;
}

/** roster.listRoster's input, as the page sends it. */
export interface ListRosterCall {
  countyId?: string;
  filter?: { subIndustries?: string[]; scale?: string; specialised?: boolean; complete?: boolean; status?: string };
  sort?: { key: "name" | "revenue" | "completeness"; direction: "ascend" | "descend" };
  page?: number;
  pageSize?: number;
}

/**
 * A stand-in for the server's roster.listRoster over `entries`: filters, sorts (by name, revenue or completeness) and
 * pages them as asked, with the total and the counts of the whole roster.
 */
export function pagedRoster(entries: PilotEnterpriseView[], overrides: Partial<RosterView> = {}) {
  return (raw: unknown): RosterView => {
    const input = (raw ?? {}) as ListRosterCall;
    const filter = input.filter ?? {};
    const matching = entries.filter(
      (entry) =>
        (!filter.subIndustries?.length || filter.subIndustries.includes(entry.subIndustry)) &&
        (filter.scale === undefined || entry.scale === filter.scale) &&
        (filter.specialised === undefined || entry.specialised === filter.specialised) &&
        (filter.complete === undefined || entry.completeness.complete === filter.complete) &&
        (filter.status === undefined || entry.status === filter.status),
    );
    const sort = input.sort;
    const value = (entry: PilotEnterpriseView) =>
      sort?.key === "revenue" ? Number(entry.lastYearRevenue ?? 0) : sort?.key === "completeness" ? entry.completeness.percentage : 0;
    const sorted = sort
      ? [...matching].sort(
          (a, b) =>
            (sort.direction === "ascend" ? 1 : -1) * (sort.key === "name" ? a.enterprise.name.localeCompare(b.enterprise.name, "zh-CN") : value(a) - value(b)),
        )
      : matching;
    const page = input.page ?? 1;
    const pageSize = input.pageSize ?? 20;
    return {
      ...rosterView(entries, overrides),
      entries: sorted.slice((page - 1) * pageSize, page * pageSize),
      total: matching.length,
      page,
      pageSize,
    };
  };
}

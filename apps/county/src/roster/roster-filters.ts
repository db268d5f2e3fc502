import type { EnterpriseScale } from "@dtpilot/domain";
import type { PilotEnterpriseView } from "./roster-types";

/** The roster table's filters; an empty list or null means “all”. */
export interface RosterFilters {
  subIndustries: readonly string[];
  scale: EnterpriseScale | null;
  specialised: boolean | null;
  /** Whether the enterprise's file 一企一档 is complete. */
  complete: boolean | null;
  status: PilotEnterpriseView["status"] | null;
}

export const NO_ROSTER_FILTERS: RosterFilters = { subIndustries: [], scale: null, specialised: null, complete: null, status: null };

export const ROSTER_SORT_KEYS = ["name", "revenue", "completeness"] as const;
export type RosterSortKey = (typeof ROSTER_SORT_KEYS)[number];
export interface RosterSort {
  key: RosterSortKey;
  direction: "ascend" | "descend";
}

type FilteredEntry = Pick<PilotEnterpriseView, "subIndustry" | "scale" | "specialised" | "status" | "completeness">;

export function isFiltered(filters: RosterFilters): boolean {
  return (
    filters.subIndustries.length > 0 || filters.scale !== null || filters.specialised !== null || filters.complete !== null || filters.status !== null
  );
}

export function matchesRosterFilters(entry: FilteredEntry, filters: RosterFilters): boolean {
  return (
    (filters.subIndustries.length === 0 || filters.subIndustries.includes(entry.subIndustry)) &&
    (filters.scale === null || entry.scale === filters.scale) &&
    (filters.specialised === null || entry.specialised === filters.specialised) &&
    (filters.complete === null || entry.completeness.complete === filters.complete) &&
    (filters.status === null || entry.status === filters.status)
  );
}

const collator = new Intl.Collator("zh-CN", { numeric: true });

/** A revenue (decimal string, 万元) as a number for ordering; a missing one is null. */
function revenueOf(entry: Pick<PilotEnterpriseView, "lastYearRevenue">): number | null {
  if (entry.lastYearRevenue === null || entry.lastYearRevenue.trim() === "") return null;
  const value = Number(entry.lastYearRevenue);
  return Number.isFinite(value) ? value : null;
}

type SortedEntry = Pick<PilotEnterpriseView, "lastYearRevenue" | "completeness"> & { enterprise: Pick<PilotEnterpriseView["enterprise"], "name"> };

function compareBy(key: RosterSortKey, a: SortedEntry, b: SortedEntry): number {
  switch (key) {
    case "name":
      return collator.compare(a.enterprise.name, b.enterprise.name);
    case "revenue": {
      const left = revenueOf(a);
      const right = revenueOf(b);
      return left === null || right === null ? 0 : left - right;
    }
    case "completeness":
      return a.completeness.percentage - b.completeness.percentage;
  }
}

/**
 * The entries in the order asked for; ties (and everything without a sort) keep the roster's own order. An entry
 * without a revenue goes last whichever the direction, so the largest or smallest are always at the top.
 */
export function sortPilotEnterprises<T extends SortedEntry>(entries: readonly T[], sort: RosterSort | null): T[] {
  if (!sort) return [...entries];
  const sign = sort.direction === "ascend" ? 1 : -1;
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      if (sort.key === "revenue") {
        const missing = Number(revenueOf(a.entry) === null) - Number(revenueOf(b.entry) === null);
        if (missing !== 0) return missing;
      }
      return sign * compareBy(sort.key, a.entry, b.entry) || a.index - b.index;
    })
    .map(({ entry }) => entry);
}

/** The rows the table shows, in its order: the filtered entries, sorted. The XLSX of the current list exports exactly these. */
export function shownPilotEnterprises<T extends FilteredEntry & SortedEntry>(
  entries: readonly T[],
  filters: RosterFilters,
  sort: RosterSort | null,
): T[] {
  return sortPilotEnterprises(
    entries.filter((entry) => matchesRosterFilters(entry, filters)),
    sort,
  );
}

/** The sub-industries to filter by: the plan's, then any an entry has that the plan no longer lists. */
export function subIndustryOptions(planned: readonly string[], entries: readonly Pick<PilotEnterpriseView, "subIndustry">[]): string[] {
  const names = new Set(planned);
  for (const entry of entries) names.add(entry.subIndustry);
  return [...names];
}

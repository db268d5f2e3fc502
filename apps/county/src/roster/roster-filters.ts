import {
  ENTERPRISE_SCALES,
  isListPageSize,
  PILOT_ENTERPRISE_STATUSES,
  DEFAULT_LIST_PAGE_SIZE,
  ROSTER_FILTER_MAX_SUB_INDUSTRIES,
  LIST_PAGE_MAX,
  ROSTER_SORT_DIRECTIONS,
  ROSTER_SORT_KEYS,
  ROSTER_SUB_INDUSTRY_MAX_CHARS,
  type EnterpriseScale,
  type PilotEnterpriseStatus,
  type RosterFilter,
  type ListPageSize,
  type RosterSort,
  type RosterSortKey,
} from "@dtpilot/domain";

export { ROSTER_SORT_KEYS, type RosterSort, type RosterSortKey };

/**
 * What the roster table shows: its filters, order and page, kept in the page's URL (so a reload, a shared link and
 * the browser's back button keep them) and sent to roster.listRoster, which filters, sorts and pages in SQL.
 */

/** The roster table's filters; an empty list or null means “all”. */
export interface RosterFilters {
  subIndustries: readonly string[];
  scale: EnterpriseScale | null;
  specialised: boolean | null;
  /** Whether the enterprise's file 一企一档 is complete. */
  complete: boolean | null;
  status: PilotEnterpriseStatus | null;
}

export const NO_ROSTER_FILTERS: RosterFilters = { subIndustries: [], scale: null, specialised: null, complete: null, status: null };

export interface RosterTableQuery {
  filters: RosterFilters;
  sort: RosterSort | null;
  page: number;
  pageSize: ListPageSize;
}

export const DEFAULT_ROSTER_QUERY: RosterTableQuery = { filters: NO_ROSTER_FILTERS, sort: null, page: 1, pageSize: DEFAULT_LIST_PAGE_SIZE };

export function isFiltered(filters: RosterFilters): boolean {
  return (
    filters.subIndustries.length > 0 || filters.scale !== null || filters.specialised !== null || filters.complete !== null || filters.status !== null
  );
}

/** The filters as the API takes them (roster.listRoster's `filter`, roster.requestRosterExport's input): “all” left out. */
export function rosterFilterOf(filters: RosterFilters): RosterFilter {
  return {
    ...(filters.subIndustries.length > 0 ? { subIndustries: [...filters.subIndustries] } : {}),
    ...(filters.scale === null ? {} : { scale: filters.scale }),
    ...(filters.specialised === null ? {} : { specialised: filters.specialised }),
    ...(filters.complete === null ? {} : { complete: filters.complete }),
    ...(filters.status === null ? {} : { status: filters.status }),
  };
}

/** roster.listRoster's input for what the table shows. */
export function listRosterInputOf(query: RosterTableQuery) {
  const filter = rosterFilterOf(query.filters);
  return {
    ...(Object.keys(filter).length > 0 ? { filter } : {}),
    ...(query.sort ? { sort: query.sort } : {}),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The search parameters the query is kept in; a default is left out, so the plain page has a plain URL. */
const PARAMS = {
  page: "page",
  pageSize: "pageSize",
  sort: "sort",
  order: "order",
  subIndustry: "subIndustry",
  scale: "scale",
  specialised: "specialised",
  complete: "complete",
  status: "status",
} as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

function yesNo(value: string | null): boolean | null {
  return value === "true" ? true : value === "false" ? false : null;
}

function positiveInteger(value: string | null): number | null {
  if (value === null || !/^\d{1,6}$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= LIST_PAGE_MAX ? number : null;
}

/** The query a URL holds; anything unreadable (an edited or old link) falls back to the default. */
export function rosterQueryFromSearch(params: URLSearchParams): RosterTableQuery {
  const key = oneOf(ROSTER_SORT_KEYS, params.get(PARAMS.sort));
  const direction = oneOf(ROSTER_SORT_DIRECTIONS, params.get(PARAMS.order));
  const size = positiveInteger(params.get(PARAMS.pageSize));
  const subIndustries = [...new Set(params.getAll(PARAMS.subIndustry).map((name) => name.trim()))]
    .filter((name) => name.length > 0 && name.length <= ROSTER_SUB_INDUSTRY_MAX_CHARS)
    .slice(0, ROSTER_FILTER_MAX_SUB_INDUSTRIES);
  return {
    filters: {
      subIndustries,
      scale: oneOf(ENTERPRISE_SCALES, params.get(PARAMS.scale)),
      specialised: yesNo(params.get(PARAMS.specialised)),
      complete: yesNo(params.get(PARAMS.complete)),
      status: oneOf(PILOT_ENTERPRISE_STATUSES, params.get(PARAMS.status)),
    },
    sort: key && direction ? { key, direction } : null,
    page: positiveInteger(params.get(PARAMS.page)) ?? 1,
    pageSize: size !== null && isListPageSize(size) ? size : DEFAULT_LIST_PAGE_SIZE,
  };
}

/** `base` with the query written into it (other parameters kept). */
export function searchWithRosterQuery(base: URLSearchParams, query: RosterTableQuery): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of Object.values(PARAMS)) params.delete(name);
  for (const name of query.filters.subIndustries) params.append(PARAMS.subIndustry, name);
  if (query.filters.scale !== null) params.set(PARAMS.scale, query.filters.scale);
  if (query.filters.specialised !== null) params.set(PARAMS.specialised, String(query.filters.specialised));
  if (query.filters.complete !== null) params.set(PARAMS.complete, String(query.filters.complete));
  if (query.filters.status !== null) params.set(PARAMS.status, query.filters.status);
  if (query.sort) {
    params.set(PARAMS.sort, query.sort.key);
    params.set(PARAMS.order, query.sort.direction);
  }
  if (query.page !== 1) params.set(PARAMS.page, String(query.page));
  if (query.pageSize !== DEFAULT_LIST_PAGE_SIZE) params.set(PARAMS.pageSize, String(query.pageSize));
  return params;
}

/** The sub-industries to filter by: the plan's, then any an entry has that the plan no longer lists. */
export function subIndustryOptions(planned: readonly string[], inUse: readonly string[]): string[] {
  return [...new Set([...planned, ...inUse])];
}

import { z } from "zod";
import { ENTERPRISE_SCALES, ROSTER_SUB_INDUSTRY_MAX_CHARS } from "./pilot-enterprise";

/**
 * Which roster entries to list or export, how to order them and which page to show: the one definition the roster
 * list (roster.listRoster), its XLSX export (roster.requestRosterExport) and the county's roster table share. The
 * database applies it (the roster repository); nothing filters or sorts a roster in memory.
 */

/** 在册 (on the roster) or 已移出 (taken off by an approved change). */
export const PILOT_ENTERPRISE_STATUSES = ["ACTIVE", "REMOVED"] as const;
export type PilotEnterpriseStatus = (typeof PILOT_ENTERPRISE_STATUSES)[number];

/** At most this many sub-industries in one filter (a plan names far fewer). */
export const ROSTER_FILTER_MAX_SUB_INDUSTRIES = 50;

/**
 * The roster table's filters; a filter left out (or an empty list of sub-industries) means all. Without a status,
 * entries 在册 and 已移出 both match.
 */
export const rosterFilterSchema = z
  .object({
    /** 所属细分行业: any of these. */
    subIndustries: z.array(z.string().trim().min(1).max(ROSTER_SUB_INDUSTRY_MAX_CHARS)).max(ROSTER_FILTER_MAX_SUB_INDUSTRIES).optional(),
    scale: z.enum(ENTERPRISE_SCALES).optional(),
    specialised: z.boolean().optional(),
    /** Whether the enterprise's file 一企一档 is complete. */
    complete: z.boolean().optional(),
    status: z.enum(PILOT_ENTERPRISE_STATUSES).optional(),
  })
  .strict();
export type RosterFilter = z.output<typeof rosterFilterSchema>;

/** Whether the filter narrows the roster at all. */
export function isRosterFiltered(filter: RosterFilter = {}): boolean {
  return (
    (filter.subIndustries?.length ?? 0) > 0 ||
    filter.scale !== undefined ||
    filter.specialised !== undefined ||
    filter.complete !== undefined ||
    filter.status !== undefined
  );
}

export const ROSTER_SORT_KEYS = ["name", "revenue", "completeness"] as const;
export type RosterSortKey = (typeof ROSTER_SORT_KEYS)[number];
export const ROSTER_SORT_DIRECTIONS = ["ascend", "descend"] as const;

/**
 * An order for the roster: by 企业名称 (zh-CN pinyin, numbers by value), by 上年度主营业务收入 (an entry without one
 * last, whichever the direction) or by 档案完整度. Ties, and no sort at all, keep the roster's own order (the order
 * entries were added).
 */
export const rosterSortSchema = z.object({ key: z.enum(ROSTER_SORT_KEYS), direction: z.enum(ROSTER_SORT_DIRECTIONS) }).strict();
export type RosterSort = z.output<typeof rosterSortSchema>;

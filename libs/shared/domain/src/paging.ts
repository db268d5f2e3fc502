/**
 * Lists a screen shows a page at a time (名单调整申请, 导出记录): the page sizes a user may pick, what a request may ask
 * for, and where a page starts. The API filters, counts and pages in SQL; the apps offer the same sizes.
 */
import { z } from "zod";

/** The sizes a paged list offers (and the only ones it accepts). */
export const LIST_PAGE_SIZES = [10, 20, 50, 100] as const;
export type ListPageSize = (typeof LIST_PAGE_SIZES)[number];
export const DEFAULT_LIST_PAGE_SIZE: ListPageSize = 20;

/** No list is that long; the bound keeps the offset a client may ask for (page × size) small. */
export const LIST_PAGE_MAX = 10_000;

/** The paging fields of a list's input: page 1 and 20 a page unless asked otherwise. */
export const listPageFields = {
  page: z.number().int().min(1).max(LIST_PAGE_MAX).default(1),
  pageSize: z.literal(LIST_PAGE_SIZES).default(DEFAULT_LIST_PAGE_SIZE),
};

export function isListPageSize(value: number): value is ListPageSize {
  return (LIST_PAGE_SIZES as readonly number[]).includes(value);
}

/** A size a pager reports back as one of the offered sizes (anything else: the default). */
export function toListPageSize(value: number): ListPageSize {
  return LIST_PAGE_SIZES.find((size) => size === value) ?? DEFAULT_LIST_PAGE_SIZE;
}

export interface ListPage {
  page: number;
  pageSize: number;
}

/** The rows a page holds: `skip` rows, then `take`. A page past the last one simply holds none. */
export function pageWindow({ page, pageSize }: ListPage): { skip: number; take: number } {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

/**
 * The list's total when the page itself tells it: a page that is not full and not past the end (an empty first page
 * included) is the last one, so its rows end the list. Otherwise (a full page, or one past the end) null: count.
 */
export function totalShownByPage({ skip, take }: { skip: number; take: number }, rowsOnPage: number): number | null {
  return rowsOnPage < take && (rowsOnPage > 0 || skip === 0) ? skip + rowsOnPage : null;
}

/** The last page holding rows (1 for an empty list): where a list goes back to when its page ran empty. */
export function lastPage(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

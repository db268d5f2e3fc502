/**
 * A list a screen shows a page at a time from the server (名单调整申请, 导出记录): which page, how many a page, the
 * filters, and the antd pager that drives them. A new filter starts again at page 1; a page that ran empty (its last
 * rows were decided or removed meanwhile) goes back to the last page that has rows.
 *
 * Entry `@dtpilot/ui/paging`, not the package's main entry: only lazily loaded pages use it, so it is bundled with
 * them and never with the shared @dtpilot/ui singleton every landing loads.
 */
import { DEFAULT_LIST_PAGE_SIZE, LIST_PAGE_SIZES, lastPage, toListPageSize, type ListPageSize } from "@dtpilot/domain";
import type { PaginationProps } from "antd";
import { useCallback, useEffect, useState } from "react";

export interface PagedList<Filter> {
  filter: Filter;
  page: number;
  pageSize: ListPageSize;
  /** Changes some filters and goes back to page 1. */
  setFilter(change: Partial<Filter>): void;
  /** The first page with these filters (e.g. another county is chosen). */
  reset(filter: Filter): void;
  setPage(page: number): void;
  /** A controlled antd pager for `total` rows: current page, size, total, the size changer with the offered sizes. */
  pagination(total: number, showTotal: (total: number) => string): PaginationProps;
}

export function usePagedList<Filter>(initialFilter: Filter): PagedList<Filter> {
  const [state, setState] = useState<{ filter: Filter; page: number; pageSize: ListPageSize }>({
    filter: initialFilter,
    page: 1,
    pageSize: DEFAULT_LIST_PAGE_SIZE,
  });
  const setFilter = useCallback((change: Partial<Filter>) => setState((current) => ({ ...current, filter: { ...current.filter, ...change }, page: 1 })), []);
  const reset = useCallback((filter: Filter) => setState((current) => ({ ...current, filter, page: 1 })), []);
  const setPage = useCallback((page: number) => setState((current) => ({ ...current, page })), []);
  return {
    ...state,
    setFilter,
    reset,
    setPage,
    pagination: (total, showTotal) => ({
      current: state.page,
      pageSize: state.pageSize,
      total,
      showSizeChanger: true,
      pageSizeOptions: LIST_PAGE_SIZES.map(String),
      showTotal,
      // A new size starts again at page 1: the old page number would mean other rows.
      onChange: (page, size) =>
        setState((current) => (size === current.pageSize ? { ...current, page } : { ...current, page: 1, pageSize: toListPageSize(size) })),
    }),
  };
}

/**
 * Once the server answered for the list's page (not a placeholder kept from the page before) with no row although
 * the list has rows, goes back to its last page that has some.
 */
export function useEmptiedPageGoesBack(
  list: Pick<PagedList<unknown>, "page" | "pageSize" | "setPage">,
  answer: { items: readonly unknown[]; total: number } | undefined,
  placeholder: boolean,
): void {
  const emptied = answer !== undefined && !placeholder && answer.items.length === 0 && list.page > 1;
  const last = lastPage(answer?.total ?? 0, list.pageSize);
  const { setPage } = list;
  useEffect(() => {
    if (emptied) setPage(last);
  }, [emptied, last, setPage]);
}

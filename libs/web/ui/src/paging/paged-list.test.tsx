import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useEmptiedPageGoesBack, usePagedList } from "./paged-list";

type Filter = { status?: string; kind?: string };
const page = (items: number, total: number) => ({ items: Array.from({ length: items }, (_, index) => index), total });

describe("usePagedList", () => {
  it("starts at page 1 of 20 and offers the sizes the API accepts on a controlled pager", () => {
    const { result } = renderHook(() => usePagedList<Filter>({}));
    const pager = result.current.pagination(45, (total) => `共 ${total} 项`);
    expect(pager).toMatchObject({ current: 1, pageSize: 20, total: 45, showSizeChanger: true, pageSizeOptions: ["10", "20", "50", "100"] });
    expect(pager.showTotal?.(45, [1, 20])).toBe("共 45 项");
  });

  it("moves to the page chosen, and back to page 1 with a new size or a new filter", () => {
    const { result } = renderHook(() => usePagedList<Filter>({}));
    act(() => result.current.pagination(45, String).onChange?.(3, 20));
    expect(result.current.page).toBe(3);
    act(() => result.current.pagination(45, String).onChange?.(3, 50));
    expect(result.current).toMatchObject({ page: 1, pageSize: 50 });
    act(() => result.current.setPage(2));
    act(() => result.current.setFilter({ status: "PENDING" }));
    expect(result.current).toMatchObject({ page: 1, pageSize: 50, filter: { status: "PENDING" } });
    act(() => result.current.setFilter({ kind: "ADD" }));
    expect(result.current.filter).toEqual({ status: "PENDING", kind: "ADD" });
    act(() => result.current.setPage(2));
    act(() => result.current.reset({}));
    expect(result.current).toMatchObject({ page: 1, pageSize: 50, filter: {} });
  });

  it("takes back only a size it offers", () => {
    const { result } = renderHook(() => usePagedList<Filter>({}));
    act(() => result.current.pagination(45, String).onChange?.(1, 30));
    expect(result.current.pageSize).toBe(20);
  });
});

describe("useEmptiedPageGoesBack", () => {
  it("goes back to the last page that has rows once the server answered an empty page", () => {
    const hook = renderHook(
      ({ answer, placeholder }: { answer: { items: number[]; total: number } | undefined; placeholder: boolean }) => {
        const list = usePagedList<Filter>({});
        useEmptiedPageGoesBack(list, answer, placeholder);
        return list;
      },
      { initialProps: { answer: page(20, 45), placeholder: false } },
    );
    act(() => hook.result.current.setPage(3));
    // The page before is still shown while page 3 loads: nothing moves.
    hook.rerender({ answer: page(20, 45), placeholder: true });
    expect(hook.result.current.page).toBe(3);
    // Page 3 came back empty: 30 rows are left, on 2 pages.
    hook.rerender({ answer: page(0, 30), placeholder: false });
    expect(hook.result.current.page).toBe(2);
  });

  it("leaves page 1 and an empty list alone", () => {
    const hook = renderHook(
      ({ answer }: { answer: { items: number[]; total: number } }) => {
        const list = usePagedList<Filter>({});
        useEmptiedPageGoesBack(list, answer, false);
        return list;
      },
      { initialProps: { answer: page(0, 0) } },
    );
    expect(hook.result.current.page).toBe(1);
  });
});

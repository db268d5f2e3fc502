import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LIST_PAGE_MAX, lastPage, listPageFields, pageWindow, toListPageSize } from "./paging";

const schema = z.object(listPageFields).strict();

describe("paged lists", () => {
  it("start at page 1 with 20 rows unless asked otherwise", () => {
    expect(schema.parse({})).toEqual({ page: 1, pageSize: 20 });
    expect(schema.parse({ page: 3, pageSize: 50 })).toEqual({ page: 3, pageSize: 50 });
  });

  it("offer 10, 20, 50 and 100 rows a page and nothing else", () => {
    for (const pageSize of [10, 20, 50, 100]) expect(schema.safeParse({ pageSize }).success).toBe(true);
    for (const pageSize of [0, 1, 30, 101, 1000, -20, 20.5, "20"]) expect(schema.safeParse({ pageSize }).success, String(pageSize)).toBe(false);
  });

  it("refuse a page before the first, a fractional page and one past the bound", () => {
    for (const page of [0, -1, 1.5, LIST_PAGE_MAX + 1, "2"]) expect(schema.safeParse({ page }).success, String(page)).toBe(false);
    expect(schema.safeParse({ page: LIST_PAGE_MAX }).success).toBe(true);
  });

  it("take back a pager's size only when it is one they offer", () => {
    expect(toListPageSize(50)).toBe(50);
    expect(toListPageSize(30)).toBe(20);
  });

  it("skip the rows of the pages before", () => {
    expect(pageWindow({ page: 1, pageSize: 20 })).toEqual({ skip: 0, take: 20 });
    expect(pageWindow({ page: 3, pageSize: 50 })).toEqual({ skip: 100, take: 50 });
  });

  it("name the last page holding rows, 1 for an empty list", () => {
    expect(lastPage(0, 20)).toBe(1);
    expect(lastPage(20, 20)).toBe(1);
    expect(lastPage(21, 20)).toBe(2);
    expect(lastPage(101, 10)).toBe(11);
  });
});

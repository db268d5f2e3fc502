import { describe, expect, it } from "vitest";
import { jsonEqual, resolveMerge, threeWayMerge } from "./three-way-merge";

const item = (id: string, text: string) => ({ id, text });

describe("threeWayMerge", () => {
  it("takes the side that changed a field and keeps the other side's fields", () => {
    const base = { name: "甲", contact: null as string | null, count: 1 };
    expect(threeWayMerge(base, { ...base, name: "乙" }, { ...base, count: 2 })).toEqual({
      merged: { name: "乙", contact: null, count: 2 },
      conflicts: [],
    });
  });

  it("reports a field both sides changed differently by its path, holding theirs until settled", () => {
    const base = { cover: { contact: "张三", phone: "1" } };
    const mine = { cover: { contact: "李四", phone: "1" } };
    const theirs = { cover: { contact: "王五", phone: "2" } };
    expect(threeWayMerge(base, mine, theirs)).toEqual({
      merged: { cover: { contact: "王五", phone: "2" } },
      conflicts: [{ path: ["cover", "contact"], kind: "BOTH_CHANGED", mine: "李四", theirs: "王五" }],
    });
  });

  it("accepts the same change made on both sides", () => {
    expect(threeWayMerge({ a: 1 }, { a: 2 }, { a: 2 })).toEqual({ merged: { a: 2 }, conflicts: [] });
  });

  it("merges lists of items by id, keeping both sides' additions, theirs first", () => {
    const a = item("a", "一");
    const base = { list: [a] };
    const { merged, conflicts } = threeWayMerge(base, { list: [a, item("m", "我的")] }, { list: [a, item("t", "对方的")] });
    expect(merged.list.map((entry) => entry.id)).toEqual(["a", "t", "m"]);
    expect(conflicts).toEqual([]);
  });

  it("reports an item deleted on one side and changed on the other, and keeps the changed item", () => {
    const base = { list: [item("a", "一"), item("b", "二")] };
    const { merged, conflicts } = threeWayMerge(base, { list: [item("b", "二")] }, { list: [item("a", "改过"), item("b", "二")] });
    expect(conflicts).toEqual([{ path: ["list", "a"], kind: "DELETED_BY_MINE", mine: null, theirs: item("a", "改过") }]);
    expect(merged.list.map((entry) => entry.text)).toEqual(["改过", "二"]);
  });

  it("treats a list without ids as one value", () => {
    const { conflicts } = threeWayMerge({ tags: ["a"] }, { tags: ["a", "b"] }, { tags: ["c"] });
    expect(conflicts).toEqual([{ path: ["tags"], kind: "BOTH_CHANGED", mine: ["a", "b"], theirs: ["c"] }]);
  });
});

describe("resolveMerge", () => {
  it("puts each conflict's chosen side at its path, theirs where nothing was chosen", () => {
    const base = { x: 1, y: 1 };
    const { merged, conflicts } = threeWayMerge(base, { x: 2, y: 2 }, { x: 3, y: 3 });
    expect(resolveMerge(merged, conflicts, ["mine"])).toEqual({ x: 2, y: 3 });
  });

  it("removes an item when the chosen side deleted it", () => {
    const base = { list: [item("a", "一")] };
    const { merged, conflicts } = threeWayMerge(base, { list: [] }, { list: [item("a", "改过")] });
    expect(resolveMerge(merged, conflicts, ["mine"])).toEqual({ list: [] });
    expect(resolveMerge(merged, conflicts, ["theirs"])).toEqual({ list: [item("a", "改过")] });
  });
});

describe("jsonEqual", () => {
  it("ignores key order and respects list order", () => {
    expect(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });
});

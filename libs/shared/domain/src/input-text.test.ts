import { describe, expect, it } from "vitest";
import { findInputBoundViolation, hasIllegalCharacters, INPUT_BOUNDS, safeText, stripIllegalCharacters, withoutIllegalCharacters } from "./input-text";

const ILLEGAL = ["\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u000E", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF", "a\uDC00"];
const LEGAL = ["\t", "\n", "\r", "江阴市", "😀", "\u007F", "\uFFFD", "\uE000", "a\uD83D\uDE00b"];

describe("the character rule", () => {
  it.each(ILLEGAL)("refuses %j", (text) => {
    expect(hasIllegalCharacters(`前${text}后`)).toBe(true);
    expect(stripIllegalCharacters(`前${text}后`)).toBe(text.startsWith("a") ? "前a后" : "前后");
  });

  it.each(LEGAL)("accepts %j", (text) => {
    expect(hasIllegalCharacters(text)).toBe(false);
    expect(stripIllegalCharacters(text)).toBe(text);
  });

  it("gives schemas a field error key", () => {
    expect(safeText().safeParse("ok").success).toBe(true);
    expect(safeText().safeParse("a\u0000b").error?.issues[0]?.message).toBe("input.illegalCharacter");
  });
});

function nested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { child: value };
  return value;
}

describe("input bounds", () => {
  it("names the path of an illegal character, in values and in keys", () => {
    expect(findInputBoundViolation({ a: [{ b: "x" }, { b: "y\uFFFE" }] })).toEqual({ path: ["a", 1, "b"], problem: "input.illegalCharacter" });
    expect(findInputBoundViolation({ a: { "k\u0000": 1 } })).toEqual({ path: ["a", "k\u0000"], problem: "input.illegalCharacter" });
    expect(findInputBoundViolation(new Map([["k", "\u0001"]]))?.problem).toBe("input.illegalCharacter");
  });

  it(`accepts ${INPUT_BOUNDS.maxDepth} levels of nesting and refuses one more, however deep`, () => {
    expect(findInputBoundViolation(nested(INPUT_BOUNDS.maxDepth))).toBeNull();
    expect(findInputBoundViolation(nested(INPUT_BOUNDS.maxDepth + 1))).toMatchObject({ problem: "input.tooDeep", maximum: INPUT_BOUNDS.maxDepth });
    expect(findInputBoundViolation(nested(1_000_000))?.problem).toBe("input.tooDeep");
  });

  it("refuses too many nodes and too many keys, and stops on a cycle", () => {
    expect(findInputBoundViolation(new Array(INPUT_BOUNDS.maxNodes - 1).fill(0))).toBeNull();
    expect(findInputBoundViolation(new Array(INPUT_BOUNDS.maxNodes).fill(0))?.problem).toBe("input.tooManyNodes");
    const wide = Object.fromEntries(Array.from({ length: INPUT_BOUNDS.maxKeys + 1 }, (_, index) => [`k${index}`, index]));
    expect(findInputBoundViolation(wide)).toMatchObject({ path: [], problem: "input.tooManyKeys" });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = [cyclic];
    expect(findInputBoundViolation(cyclic)?.problem).toMatch(/input\.too(Deep|ManyNodes)/);
  });

  it("accepts the ordinary: numbers, booleans, null, dates, text with tabs and newlines", () => {
    expect(findInputBoundViolation({ n: 1, b: true, z: null, d: new Date(), t: "一\t二\r\n三", u: undefined })).toBeNull();
  });
});

describe("documents from text stored before the rule", () => {
  it("strip illegal characters from every string of the builder's input, keeping dates and the rest", () => {
    const generatedAt = new Date("2026-01-02T03:04:05Z");
    const input = { countyName: "江阴\uFFFE市", rows: [{ name: "企业\u0000甲", revenue: 12.5, specialised: true, note: null }], generatedAt };
    expect(withoutIllegalCharacters(input)).toEqual({ countyName: "江阴市", rows: [{ name: "企业甲", revenue: 12.5, specialised: true, note: null }], generatedAt });
    expect(withoutIllegalCharacters(input).generatedAt).toBe(generatedAt);
  });
});

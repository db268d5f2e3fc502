import { z } from "zod";

/**
 * The one character rule for text we accept: nothing XML 1.0 cannot hold (our documents are DOCX/XLSX, i.e. XML,
 * and PostgreSQL refuses U+0000 outright). Refused: C0 control characters other than tab, line feed and carriage
 * return (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F), the non-characters U+FFFE and U+FFFF, and lone surrogates.
 */
const ILLEGAL_TEXT_SOURCE =
  "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]";
const ILLEGAL_TEXT = new RegExp(ILLEGAL_TEXT_SOURCE);
const ILLEGAL_TEXT_ALL = new RegExp(ILLEGAL_TEXT_SOURCE, "g");

/** True when `text` holds a character that XML 1.0 (and so a DOCX/XLSX) cannot hold. */
export function hasIllegalCharacters(text: string): boolean {
  return ILLEGAL_TEXT.test(text);
}

/** `text` without the characters XML 1.0 cannot hold: for writing documents from text stored before the rule. */
export function stripIllegalCharacters(text: string): string {
  return hasIllegalCharacters(text) ? text.replace(ILLEGAL_TEXT_ALL, "") : text;
}

/** A string schema that refuses illegal characters with a field error (message key of @dtpilot/i18n). */
export function safeText() {
  return z.string().refine((text) => !hasIllegalCharacters(text), { message: "input.illegalCharacter" });
}

/** Bounds on the shape of any request input, checked before its schema runs (so no schema recurses into garbage). */
export const INPUT_BOUNDS = {
  /** Nested objects/arrays; a plan's rich text with the most list levels it allows needs about 45. */
  maxDepth: 64,
  /** Objects, arrays and values in the whole input. */
  maxNodes: 200_000,
  /** Keys in one object. */
  maxKeys: 200,
} as const;

export type InputBounds = { maxDepth: number; maxNodes: number; maxKeys: number };

export type InputBoundProblem = "input.illegalCharacter" | "input.tooDeep" | "input.tooManyNodes" | "input.tooManyKeys";

export interface InputBoundViolation {
  /** Where, as a path into the input (as zod reports paths). */
  path: (string | number)[];
  problem: InputBoundProblem;
  /** The bound that was passed, for the message. */
  maximum?: number;
}

/**
 * The first place where `input` breaks a bound: an illegal character in a string or key, nesting, total size or keys
 * per object. Walks without recursion, so hostile depth cannot overflow the stack, and stops at the node bound, so
 * a shared or cyclic structure (superjson's referential equalities) cannot loop.
 */
export function findInputBoundViolation(input: unknown, bounds: InputBounds = INPUT_BOUNDS): InputBoundViolation | null {
  // Each entry links to its parent, so the path is built only for the one reported place.
  type Entry = { value: unknown; key: string | number | null; parent: Entry | null; depth: number };
  const pathOf = (entry: Entry | null, last?: string) => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let at = entry; at && at.key !== null; at = at.parent) path.unshift(at.key);
    return path;
  };
  const stack: Entry[] = [{ value: input, key: null, parent: null, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value } = entry;
    if (++nodes > bounds.maxNodes) return { path: [], problem: "input.tooManyNodes", maximum: bounds.maxNodes };
    if (typeof value === "string") {
      if (hasIllegalCharacters(value)) return { path: pathOf(entry), problem: "input.illegalCharacter" };
      continue;
    }
    if (value === null || typeof value !== "object" || value instanceof Date || value instanceof RegExp) continue;
    if (entry.depth >= bounds.maxDepth) return { path: pathOf(entry), problem: "input.tooDeep", maximum: bounds.maxDepth };
    const depth = entry.depth + 1;
    if (Array.isArray(value) || value instanceof Set) {
      const items = Array.isArray(value) ? value : [...value];
      for (let index = items.length - 1; index >= 0; index--) stack.push({ value: items[index], key: index, parent: entry, depth });
      continue;
    }
    if (value instanceof Map) {
      if (value.size > bounds.maxKeys) return { path: pathOf(entry), problem: "input.tooManyKeys", maximum: bounds.maxKeys };
      let index = 0;
      for (const [key, item] of value) {
        stack.push({ value: key, key: index, parent: entry, depth }, { value: item, key: index, parent: entry, depth });
        index++;
      }
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > bounds.maxKeys) return { path: pathOf(entry), problem: "input.tooManyKeys", maximum: bounds.maxKeys };
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index]!;
      if (hasIllegalCharacters(key)) return { path: pathOf(entry, key), problem: "input.illegalCharacter" };
      stack.push({ value: (value as Record<string, unknown>)[key], key, parent: entry, depth });
    }
  }
  return null;
}

/**
 * `value` with every string stripped of illegal characters (plain objects and arrays walked; dates and other
 * instances kept): what a document builder is given, so text stored before the rule still makes a file that opens.
 */
export function withoutIllegalCharacters<T>(value: T): T {
  if (typeof value === "string") return stripIllegalCharacters(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withoutIllegalCharacters(item)) as T;
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutIllegalCharacters(item)])) as T;
}

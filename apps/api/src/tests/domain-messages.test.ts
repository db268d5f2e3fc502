/**
 * The domain reports problems as message keys; every key it can produce has a text in both languages, with the
 * same placeholders, so no user ever sees a bare key.
 */
import { FILE_VALIDATION_MESSAGE_KEYS, ROSTER_IMPORT_MESSAGE_KEYS } from "@dtpilot/domain";
import { en, isErrorKey, zhCN } from "@dtpilot/i18n";
import { describe, expect, it } from "vitest";

const PLAN_KEYS = [
  "plan.count.notNonNegativeInteger",
  "plan.decimal.invalid",
  "plan.target.exceedsBase",
  "plan.text.tooLong",
  "plan.submission.belowRegionalMinimum",
] as const;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("domain message keys", () => {
  it.each([...PLAN_KEYS, ...ROSTER_IMPORT_MESSAGE_KEYS, ...FILE_VALIDATION_MESSAGE_KEYS])("%s has a zh-CN and an en text", (key) => {
    expect(isErrorKey(key)).toBe(true);
    const zh = (zhCN.errors as Record<string, string>)[key]!;
    const english = (en.errors as Record<string, string>)[key]!;
    expect(zh).toBeTruthy();
    expect(english).toBeTruthy();
    expect(placeholders(english)).toEqual(placeholders(zh));
  });
});

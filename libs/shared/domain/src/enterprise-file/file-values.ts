/** Limits of the file's fields and the helpers that read its values (amounts, dates, blanks). */
import { PLAN_DECIMAL_PATTERN } from "../plan/plan-ratios";

/** One-line fields: names, contacts, 所属细分行业, product and KPI names. */
export const FILE_NAME_MAX_CHARS = 100;
/** Multi-line fields: need and content items, cloud detail, comments, reasons. */
export const FILE_TEXT_MAX_CHARS = 2_000;
/** 企业基本情况（500字以内）: validation reports more than 500 characters. */
export const FILE_PROFILE_MAX_CHARS = 500;
/** A longer 企业基本情况 is still saved (the count shows red) up to this guard, so a pasted draft is not lost. */
export const FILE_PROFILE_GUARD_CHARS = 5_000;
/** Items per list (per direction, per outcome area, content items, provider evaluations). */
export const FILE_LIST_MAX_ITEMS = 100;
/** 万元 with up to 4 decimals is whole 元. */
export const FILE_DECIMAL_MAX_PLACES = 4;

/** A non-negative amount or value: digits with up to 4 decimals, no sign, grouping or exponent. */
export const FILE_DECIMAL_PATTERN = PLAN_DECIMAL_PATTERN;
/** As FILE_DECIMAL_PATTERN, with an optional minus sign (上年度年利润 may be a loss). */
export const FILE_SIGNED_DECIMAL_PATTERN = /^-?\d+(\.\d{1,4})?$/;

/** Empty means not filled: null, undefined, or only whitespace. */
export function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === "";
}

const SCALE = 10n ** BigInt(FILE_DECIMAL_MAX_PLACES);

/** A (signed) decimal string as an exact integer in units of 10⁻⁴; null when blank or malformed. */
export function parseFileDecimal(value: string | null | undefined): bigint | null {
  const trimmed = value?.trim() ?? "";
  if (!FILE_SIGNED_DECIMAL_PATTERN.test(trimmed)) return null;
  const negative = trimmed.startsWith("-");
  const [whole = "0", fraction = ""] = trimmed.replace("-", "").split(".");
  const units = BigInt(whole) * SCALE + BigInt(fraction.padEnd(FILE_DECIMAL_MAX_PLACES, "0"));
  return negative ? -units : units;
}

/** -1, 0 or 1 comparing two decimal strings exactly; null when either is blank or malformed. */
export function compareFileDecimals(a: string | null | undefined, b: string | null | undefined): -1 | 0 | 1 | null {
  const left = parseFileDecimal(a);
  const right = parseFileDecimal(b);
  if (left === null || right === null) return null;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A calendar date written YYYY-MM-DD that exists (no 2月30日). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

import { validateCreditCode } from "../credit-code";
import { hasIllegalCharacters } from "../input-text";
import { CLUSTER_SUB_INDUSTRY_SEPARATOR, subIndustryDisplayName, type PlanDataTable } from "../plan/plan-data-table";
import { computePlan, PLAN_DECIMAL_PATTERN } from "../plan/plan-ratios";
import {
  ROSTER_COLUMN_KEYS,
  ROSTER_CONTACT_MAX_CHARS,
  ROSTER_NAME_MAX_CHARS,
  ROSTER_REQUIRED_COLUMN_KEYS,
  type EnterpriseScale,
  type RosterColumnKey,
  type PilotEnterpriseInput,
} from "./pilot-enterprise";

/**
 * Validation of a roster import: every row and column is checked and every problem reported, and entries come back
 * only when there is none, so a half-valid file never imports half its rows.
 */

/** The largest import file accepted, in MiB: a filled 2,000-row template is about 0.1 MiB. */
export const ROSTER_IMPORT_MAX_MEGABYTES = 2;
/** The largest import file accepted, in bytes; the API's body limit and the county's upload check derive from it. */
export const ROSTER_IMPORT_MAX_BYTES = ROSTER_IMPORT_MAX_MEGABYTES * 1024 * 1024;
/** The limit as the error message names it. */
export const ROSTER_IMPORT_MAX_SIZE_LABEL = `${ROSTER_IMPORT_MAX_MEGABYTES} MB`;
/** The import file travels as base64 in tRPC's JSON: 4 characters per 3 bytes. */
export const ROSTER_IMPORT_MAX_BASE64_CHARS = Math.ceil(ROSTER_IMPORT_MAX_BYTES / 3) * 4;
/** More rows than this and the file is refused as a whole (苏南's minimum is 100; no county lists thousands). */
export const ROSTER_IMPORT_MAX_ROWS = 2000;
/**
 * A cell's text is read up to this many characters: longer than any column allows (企业名称 100), so a longer cell is
 * still reported as too long, while a cell of megabytes costs no more than this.
 */
export const ROSTER_IMPORT_MAX_CELL_CHARS = 1000;
/** An error quotes at most this many characters of a cell, then "…". */
export const ROSTER_IMPORT_QUOTE_CHARS = 40;
/** At most this many errors are returned, with the total count, so the answer stays small whatever the file. */
export const ROSTER_IMPORT_MAX_ERRORS = 200;

/** A cell's text as an error quotes it: the first ROSTER_IMPORT_QUOTE_CHARS characters, then "…" if there is more. */
export function quoteCellText(text: string): string {
  // Characters, not UTF-16 units, so a quote never splits an emoji or a rare CJK character; only a prefix is split.
  const characters = Array.from(text.slice(0, ROSTER_IMPORT_QUOTE_CHARS * 2 + 2));
  return characters.length <= ROSTER_IMPORT_QUOTE_CHARS ? text : `${characters.slice(0, ROSTER_IMPORT_QUOTE_CHARS).join("")}…`;
}

/** One row as read from the sheet: the text of each cell, untrimmed; a missing column reads as "". */
export interface RawRosterRow {
  /** The sheet's own row number, so an error points at the row the user sees. */
  rowNumber: number;
  cells: Record<RosterColumnKey, string>;
  /**
   * Columns whose cell held a number rather than text. Only 企业信用代码 cares: Excel keeps 15 significant digits,
   * so an 18-digit code typed into a number cell has already lost its last digits and must be typed again as text.
   */
  numericColumns?: readonly RosterColumnKey[];
}

export interface RosterImportError {
  /** The sheet's row number; null for a problem with the whole file. */
  rowNumber: number | null;
  /** null for a problem with the whole file. */
  column: RosterColumnKey | null;
  /** i18n key, one of ROSTER_IMPORT_MESSAGE_KEYS. */
  key: RosterImportMessageKey;
  params: Record<string, string | number>;
}

export interface RosterImportContext {
  /** The plan's sub-industries, “集群—细分行业”. */
  subIndustries: readonly string[];
  /** Credit codes (normalised) already on this county's roster for the batch. */
  enrolledCreditCodes: ReadonlySet<string>;
}

export interface RosterImportResult {
  /** Non-empty only when `errors` is empty. */
  entries: PilotEnterpriseInput[];
  /** The first ROSTER_IMPORT_MAX_ERRORS errors, in row order. */
  errors: RosterImportError[];
  /** How many errors the file has in all (more than `errors.length` when some were left out). */
  errorCount: number;
}

export const ROSTER_IMPORT_MESSAGE_KEYS = [
  "roster.required",
  "roster.tooLong",
  "roster.creditCode.length",
  "roster.creditCode.charset",
  "roster.creditCode.checkDigit",
  "roster.creditCode.number",
  "roster.creditCode.duplicate",
  "roster.creditCode.enrolled",
  "roster.subIndustry.unknown",
  "roster.subIndustry.noneInPlan",
  "roster.scale.invalid",
  "roster.specialised.invalid",
  "roster.revenue.notNumber",
  "roster.revenue.negative",
  "roster.revenue.tooPrecise",
  "roster.import.empty",
  "roster.import.tooManyRows",
  "roster.import.unreadable",
  "roster.import.wrongTemplate",
  "roster.illegalCharacter",
  "roster.import.tooLarge",
  "roster.import.tooComplex",
  "roster.import.busy",
] as const;
export type RosterImportMessageKey = (typeof ROSTER_IMPORT_MESSAGE_KEYS)[number];

const REVENUE_DECIMAL_PLACES = 4;
/** How `params.allowed` lists the sub-industries. */
const ALLOWED_SEPARATOR = "、";

const SCALE_WORDS: Record<string, EnterpriseScale> = {
  规上: "ABOVE",
  规模以上: "ABOVE",
  规上企业: "ABOVE",
  规模以上企业: "ABOVE",
  规下: "BELOW",
  规模以下: "BELOW",
  规下企业: "BELOW",
  规模以下企业: "BELOW",
};

const YES_NO_WORDS: Record<string, boolean> = {
  是: true,
  y: true,
  yes: true,
  "√": true,
  "✓": true,
  "✔": true,
  否: false,
  n: false,
  no: false,
  "×": false,
  "✗": false,
  "✘": false,
};

/** Full-width ASCII (what a Chinese IME types: １２３４．５，Ａ) to half-width; the ideographic space to a space. */
function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

/** Trimmed, without the zero-width characters that copying from web pages leaves behind. */
function clean(text: string | undefined): string {
  return (text ?? "").replace(/[\u200B-\u200D\u2060\uFEFF]/g, "").trim();
}

/** As `creditCodeSchema` normalises a form's input, plus full-width characters, which an IME may type. */
export function normaliseCreditCode(text: string): string {
  return toHalfWidth(clean(text)).trim().toUpperCase();
}

export function parseEnterpriseScale(text: string): EnterpriseScale | null {
  return SCALE_WORDS[clean(text).replace(/\s+/g, "")] ?? null;
}

export function parseYesNo(text: string): boolean | null {
  return YES_NO_WORDS[toHalfWidth(clean(text)).trim().toLowerCase()] ?? null;
}

export type RevenueParse =
  | { ok: true; value: string }
  | { ok: false; key: "roster.revenue.notNumber" | "roster.revenue.negative" | "roster.revenue.tooPrecise" };

const GROUPED_DIGITS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const SIGNED_DECIMAL = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)$/;

/**
 * An amount as a user writes it: full-width digits, thousands separators ("1,234.5") and surrounding spaces are
 * forgiven. The result is canonical (no leading zeros, no trailing fractional zeros), matching PLAN_DECIMAL_PATTERN.
 */
export function parseRevenue(text: string): RevenueParse {
  let value = toHalfWidth(clean(text)).trim();
  if (GROUPED_DIGITS.test(value.replace(/^[+-]/, ""))) value = value.replace(/,/g, "");
  const match = SIGNED_DECIMAL.exec(value);
  if (!match) return { ok: false, key: "roster.revenue.notNumber" };
  const [, sign = "", digits = ""] = match;
  const [rawWhole = "", rawFraction = ""] = digits.split(".");
  const whole = rawWhole.replace(/^0+(?=\d)/, "") || "0";
  const fraction = rawFraction.replace(/0+$/, "");
  const isZero = /^0*$/.test(whole + fraction);
  if (sign === "-" && !isZero) return { ok: false, key: "roster.revenue.negative" };
  if (fraction.length > REVENUE_DECIMAL_PLACES) return { ok: false, key: "roster.revenue.tooPrecise" };
  const canonical = fraction ? `${whole}.${fraction}` : whole;
  return PLAN_DECIMAL_PATTERN.test(canonical) ? { ok: true, value: canonical } : { ok: false, key: "roster.revenue.notNumber" };
}

/** Compare sub-industry names without spaces and with any dash written as the plan's “—”. */
function subIndustryKey(text: string): string {
  return toHalfWidth(clean(text))
    .replace(/\s+/g, "")
    .replace(/[-‐‑‒–—―－─]+/g, CLUSTER_SUB_INDUSTRY_SEPARATOR);
}

function isBlankRow(row: RawRosterRow): boolean {
  // 序号 alone does not make a row: counties often number the template's rows before filling them.
  return ROSTER_COLUMN_KEYS.every((key) => key === "serial" || clean(row.cells[key]) === "");
}

const CREDIT_CODE_REASON_KEYS = {
  LENGTH: "roster.creditCode.length",
  CHARSET: "roster.creditCode.charset",
  CHECK_DIGIT: "roster.creditCode.checkDigit",
} as const;

/**
 * Check every row of an import against the roster's rules and the county's plan and roster. Entries are returned
 * only when no row has an error (all or nothing); fully empty rows are skipped.
 */
export function validateRosterImport(rows: readonly RawRosterRow[], context: RosterImportContext): RosterImportResult {
  const filled = rows.filter((row) => !isBlankRow(row));
  if (filled.length === 0) {
    return { entries: [], errors: [{ rowNumber: null, column: null, key: "roster.import.empty", params: {} }], errorCount: 1 };
  }
  if (filled.length > ROSTER_IMPORT_MAX_ROWS) {
    return {
      entries: [],
      errors: [
        { rowNumber: null, column: null, key: "roster.import.tooManyRows", params: { maximum: ROSTER_IMPORT_MAX_ROWS } },
      ],
      errorCount: 1,
    };
  }

  const subIndustries = new Map(context.subIndustries.map((name) => [subIndustryKey(name), name.trim()]));
  const allowed = [...subIndustries.values()].join(ALLOWED_SEPARATOR);
  const firstRowOfCode = new Map<string, number>();
  const entries: PilotEnterpriseInput[] = [];
  const errors: RosterImportError[] = [];
  let errorCount = 0;

  for (const row of filled) {
    const rowErrors: RosterImportError[] = [];
    const fail = (column: RosterColumnKey, key: RosterImportMessageKey, params: RosterImportError["params"] = {}) => {
      rowErrors.push({ rowNumber: row.rowNumber, column, key, params });
    };
    const text = (column: RosterColumnKey) => clean(row.cells[column]);

    for (const column of ROSTER_REQUIRED_COLUMN_KEYS) {
      if (text(column) === "") fail(column, "roster.required");
    }
    // The same character rule as every API input: a cell must not smuggle in what a form could not.
    for (const column of ROSTER_COLUMN_KEYS) {
      if (hasIllegalCharacters(row.cells[column] ?? "")) fail(column, "roster.illegalCharacter");
    }

    const name = text("name");
    if (name.length > ROSTER_NAME_MAX_CHARS) fail("name", "roster.tooLong", { maximum: ROSTER_NAME_MAX_CHARS });

    const creditCode = normaliseCreditCode(text("creditCode"));
    if (creditCode !== "") {
      const validation = validateCreditCode(creditCode);
      if (!validation.ok && validation.reason === "LENGTH") {
        fail("creditCode", CREDIT_CODE_REASON_KEYS.LENGTH, { length: creditCode.length });
      } else if (row.numericColumns?.includes("creditCode")) {
        fail("creditCode", "roster.creditCode.number");
      } else if (!validation.ok) {
        fail("creditCode", CREDIT_CODE_REASON_KEYS[validation.reason]);
      } else if (context.enrolledCreditCodes.has(creditCode)) {
        fail("creditCode", "roster.creditCode.enrolled");
      } else {
        const firstRow = firstRowOfCode.get(creditCode);
        if (firstRow === undefined) firstRowOfCode.set(creditCode, row.rowNumber);
        else fail("creditCode", "roster.creditCode.duplicate", { firstRow });
      }
    }

    const subIndustryText = text("subIndustry");
    const subIndustry = subIndustries.get(subIndustryKey(subIndustryText));
    if (subIndustryText !== "" && subIndustry === undefined) {
      if (subIndustries.size === 0) fail("subIndustry", "roster.subIndustry.noneInPlan");
      else fail("subIndustry", "roster.subIndustry.unknown", { value: quoteCellText(subIndustryText), allowed });
    }

    const scaleText = text("scale");
    const scale = parseEnterpriseScale(scaleText);
    if (scaleText !== "" && scale === null) fail("scale", "roster.scale.invalid", { value: quoteCellText(scaleText) });

    const specialisedText = text("specialised");
    const specialised = parseYesNo(specialisedText);
    if (specialisedText !== "" && specialised === null) fail("specialised", "roster.specialised.invalid", { value: quoteCellText(specialisedText) });

    const revenueText = text("lastYearRevenue");
    const revenue = revenueText === "" ? null : parseRevenue(revenueText);
    if (revenue && !revenue.ok) {
      const params: RosterImportError["params"] =
        revenue.key === "roster.revenue.notNumber"
          ? { value: quoteCellText(revenueText) }
          : revenue.key === "roster.revenue.tooPrecise"
            ? { places: REVENUE_DECIMAL_PLACES }
            : {};
      fail("lastYearRevenue", revenue.key, params);
    }

    for (const column of ["contactName", "contactPhone"] as const) {
      if (text(column).length > ROSTER_CONTACT_MAX_CHARS) fail(column, "roster.tooLong", { maximum: ROSTER_CONTACT_MAX_CHARS });
    }

    if (rowErrors.length > 0 || subIndustry === undefined || scale === null || specialised === null || !revenue?.ok) {
      errorCount += rowErrors.length;
      errors.push(...rowErrors.slice(0, Math.max(0, ROSTER_IMPORT_MAX_ERRORS - errors.length)));
      continue;
    }
    const entry: PilotEnterpriseInput = { name, creditCode, subIndustry, scale, specialised, lastYearRevenue: revenue.value };
    const contactName = text("contactName");
    const contactPhone = text("contactPhone");
    if (contactName) entry.contactName = contactName;
    if (contactPhone) entry.contactPhone = contactPhone;
    entries.push(entry);
  }

  return errorCount > 0 ? { entries: [], errors, errorCount } : { entries, errors, errorCount };
}

/** Counts of enrolled enterprises. */
export interface RosterTally {
  /** 规上 */
  aboveScale: number;
  /** 规下 */
  belowScale: number;
  /** 专精特新 (of either scale) */
  specialised: number;
  total: number;
}

export interface RosterCategoryCount {
  subIndustry: string;
  scale: EnterpriseScale;
  specialised: boolean;
  count: number;
}

export interface RosterCategoryCounts {
  /** Sub-industry × scale × specialised, only the combinations that occur, in order of first occurrence. */
  categories: RosterCategoryCount[];
  /** Per sub-industry, in order of first occurrence. */
  subIndustries: (RosterTally & { subIndustry: string })[];
  totals: RosterTally;
}

type CountedEntry = Pick<PilotEnterpriseInput, "subIndustry" | "scale" | "specialised">;

const emptyTally = (): RosterTally => ({ aboveScale: 0, belowScale: 0, specialised: 0, total: 0 });

function addTo(tally: RosterTally, entry: CountedEntry): void {
  if (entry.scale === "ABOVE") tally.aboveScale++;
  else tally.belowScale++;
  if (entry.specialised) tally.specialised++;
  tally.total++;
}

/** How many enterprises the roster holds by sub-industry, scale and 专精特新, and in total. */
export function rosterCategoryCounts(entries: readonly CountedEntry[]): RosterCategoryCounts {
  const categories = new Map<string, RosterCategoryCount>();
  const bySubIndustry = new Map<string, RosterTally & { subIndustry: string }>();
  const totals = emptyTally();
  for (const entry of entries) {
    const categoryKey = JSON.stringify([entry.subIndustry, entry.scale, entry.specialised]);
    const { subIndustry, scale, specialised } = entry;
    const category = categories.get(categoryKey) ?? { subIndustry, scale, specialised, count: 0 };
    category.count++;
    categories.set(categoryKey, category);
    const tally = bySubIndustry.get(subIndustry) ?? { subIndustry, ...emptyTally() };
    addTo(tally, entry);
    bySubIndustry.set(subIndustry, tally);
    addTo(totals, entry);
  }
  return {
    categories: [...categories.values()],
    subIndustries: [...bySubIndustry.values()],
    totals,
  };
}

export interface TargetVersusEnrolled {
  target: number;
  enrolled: number;
}

/** The plan's 拟改造 targets that the roster fills: 规上, 规下, 合计 (数值B) and 专精特新 (数值C). */
export const ROSTER_TARGET_FIELDS = ["plannedAboveScale", "plannedBelowScale", "plannedTotal", "plannedSpecialised"] as const;
export type RosterTargetField = (typeof ROSTER_TARGET_FIELDS)[number];
export type RosterTargetComparison = Record<RosterTargetField, TargetVersusEnrolled>;

export interface PlanTargetsVersusRoster {
  /** One per sub-industry of the plan, in the plan's order. */
  subIndustries: ({ clusterIndex: number; subIndustryIndex: number; subIndustry: string } & RosterTargetComparison)[];
  /** Enrolled enterprises whose sub-industry the plan no longer lists (the plan changed after they were enrolled). */
  unplanned: (RosterTally & { subIndustry: string })[];
  /** The plan's totals against the whole roster, unplanned sub-industries included. */
  total: RosterTargetComparison;
}

function compare(targets: Record<RosterTargetField, number>, tally: RosterTally): RosterTargetComparison {
  return {
    plannedAboveScale: { target: targets.plannedAboveScale, enrolled: tally.aboveScale },
    plannedBelowScale: { target: targets.plannedBelowScale, enrolled: tally.belowScale },
    plannedTotal: { target: targets.plannedTotal, enrolled: tally.total },
    plannedSpecialised: { target: targets.plannedSpecialised, enrolled: tally.specialised },
  };
}

/** The plan's 拟改造规上/规下, B and C against the enterprises enrolled, per sub-industry and in total. */
export function planTargetsVersusRoster(
  planDataTable: Pick<PlanDataTable, "clusters">,
  counts: RosterCategoryCounts,
): PlanTargetsVersusRoster {
  const tallies = new Map(counts.subIndustries.map((tally) => [tally.subIndustry, tally]));
  const planned = new Set<string>();
  const computation = computePlan(planDataTable);
  const subIndustries = computation.subIndustries.flatMap(({ clusterIndex, subIndustryIndex, computed }) => {
    const cluster = planDataTable.clusters[clusterIndex];
    const row = cluster?.subIndustries[subIndustryIndex];
    if (!cluster || !row) return [];
    const subIndustry = subIndustryDisplayName(cluster, row);
    planned.add(subIndustry);
    const targets = { ...row.targets, plannedTotal: computed.plannedTotal };
    return [{ clusterIndex, subIndustryIndex, subIndustry, ...compare(targets, tallies.get(subIndustry) ?? emptyTally()) }];
  });
  const { totals, totalComputed } = computation;
  return {
    subIndustries,
    unplanned: counts.subIndustries.filter((tally) => !planned.has(tally.subIndustry)),
    total: compare({ ...totals, plannedTotal: totalComputed.plannedTotal }, counts.totals),
  };
}

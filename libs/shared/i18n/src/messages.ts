import { en } from "./locales/en";
import { zhCN } from "./locales/zh-CN";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;
export type ErrorKey = keyof Messages["errors"];
export type FieldKey = keyof Messages["fields"];

const CATALOGUES: Record<Locale, Messages> = { "zh-CN": zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported locale from an Accept-Language header; Chinese unless English is preferred. */
export function negotiateLocale(acceptLanguage: string | undefined | null): Locale {
  const preferred = (acceptLanguage ?? "")
    .split(",")
    .map((part) => part.trim().split(";")[0]?.toLowerCase() ?? "")
    .find((tag) => tag.startsWith("zh") || tag.startsWith("en"));
  return preferred?.startsWith("en") ? "en" : DEFAULT_LOCALE;
}

export function isErrorKey(key: string): key is ErrorKey {
  return key in zhCN.errors;
}

export function translateError(locale: Locale, key: ErrorKey, params: Record<string, string | number> = {}): string {
  return interpolate(CATALOGUES[locale].errors[key], params);
}

/**
 * The label of an input field: the procedure's own name for it where it has one (`procedure`: its path, e.g.
 * "documents.listExports"), else the field's usual label, else the field's own name.
 */
export function fieldLabel(locale: Locale, field: string, procedure?: string): string {
  const catalogue = CATALOGUES[locale];
  const own = procedure ? (catalogue.procedureFields as Record<string, Record<string, string> | undefined>)[procedure]?.[field] : undefined;
  return own ?? (catalogue.fields as Record<string, string>)[field] ?? field;
}

function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

import type { Language } from "../i18n/i18n";

const BYTE_UNITS = ["B", "KB", "MB", "GB"] as const;

/** 1536 → "1.5 KB"; null (not known yet) → "—". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** A date and time in the reader's language, in China Standard Time (the province's time). */
export function formatDateTime(value: Date | string | null | undefined, language: Language): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat(language, {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  }).format(new Date(value));
}

/** A calendar date (batches start and end on days, stored as UTC midnight). */
export function formatDate(value: Date | string | null | undefined, language: Language): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat(language, { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(value));
}

/**
 * The dates this platform can mean: a pilot's work, its records and the filters over them all fall within this
 * century. Anything outside (year 0, 9999, a JavaScript date beyond what PostgreSQL stores) is a typing slip or an
 * attack, refused at the input with `input.dateOutOfRange` rather than failing in the database.
 */
export const PLAUSIBLE_YEARS = { first: 2000, last: 2099 } as const;

/** Whether a calendar date (`YYYY-MM-DD`) or an instant falls within PLAUSIBLE_YEARS. */
export function isPlausibleDate(value: string | Date): boolean {
  const year = typeof value === "string" ? Number(value.slice(0, 4)) : value.getUTCFullYear();
  return Number.isInteger(year) && year >= PLAUSIBLE_YEARS.first && year <= PLAUSIBLE_YEARS.last;
}

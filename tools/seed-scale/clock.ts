/**
 * Fixed calendar of the generated batch: every timestamp is drawn from the seed, never from the clock, so two runs
 * write the same rows. Times fall in Beijing office hours (UTC+8) on working days, as people's clicks would.
 */
import type { Random } from "./random";

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** A UTC midnight for "YYYY-MM-DD". */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** The later of two dates. */
export function later(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** "YYYY-MM-DD" of a date (UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function isWeekend(beijingMidnight: Date): boolean {
  const weekday = beijingMidnight.getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * A moment during office hours (08:30–17:30 Beijing, whole seconds, a working day) on a day drawn between `from` and
 * `to` (day precision; `to` at least `from`). A weekend day moves to the next Monday.
 */
export function officeTime(random: Random, from: Date, to: Date = from): Date {
  const first = Math.floor((from.getTime() + BEIJING_OFFSET_MS) / DAY_MS);
  const last = Math.max(first, Math.floor((to.getTime() + BEIJING_OFFSET_MS) / DAY_MS));
  let beijingDay = new Date(random.int(first, last) * DAY_MS);
  while (isWeekend(beijingDay)) beijingDay = addDays(beijingDay, 1);
  const seconds = random.int(8 * 3600 + 30 * 60, 17 * 3600 + 30 * 60);
  return new Date(beijingDay.getTime() + seconds * 1000 - BEIJING_OFFSET_MS);
}

/** A moment after `after` by `minDays`–`maxDays` days, in office hours, and never before `after` itself. */
export function officeTimeAfter(random: Random, after: Date, minDays: number, maxDays: number): Date {
  const at = officeTime(random, addDays(after, minDays), addDays(after, maxDays));
  return at.getTime() > after.getTime() ? at : addMinutes(after, random.int(5, 90));
}

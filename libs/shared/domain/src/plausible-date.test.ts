import { describe, expect, it } from "vitest";
import { isPlausibleDate } from "./plausible-date";

describe("isPlausibleDate", () => {
  it("takes this century's dates and instants", () => {
    expect(isPlausibleDate("2000-01-01")).toBe(true);
    expect(isPlausibleDate("2099-12-31")).toBe(true);
    expect(isPlausibleDate(new Date("2026-12-02T08:00:00Z"))).toBe(true);
  });

  it("refuses year 0, the far future and what PostgreSQL cannot store", () => {
    expect(isPlausibleDate("0000-01-01")).toBe(false);
    expect(isPlausibleDate("1999-12-31")).toBe(false);
    expect(isPlausibleDate("2100-01-01")).toBe(false);
    expect(isPlausibleDate("9999-12-31")).toBe(false);
    expect(isPlausibleDate(new Date("+275760-09-13T00:00:00Z"))).toBe(false);
    expect(isPlausibleDate(new Date("-000001-01-01T00:00:00Z"))).toBe(false);
  });
});

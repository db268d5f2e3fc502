import { describe, expect, it } from "vitest";
import { countyCodeSchema } from "./county-code";
import { COUNTIES, FUNCTIONAL_ZONES } from "./geography";

describe("the county code", () => {
  it("accepts every Jiangsu county and functional zone", () => {
    for (const { code } of [...COUNTIES, ...FUNCTIONAL_ZONES]) expect(countyCodeSchema.safeParse(code).success, code).toBe(true);
  });

  it.each([
    ["a county outside Jiangsu", "110101"],
    ["the province's own code with a digit missing", "32000"],
    ["a code with a letter", "32028a"],
    ["surrounding spaces", " 320281"],
    ["a number instead of text", 320281],
  ])("refuses %s", (_about, value) => {
    expect(countyCodeSchema.safeParse(value).success).toBe(false);
  });
});

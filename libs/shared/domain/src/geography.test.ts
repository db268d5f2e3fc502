import { describe, it, expect } from "vitest";
import type { CountyKind } from "./geography";
import {
  CITIES,
  CITY_CODES,
  COUNTIES,
  FUNCTIONAL_ZONES,
  PROVINCE,
  cityOf,
  countiesOfCity,
  countyByCode,
  findCountyByName,
  isCityCode,
  isCountyCode,
  regionOfCounty,
} from "./geography";
import type { Region } from "./region";

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

describe("Jiangsu geography", () => {
  it("is the province 320000 江苏省", () => {
    expect(PROVINCE).toEqual({ code: "320000", name: "江苏省" });
  });

  it("has 13 cities, one per city code", () => {
    expect(CITIES).toHaveLength(13);
    expect(CITIES.map((c) => c.code)).toEqual([...CITY_CODES]);
  });

  it("splits the cities 5/3/5 into 苏南, 苏中 and 苏北", () => {
    const namesIn = (region: Region) => CITIES.filter((c) => c.region === region).map((c) => c.name);
    expect(namesIn("SOUTH")).toEqual(["南京市", "无锡市", "常州市", "苏州市", "镇江市"]);
    expect(namesIn("CENTRAL")).toEqual(["南通市", "扬州市", "泰州市"]);
    expect(namesIn("NORTH")).toEqual(["徐州市", "连云港市", "淮安市", "盐城市", "宿迁市"]);
  });

  it("has 95 county-level units", () => {
    expect(COUNTIES).toHaveLength(95);
  });

  it("has 39 counties in 苏南, 19 in 苏中 and 37 in 苏北", () => {
    const counts = countBy(COUNTIES, (county) => regionOfCounty(county.code) ?? "none");
    expect(counts).toEqual({ SOUTH: 39, CENTRAL: 19, NORTH: 37 });
  });

  it("has 55 districts, 21 county-level cities and 19 counties", () => {
    const expected: Record<CountyKind, number> = { DISTRICT: 55, COUNTY_CITY: 21, COUNTY: 19 };
    expect(countBy(COUNTIES, (county) => county.kind)).toEqual(expected);
  });

  it.each([
    ["3201", "南京市", 11],
    ["3202", "无锡市", 7],
    ["3203", "徐州市", 10],
    ["3204", "常州市", 6],
    ["3205", "苏州市", 9],
    ["3206", "南通市", 7],
    ["3207", "连云港市", 6],
    ["3208", "淮安市", 7],
    ["3209", "盐城市", 9],
    ["3210", "扬州市", 6],
    ["3211", "镇江市", 6],
    ["3212", "泰州市", 6],
    ["3213", "宿迁市", 5],
  ] as const)("city %s %s has %i counties", (cityCode, name, count) => {
    expect(CITIES.find((c) => c.code === cityCode)?.name).toBe(name);
    expect(countiesOfCity(cityCode)).toHaveLength(count);
  });

  it("gives every county and functional zone a unique code", () => {
    const codes = [...COUNTIES, ...FUNCTIONAL_ZONES].map((x) => x.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("starts every county code with its city code", () => {
    for (const county of COUNTIES) {
      expect(county.code, county.name).toMatch(/^\d{6}$/);
      expect(county.code.startsWith(county.cityCode), county.name).toBe(true);
    }
  });

  it("uses the district name suffix that matches each kind", () => {
    const suffix: Record<CountyKind, string> = { DISTRICT: "区", COUNTY_CITY: "市", COUNTY: "县" };
    for (const county of COUNTIES) {
      expect(county.name.endsWith(suffix[county.kind]), county.name).toBe(true);
    }
  });

  it("reflects the 2020 changes in 南通: 海门区 present, 海门市 and 港闸区 gone", () => {
    const names = COUNTIES.map((c) => c.name);
    expect(names).toContain("海门区");
    expect(names).not.toContain("海门市");
    expect(names).not.toContain("港闸区");
  });

  it.each([
    ["320281", "江阴市", "无锡市", "SOUTH"],
    ["320685", "海安市", "南通市", "CENTRAL"],
    ["321322", "沭阳县", "宿迁市", "NORTH"],
  ] as const)("places %s %s in %s, %s", (code, name, cityName, region) => {
    expect(countyByCode(code)?.name).toBe(name);
    expect(cityOf(code)?.name).toBe(cityName);
    expect(regionOfCounty(code)).toBe(region);
  });

  it("keeps the 11 functional zones out of the counties", () => {
    expect(FUNCTIONAL_ZONES).toHaveLength(11);
    for (const zone of FUNCTIONAL_ZONES) {
      expect(zone.code).toMatch(/^32\d\d7[12]$/);
      expect(zone.code.startsWith(zone.cityCode)).toBe(true);
      expect(isCountyCode(zone.code)).toBe(false);
      expect(cityOf(zone.code)).toBeUndefined();
    }
  });

  it("knows nothing about codes outside Jiangsu's counties", () => {
    expect(cityOf("350102")).toBeUndefined();
    expect(regionOfCounty("320612x")).toBeUndefined();
    expect(countiesOfCity("3214")).toEqual([]);
    expect(isCityCode("3201")).toBe(true);
    expect(isCityCode("3214")).toBe(false);
    expect(isCountyCode("320583")).toBe(true);
  });
});

describe("findCountyByName", () => {
  it("finds a county whose name is unique", () => {
    expect(findCountyByName("昆山市")).toEqual({ ok: true, county: countyByCode("320583") });
  });

  it("ignores surrounding whitespace", () => {
    const result = findCountyByName(" 沭阳县 ");
    expect(result.ok && result.county.code).toBe("321322");
  });

  it("reports 鼓楼区 as ambiguous without a city, listing both", () => {
    const result = findCountyByName("鼓楼区");
    expect(result).toMatchObject({ ok: false, reason: "AMBIGUOUS" });
    if (!result.ok && result.reason === "AMBIGUOUS") {
      expect(result.candidates.map((c) => c.code)).toEqual(["320106", "320302"]);
    }
  });

  it("resolves 鼓楼区 within a city", () => {
    const nanjing = findCountyByName("鼓楼区", "3201");
    const xuzhou = findCountyByName("鼓楼区", "3203");
    expect(nanjing.ok && nanjing.county.code).toBe("320106");
    expect(xuzhou.ok && xuzhou.county.code).toBe("320302");
  });

  it("does not find a county in the wrong city or under an old name", () => {
    expect(findCountyByName("江阴市", "3201")).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(findCountyByName("海门市")).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(findCountyByName("苏州工业园区")).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("has no repeated names besides 鼓楼区", () => {
    const repeated = Object.entries(countBy(COUNTIES, (c) => c.name)).filter(([, n]) => n > 1);
    expect(repeated).toEqual([["鼓楼区", 2]]);
  });
});

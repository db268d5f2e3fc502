/**
 * The counties of a run: Jiangsu's 95 from the domain's reference lists (loaded by the migrations' seed of reference
 * data), and for the national variant synthetic cities and counties of the other provinces, added to the scale
 * database only (City and County rows, never to the reference lists). Also the batch and its pilot counties.
 */
import { CITIES, COUNTIES, REGIONS, type County, type Region } from "@dtpilot/domain";
import { day } from "../clock";
import type { Random } from "../random";
import type { RowSet } from "../rows";
import { shortPlaceName } from "../vocabulary/names";

export interface ScaleCity {
  code: string;
  name: string;
  region: Region;
  areaCode: string;
  synthetic: boolean;
}

export interface ScaleCounty {
  code: string;
  name: string;
  kind: County["kind"];
  city: ScaleCity;
  /** In names: 江阴市 → 江阴. */
  shortName: string;
  synthetic: boolean;
}

/** 试点批次: the demo's 2025年度, so the apps' "batch in progress" logic finds it as it finds the demo's. */
export const SCALE_BATCH = { name: "2025年度", startsOn: "2025-09-01", endsOn: "2026-10-31" } as const;

const AREA_CODES: Record<string, string> = {
  "3201": "025",
  "3202": "0510",
  "3203": "0516",
  "3204": "0519",
  "3205": "0512",
  "3206": "0513",
  "3207": "0518",
  "3208": "0517",
  "3209": "0515",
  "3210": "0514",
  "3211": "0511",
  "3212": "0523",
  "3213": "0527",
};

/** The other provinces' GB/T 2260 prefixes, for synthetic counties (national variant only). */
const OTHER_PROVINCES: readonly (readonly [string, string])[] = [
  ["11", "北京"], ["12", "天津"], ["13", "河北"], ["14", "山西"], ["15", "内蒙古"], ["21", "辽宁"], ["22", "吉林"],
  ["23", "黑龙江"], ["31", "上海"], ["33", "浙江"], ["34", "安徽"], ["35", "福建"], ["36", "江西"], ["37", "山东"],
  ["41", "河南"], ["42", "湖北"], ["43", "湖南"], ["44", "广东"], ["45", "广西"], ["46", "海南"], ["50", "重庆"],
  ["51", "四川"], ["52", "贵州"], ["53", "云南"], ["54", "西藏"], ["61", "陕西"], ["62", "甘肃"], ["63", "青海"],
  ["64", "宁夏"], ["65", "新疆"],
];
const SYNTHETIC_COUNTIES_PER_CITY = 7;

function jiangsu(): ScaleCounty[] {
  const cities = new Map<string, ScaleCity>(
    CITIES.map((city) => [city.code, { code: city.code, name: city.name, region: city.region, areaCode: AREA_CODES[city.code]!, synthetic: false }]),
  );
  return COUNTIES.map((county) => ({
    code: county.code,
    name: county.name,
    kind: county.kind,
    city: cities.get(county.cityCode)!,
    shortName: shortPlaceName(county.name),
    synthetic: false,
  }));
}

/** Counties by region in turn (苏南, 苏中, 苏北, 苏南, …), so any prefix of the list spans the regions. */
function interleaveByRegion(counties: readonly ScaleCounty[]): ScaleCounty[] {
  const queues = REGIONS.map((region) => counties.filter((county) => county.city.region === region));
  const ordered: ScaleCounty[] = [];
  for (let index = 0; ordered.length < counties.length; index++) {
    for (const queue of queues) if (index < queue.length) ordered.push(queue[index]!);
  }
  return ordered;
}

function synthetic(count: number): ScaleCounty[] {
  const counties: ScaleCounty[] = [];
  for (let cityIndex = 1; counties.length < count; cityIndex++) {
    for (const [index, [prefix, provinceName]] of OTHER_PROVINCES.entries()) {
      if (counties.length >= count) break;
      const cityCode = `${prefix}${String(cityIndex).padStart(2, "0")}`;
      const city: ScaleCity = {
        code: cityCode,
        name: `${provinceName}${String(cityIndex).padStart(2, "0")}市`,
        region: REGIONS[(index + cityIndex) % REGIONS.length]!,
        areaCode: `0${prefix}${cityIndex % 10}`,
        synthetic: true,
      };
      for (let countyIndex = 1; countyIndex <= SYNTHETIC_COUNTIES_PER_CITY && counties.length < count; countyIndex++) {
        const code = `${cityCode}${String(countyIndex).padStart(2, "0")}`;
        const name = `${provinceName}${code.slice(2)}县`;
        counties.push({ code, name, kind: "COUNTY", city, shortName: name.replace(/县$/, ""), synthetic: true });
      }
    }
  }
  return counties;
}

/** The run's counties in generation order: Jiangsu's first (interleaved by region), then synthetic ones. */
export function scaleCounties(total: number, limit: number | null): ScaleCounty[] {
  const own = interleaveByRegion(jiangsu());
  const all = total > own.length ? [...own, ...synthetic(total - own.length)] : own.slice(0, total);
  return limit === null ? all : all.slice(0, limit);
}

export function citiesOf(counties: readonly ScaleCounty[]): ScaleCity[] {
  return [...new Map(counties.map((county) => [county.city.code, county.city])).values()];
}

/** The synthetic cities and counties (national variant): reference rows of the scale database only. */
export function addSyntheticGeography(rows: RowSet, counties: readonly ScaleCounty[]): void {
  for (const city of citiesOf(counties)) {
    if (city.synthetic) rows.add("city", { code: city.code, name: city.name, region: city.region });
  }
  for (const county of counties) {
    if (county.synthetic) rows.add("county", { code: county.code, name: county.name, kind: county.kind, cityCode: county.city.code });
  }
}

export interface ScaleBatch {
  id: string;
  name: string;
  startsOn: Date;
  endsOn: Date;
}

export function addBatch(rows: RowSet, random: Random): ScaleBatch {
  const batch = { id: random.uuid(), name: SCALE_BATCH.name, startsOn: day(SCALE_BATCH.startsOn), endsOn: day(SCALE_BATCH.endsOn) };
  rows.add("batch", batch);
  return batch;
}

/** The county enrolled in the batch by the province when it opened. */
export function addPilotCounty(rows: RowSet, random: Random, batch: ScaleBatch, county: ScaleCounty): void {
  rows.add("pilotCounty", { id: random.uuid(), countyId: county.code, batchId: batch.id, joinedAt: new Date("2025-09-01T01:00:00.000Z") });
}

import type { Region } from "./region";

/**
 * Jiangsu's administrative geography: the province, its 13 cities and 95 county-level units.
 * Codes are the NBS statistical division codes (GB/T 2260 prefixes); data as of the 2020 changes
 * (海门 became a district, 港闸区 merged into 崇川区).
 */

export const PROVINCE = { code: "320000", name: "江苏省" } as const;

export const CITY_CODES = [
  "3201",
  "3202",
  "3203",
  "3204",
  "3205",
  "3206",
  "3207",
  "3208",
  "3209",
  "3210",
  "3211",
  "3212",
  "3213",
] as const;
export type CityCode = (typeof CITY_CODES)[number];

/** City 设区市: a prefecture-level city, the level between the province and the pilot counties. */
export interface City {
  readonly code: CityCode;
  readonly name: string;
  readonly region: Region;
}

export const COUNTY_KINDS = ["DISTRICT", "COUNTY_CITY", "COUNTY"] as const;
/** DISTRICT 市辖区, COUNTY_CITY 县级市, COUNTY 县. */
export type CountyKind = (typeof COUNTY_KINDS)[number];

/** County 县（市、区）: a county-level unit, the unit a pilot is run in. */
export interface County {
  readonly code: string;
  readonly name: string;
  readonly cityCode: CityCode;
  readonly kind: CountyKind;
}

/**
 * An NBS "xx71/xx72" statistical code for a development zone. Not an administrative division and not
 * one of the 95 counties; kept so a tenant can decide whether to allow them.
 */
export interface FunctionalZone {
  readonly code: string;
  readonly name: string;
  readonly cityCode: CityCode;
}

export const CITIES: readonly City[] = [
  { code: "3201", name: "南京市", region: "SOUTH" },
  { code: "3202", name: "无锡市", region: "SOUTH" },
  { code: "3203", name: "徐州市", region: "NORTH" },
  { code: "3204", name: "常州市", region: "SOUTH" },
  { code: "3205", name: "苏州市", region: "SOUTH" },
  { code: "3206", name: "南通市", region: "CENTRAL" },
  { code: "3207", name: "连云港市", region: "NORTH" },
  { code: "3208", name: "淮安市", region: "NORTH" },
  { code: "3209", name: "盐城市", region: "NORTH" },
  { code: "3210", name: "扬州市", region: "CENTRAL" },
  { code: "3211", name: "镇江市", region: "SOUTH" },
  { code: "3212", name: "泰州市", region: "CENTRAL" },
  { code: "3213", name: "宿迁市", region: "NORTH" },
];

export const COUNTIES: readonly County[] = [
  // 南京市
  { code: "320102", name: "玄武区", cityCode: "3201", kind: "DISTRICT" },
  { code: "320104", name: "秦淮区", cityCode: "3201", kind: "DISTRICT" },
  { code: "320105", name: "建邺区", cityCode: "3201", kind: "DISTRICT" },
  { code: "320106", name: "鼓楼区", cityCode: "3201", kind: "DISTRICT" },
  { code: "320111", name: "浦口区", cityCode: "3201", kind: "DISTRICT" },
  { code: "320113", name: "栖霞区", cityCode: "3201", kind: "DISTRICT" },
  { code: "320114", name: "雨花台区", cityCode: "3201", kind: "DISTRICT" },
  { code: "320115", name: "江宁区", cityCode: "3201", kind: "DISTRICT" },
  { code: "320116", name: "六合区", cityCode: "3201", kind: "DISTRICT" },
  { code: "320117", name: "溧水区", cityCode: "3201", kind: "DISTRICT" },
  { code: "320118", name: "高淳区", cityCode: "3201", kind: "DISTRICT" },
  // 无锡市
  { code: "320205", name: "锡山区", cityCode: "3202", kind: "DISTRICT" },
  { code: "320206", name: "惠山区", cityCode: "3202", kind: "DISTRICT" },
  { code: "320211", name: "滨湖区", cityCode: "3202", kind: "DISTRICT" },
  { code: "320213", name: "梁溪区", cityCode: "3202", kind: "DISTRICT" },
  { code: "320214", name: "新吴区", cityCode: "3202", kind: "DISTRICT" },
  { code: "320281", name: "江阴市", cityCode: "3202", kind: "COUNTY_CITY" },
  { code: "320282", name: "宜兴市", cityCode: "3202", kind: "COUNTY_CITY" },
  // 徐州市
  { code: "320302", name: "鼓楼区", cityCode: "3203", kind: "DISTRICT" },
  { code: "320303", name: "云龙区", cityCode: "3203", kind: "DISTRICT" },
  { code: "320305", name: "贾汪区", cityCode: "3203", kind: "DISTRICT" },
  { code: "320311", name: "泉山区", cityCode: "3203", kind: "DISTRICT" },
  { code: "320312", name: "铜山区", cityCode: "3203", kind: "DISTRICT" },
  { code: "320321", name: "丰县", cityCode: "3203", kind: "COUNTY" },
  { code: "320322", name: "沛县", cityCode: "3203", kind: "COUNTY" },
  { code: "320324", name: "睢宁县", cityCode: "3203", kind: "COUNTY" },
  { code: "320381", name: "新沂市", cityCode: "3203", kind: "COUNTY_CITY" },
  { code: "320382", name: "邳州市", cityCode: "3203", kind: "COUNTY_CITY" },
  // 常州市
  { code: "320402", name: "天宁区", cityCode: "3204", kind: "DISTRICT" },
  { code: "320404", name: "钟楼区", cityCode: "3204", kind: "DISTRICT" },
  { code: "320411", name: "新北区", cityCode: "3204", kind: "DISTRICT" },
  { code: "320412", name: "武进区", cityCode: "3204", kind: "DISTRICT" },
  { code: "320413", name: "金坛区", cityCode: "3204", kind: "DISTRICT" },
  { code: "320481", name: "溧阳市", cityCode: "3204", kind: "COUNTY_CITY" },
  // 苏州市
  { code: "320505", name: "虎丘区", cityCode: "3205", kind: "DISTRICT" },
  { code: "320506", name: "吴中区", cityCode: "3205", kind: "DISTRICT" },
  { code: "320507", name: "相城区", cityCode: "3205", kind: "DISTRICT" },
  { code: "320508", name: "姑苏区", cityCode: "3205", kind: "DISTRICT" },
  { code: "320509", name: "吴江区", cityCode: "3205", kind: "DISTRICT" },
  { code: "320581", name: "常熟市", cityCode: "3205", kind: "COUNTY_CITY" },
  { code: "320582", name: "张家港市", cityCode: "3205", kind: "COUNTY_CITY" },
  { code: "320583", name: "昆山市", cityCode: "3205", kind: "COUNTY_CITY" },
  { code: "320585", name: "太仓市", cityCode: "3205", kind: "COUNTY_CITY" },
  // 南通市
  { code: "320612", name: "通州区", cityCode: "3206", kind: "DISTRICT" },
  { code: "320613", name: "崇川区", cityCode: "3206", kind: "DISTRICT" },
  { code: "320614", name: "海门区", cityCode: "3206", kind: "DISTRICT" },
  { code: "320623", name: "如东县", cityCode: "3206", kind: "COUNTY" },
  { code: "320681", name: "启东市", cityCode: "3206", kind: "COUNTY_CITY" },
  { code: "320682", name: "如皋市", cityCode: "3206", kind: "COUNTY_CITY" },
  { code: "320685", name: "海安市", cityCode: "3206", kind: "COUNTY_CITY" },
  // 连云港市
  { code: "320703", name: "连云区", cityCode: "3207", kind: "DISTRICT" },
  { code: "320706", name: "海州区", cityCode: "3207", kind: "DISTRICT" },
  { code: "320707", name: "赣榆区", cityCode: "3207", kind: "DISTRICT" },
  { code: "320722", name: "东海县", cityCode: "3207", kind: "COUNTY" },
  { code: "320723", name: "灌云县", cityCode: "3207", kind: "COUNTY" },
  { code: "320724", name: "灌南县", cityCode: "3207", kind: "COUNTY" },
  // 淮安市
  { code: "320803", name: "淮安区", cityCode: "3208", kind: "DISTRICT" },
  { code: "320804", name: "淮阴区", cityCode: "3208", kind: "DISTRICT" },
  { code: "320812", name: "清江浦区", cityCode: "3208", kind: "DISTRICT" },
  { code: "320813", name: "洪泽区", cityCode: "3208", kind: "DISTRICT" },
  { code: "320826", name: "涟水县", cityCode: "3208", kind: "COUNTY" },
  { code: "320830", name: "盱眙县", cityCode: "3208", kind: "COUNTY" },
  { code: "320831", name: "金湖县", cityCode: "3208", kind: "COUNTY" },
  // 盐城市
  { code: "320902", name: "亭湖区", cityCode: "3209", kind: "DISTRICT" },
  { code: "320903", name: "盐都区", cityCode: "3209", kind: "DISTRICT" },
  { code: "320904", name: "大丰区", cityCode: "3209", kind: "DISTRICT" },
  { code: "320921", name: "响水县", cityCode: "3209", kind: "COUNTY" },
  { code: "320922", name: "滨海县", cityCode: "3209", kind: "COUNTY" },
  { code: "320923", name: "阜宁县", cityCode: "3209", kind: "COUNTY" },
  { code: "320924", name: "射阳县", cityCode: "3209", kind: "COUNTY" },
  { code: "320925", name: "建湖县", cityCode: "3209", kind: "COUNTY" },
  { code: "320981", name: "东台市", cityCode: "3209", kind: "COUNTY_CITY" },
  // 扬州市
  { code: "321002", name: "广陵区", cityCode: "3210", kind: "DISTRICT" },
  { code: "321003", name: "邗江区", cityCode: "3210", kind: "DISTRICT" },
  { code: "321012", name: "江都区", cityCode: "3210", kind: "DISTRICT" },
  { code: "321023", name: "宝应县", cityCode: "3210", kind: "COUNTY" },
  { code: "321081", name: "仪征市", cityCode: "3210", kind: "COUNTY_CITY" },
  { code: "321084", name: "高邮市", cityCode: "3210", kind: "COUNTY_CITY" },
  // 镇江市
  { code: "321102", name: "京口区", cityCode: "3211", kind: "DISTRICT" },
  { code: "321111", name: "润州区", cityCode: "3211", kind: "DISTRICT" },
  { code: "321112", name: "丹徒区", cityCode: "3211", kind: "DISTRICT" },
  { code: "321181", name: "丹阳市", cityCode: "3211", kind: "COUNTY_CITY" },
  { code: "321182", name: "扬中市", cityCode: "3211", kind: "COUNTY_CITY" },
  { code: "321183", name: "句容市", cityCode: "3211", kind: "COUNTY_CITY" },
  // 泰州市
  { code: "321202", name: "海陵区", cityCode: "3212", kind: "DISTRICT" },
  { code: "321203", name: "高港区", cityCode: "3212", kind: "DISTRICT" },
  { code: "321204", name: "姜堰区", cityCode: "3212", kind: "DISTRICT" },
  { code: "321281", name: "兴化市", cityCode: "3212", kind: "COUNTY_CITY" },
  { code: "321282", name: "靖江市", cityCode: "3212", kind: "COUNTY_CITY" },
  { code: "321283", name: "泰兴市", cityCode: "3212", kind: "COUNTY_CITY" },
  // 宿迁市
  { code: "321302", name: "宿城区", cityCode: "3213", kind: "DISTRICT" },
  { code: "321311", name: "宿豫区", cityCode: "3213", kind: "DISTRICT" },
  { code: "321322", name: "沭阳县", cityCode: "3213", kind: "COUNTY" },
  { code: "321323", name: "泗阳县", cityCode: "3213", kind: "COUNTY" },
  { code: "321324", name: "泗洪县", cityCode: "3213", kind: "COUNTY" },
];

/** Names as in the NBS list (modood/Administrative-divisions-of-China dist/areas.csv). */
export const FUNCTIONAL_ZONES: readonly FunctionalZone[] = [
  { code: "320371", name: "徐州经济技术开发区", cityCode: "3203" },
  { code: "320571", name: "苏州工业园区", cityCode: "3205" },
  { code: "320671", name: "南通经济技术开发区", cityCode: "3206" },
  { code: "320771", name: "连云港经济技术开发区", cityCode: "3207" },
  { code: "320772", name: "连云港高新技术产业开发区", cityCode: "3207" },
  { code: "320871", name: "淮安经济技术开发区", cityCode: "3208" },
  { code: "320971", name: "盐城经济技术开发区", cityCode: "3209" },
  { code: "321071", name: "扬州经济技术开发区", cityCode: "3210" },
  { code: "321171", name: "镇江新区", cityCode: "3211" },
  { code: "321271", name: "泰州医药高新技术产业开发区", cityCode: "3212" },
  { code: "321371", name: "宿迁经济技术开发区", cityCode: "3213" },
];

const CITY_BY_CODE: ReadonlyMap<string, City> = new Map(CITIES.map((city) => [city.code, city]));
const COUNTY_BY_CODE: ReadonlyMap<string, County> = new Map(COUNTIES.map((county) => [county.code, county]));

export function isCityCode(value: unknown): value is CityCode {
  return typeof value === "string" && CITY_BY_CODE.has(value);
}

/** True only for the 95 counties; functional-zone codes are not county codes. */
export function isCountyCode(value: unknown): boolean {
  return typeof value === "string" && COUNTY_BY_CODE.has(value);
}

export function cityByCode(cityCode: string): City | undefined {
  return CITY_BY_CODE.get(cityCode);
}

export function countyByCode(countyCode: string): County | undefined {
  return COUNTY_BY_CODE.get(countyCode);
}

/** The city a county belongs to; `undefined` for a code that is not one of the 95 counties. */
export function cityOf(countyCode: string): City | undefined {
  const county = COUNTY_BY_CODE.get(countyCode);
  return county ? CITY_BY_CODE.get(county.cityCode) : undefined;
}

/** The region (苏南/苏中/苏北) a county belongs to, through its city. */
export function regionOfCounty(countyCode: string): Region | undefined {
  return cityOf(countyCode)?.region;
}

export function countiesOfCity(cityCode: string): readonly County[] {
  return COUNTIES.filter((county) => county.cityCode === cityCode);
}

export type FindCountyResult =
  | { ok: true; county: County }
  | { ok: false; reason: "NOT_FOUND" }
  | { ok: false; reason: "AMBIGUOUS"; candidates: readonly County[] };

/**
 * Look a county up by its exact name, optionally within one city.
 * Some names repeat across cities (鼓楼区 is in both 南京市 and 徐州市), so without a city a repeated
 * name is reported as ambiguous with its candidates rather than resolved to whichever comes first.
 */
export function findCountyByName(name: string, cityCode?: string): FindCountyResult {
  const wanted = name.trim();
  const matches = COUNTIES.filter(
    (county) => county.name === wanted && (cityCode === undefined || county.cityCode === cityCode),
  );
  const [first, ...rest] = matches;
  if (first === undefined) return { ok: false, reason: "NOT_FOUND" };
  if (rest.length > 0) return { ok: false, reason: "AMBIGUOUS", candidates: matches };
  return { ok: true, county: first };
}

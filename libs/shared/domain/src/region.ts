/** Region 区域: Jiangsu's three economic regions, 苏南 / 苏中 / 苏北. */
export const REGIONS = ["SOUTH", "CENTRAL", "NORTH"] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_NAMES: Record<Region, string> = {
  SOUTH: "苏南",
  CENTRAL: "苏中",
  NORTH: "苏北",
};

/**
 * Minimum size of a county's pilot enterprise roster by region
 * (原则上苏南地区不少于100家，苏中地区不少于80家，苏北地区不少于50家).
 */
export const ROSTER_MINIMUM_BY_REGION: Record<Region, number> = {
  SOUTH: 100,
  CENTRAL: 80,
  NORTH: 50,
};

export function rosterMinimumFor(region: Region): number {
  return ROSTER_MINIMUM_BY_REGION[region];
}

export function isRegion(value: unknown): value is Region {
  return typeof value === "string" && (REGIONS as readonly string[]).includes(value);
}

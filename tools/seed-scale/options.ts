/**
 * What a run generates. Two variants: `province` — Jiangsu's 95 counties with rosters of the guide's sizes and every
 * file section written in full; `national` — 2,800 counties × 300 enterprises for aggregate queries, the files written
 * compactly (fewer items per list, still valid) and the counties beyond Jiangsu's 95 synthesised in the scale database.
 */
import type { Region } from "@dtpilot/domain";

export const SCALES = ["province", "national"] as const;
export type Scale = (typeof SCALES)[number];

export interface ScaleOptions {
  scale: Scale;
  /** The target database, created (dropped first) by the run. */
  database: string;
  seed: string;
  /** Only the first N counties (interleaved by region), for small runs and tests. */
  counties: number | null;
  /** Every county's roster size, instead of the variant's sizes (tests). */
  perCounty: number | null;
  /** Counties generated and loaded per transaction. */
  chunkCounties: number;
  /** Validate every generated file section with the domain (else one county in `validateEvery`). */
  validateAll: boolean;
  /** Check the app role's view of the loaded rows under row-level security. */
  verify: boolean;
  /** Print per-table checksums (determinism). */
  checksums: boolean;
  /** Progress lines on stderr. */
  quiet: boolean;
}

/** The shape of a variant: sizes, shares and how much of each file is written. */
export interface ScaleProfile {
  /** Total counties; beyond Jiangsu's 95 they are synthesised. */
  countyCount: number;
  /** Roster size per region: [min, max]. */
  rosterSize: Record<Region, readonly [number, number]>;
  /** County team accounts (COUNTY_ADMIN) per county: [min, max]. */
  countyUsers: readonly [number, number];
  cityOfficersPerCity: number;
  /** Counties per third-party reviewer (REVIEWER, assigned for the batch). */
  countiesPerReviewer: number;
  provinceAdmins: number;
  /** Local providers per city, and those working province-wide (外地引入 among them). */
  providersPerCity: number;
  wideProviders: number;
  /** Providers serving each county: [min, max]. */
  providersPerCounty: readonly [number, number];
  /** Share of roster entries whose enterprise has an account. */
  accountShare: number;
  /** Roster change requests per county: [min, max]. */
  changesPerCounty: readonly [number, number];
  /** Share of plans returned once by the city, and by the province, before their approval. */
  cityReturnShare: number;
  provinceReturnShare: number;
  /** "full": every list of a file has 1–4 items; "compact": one item where the file requires one. */
  fileContent: "full" | "compact";
  /** Roster exports (XLSX) are generated for Jiangsu's counties only when true. */
  exports: boolean;
  /** With validateAll off, the files of one county in this many are validated. */
  validateEvery: number;
  chunkCounties: number;
}

export const PROFILES: Record<Scale, ScaleProfile> = {
  province: {
    countyCount: 95,
    rosterSize: { SOUTH: [100, 150], CENTRAL: [80, 80], NORTH: [50, 50] },
    countyUsers: [2, 3],
    cityOfficersPerCity: 2,
    countiesPerReviewer: 19,
    provinceAdmins: 2,
    providersPerCity: 10,
    wideProviders: 20,
    providersPerCounty: [6, 12],
    accountShare: 0.4,
    changesPerCounty: [2, 6],
    cityReturnShare: 0.3,
    provinceReturnShare: 0.1,
    fileContent: "full",
    exports: true,
    validateEvery: 1,
    chunkCounties: 10,
  },
  national: {
    countyCount: 2_800,
    rosterSize: { SOUTH: [300, 300], CENTRAL: [300, 300], NORTH: [300, 300] },
    countyUsers: [2, 2],
    cityOfficersPerCity: 1,
    countiesPerReviewer: 50,
    provinceAdmins: 2,
    providersPerCity: 6,
    wideProviders: 60,
    providersPerCounty: [6, 10],
    accountShare: 0.4,
    changesPerCounty: [2, 4],
    cityReturnShare: 0.3,
    provinceReturnShare: 0.1,
    fileContent: "compact",
    exports: true,
    validateEvery: 50,
    chunkCounties: 20,
  },
};

export const DEFAULT_DATABASE = "dtpilot_scale";
export const DEFAULT_SEED = "dtpilot-scale-1";

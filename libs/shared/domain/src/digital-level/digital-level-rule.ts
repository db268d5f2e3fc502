/**
 * 等级判定 of 《中小企业数字化水平评测指标（2024年版）》 (reference.md §1.2.3): the base score (基础 + 管理 + 成效, 0–100)
 * together with the scene levels gives the enterprise's 数字化水平等级, 0 (未达一级) to 4 (四级).
 */
import type { DigitalLevel } from "../enterprise-file/results-section";
import type { EnterpriseScale } from "../roster/pilot-enterprise";
import { DIGITAL_SCENE_NAMES, DIGITAL_SCENES, type DigitalSceneName, type SceneLevel } from "./digital-level-scenes";
import type { MaturityLevelNumber } from "./maturity-level";

/** DigitalLevelNumber 数字化水平等级: 0 = 未达一级, 1 = 一级 … 4 = 四级. */
export type DigitalLevelNumber = 0 | 1 | 2 | 3 | 4;

/**
 * Rank and name of each level. The names (初始级, 规范级, 集成级, 协同级) come from the one public tool that names the 2024
 * levels (reference §1.2.3); not yet checked against the official text.
 */
export const DIGITAL_LEVEL_NAMES: Record<DigitalLevelNumber, { rank: string; name: string | null }> = {
  0: { rank: "未达一级", name: null },
  1: { rank: "一级", name: "初始级" },
  2: { rank: "二级", name: "规范级" },
  3: { rank: "三级", name: "集成级" },
  4: { rank: "四级", name: "协同级" },
};

/** “二级（规范级）”, or “未达一级”. */
export function digitalLevelLabel(level: DigitalLevelNumber): string {
  const { rank, name } = DIGITAL_LEVEL_NAMES[level];
  return name === null ? rank : `${rank}（${name}）`;
}

export interface DigitalLevelThreshold {
  level: Exclude<DigitalLevelNumber, 0>;
  /** Base score at least this. */
  minBaseScore: number;
  /** Scenes counted are those rated at least this. */
  sceneLevel: Exclude<SceneLevel, 0>;
  /** At least this many scenes at `sceneLevel` or above … */
  minScenes: number;
  /** … of which at least this many 约束性场景. */
  minConstraintScenes: number;
}

/**
 * The level rule, highest level first. TO BE VERIFIED AGAINST THE OFFICIAL TEXT: the reference (§1.2.3) took these
 * from a public re-implementation, not the official PDF, and another source disagrees (二级→三级 with 6 scenes, 3
 * constrained). Change them here only.
 */
export const DIGITAL_LEVEL_THRESHOLDS: readonly DigitalLevelThreshold[] = [
  { level: 4, minBaseScore: 80, sceneLevel: 4, minScenes: 10, minConstraintScenes: 6 },
  { level: 3, minBaseScore: 60, sceneLevel: 3, minScenes: 8, minConstraintScenes: 5 },
  { level: 2, minBaseScore: 40, sceneLevel: 2, minScenes: 6, minConstraintScenes: 3 },
  { level: 1, minBaseScore: 20, sceneLevel: 1, minScenes: 6, minConstraintScenes: 3 },
];

export interface DigitalLevelInput {
  /** 基础 + 管理 + 成效, 0–100. */
  baseScore: number;
  /** Each scene's level by its Chinese name; a scene left out counts as 0. */
  sceneLevels: Readonly<Partial<Record<DigitalSceneName, SceneLevel>>>;
}

/** The highest level whose threshold the enterprise meets, or 0 (未达一级). */
export function digitalLevelFrom({ baseScore, sceneLevels }: DigitalLevelInput): DigitalLevelNumber {
  for (const threshold of DIGITAL_LEVEL_THRESHOLDS) {
    if (!(baseScore >= threshold.minBaseScore)) continue;
    const reached = DIGITAL_SCENE_NAMES.filter((name) => (sceneLevels[name] ?? 0) >= threshold.sceneLevel);
    const constraintReached = reached.filter((name) => DIGITAL_SCENES[name].constraint);
    if (reached.length >= threshold.minScenes && constraintReached.length >= threshold.minConstraintScenes) {
      return threshold.level;
    }
  }
  return 0;
}

/** The same level as section 三 of 附2 stores it (“NONE” for 未达一级). */
export function fileDigitalLevelOf(level: DigitalLevelNumber): DigitalLevel {
  return level === 0 ? "NONE" : `L${level}`;
}

/**
 * The Jiangsu guide's bands (guide §二: “规上…达到规范级（或智能制造能力成熟度达到二级）及以上”, “规下…达到初始级（或…一级）
 * 及以上”). That 初始级 / 规范级 mean the 2024 indicators' 一级 / 二级 is the reference's inference (§1.2.4), not confirmed.
 */
export const GUIDE_BANDS = {
  INITIAL: { label: "初始级（一级）", minDigitalLevel: 1, minMaturityLevel: 1 },
  STANDARDISED: { label: "规范级（二级）", minDigitalLevel: 2, minMaturityLevel: 2 },
} as const satisfies Record<
  string,
  { label: string; minDigitalLevel: DigitalLevelNumber; minMaturityLevel: MaturityLevelNumber }
>;
export type GuideBand = keyof typeof GUIDE_BANDS;

/** The band the guide counts for each scale: 规上 规范级（二级）及以上, 规下 初始级（一级）及以上. */
export const GUIDE_TARGET_BAND: Record<EnterpriseScale, GuideBand> = { ABOVE: "STANDARDISED", BELOW: "INITIAL" };

/** The highest guide band a level reaches: STANDARDISED from 二级, INITIAL at 一级, null below. */
export function guideBandOf(level: DigitalLevelNumber): GuideBand | null {
  if (level >= GUIDE_BANDS.STANDARDISED.minDigitalLevel) return "STANDARDISED";
  if (level >= GUIDE_BANDS.INITIAL.minDigitalLevel) return "INITIAL";
  return null;
}

/**
 * Whether an enterprise counts towards its scale's target in the county's figures: by its 数字化水平等级, or by a
 * recorded 智能制造能力成熟度 (GB/T 39116), which the guide accepts in its place.
 */
export function meetsGuideTarget(
  scale: EnterpriseScale,
  levels: { digitalLevel: DigitalLevelNumber | null; maturityLevel?: MaturityLevelNumber | null },
): boolean {
  const band = GUIDE_BANDS[GUIDE_TARGET_BAND[scale]];
  const byDigitalLevel = levels.digitalLevel !== null && levels.digitalLevel >= band.minDigitalLevel;
  const byMaturity = levels.maturityLevel != null && levels.maturityLevel >= band.minMaturityLevel;
  return byDigitalLevel || byMaturity;
}

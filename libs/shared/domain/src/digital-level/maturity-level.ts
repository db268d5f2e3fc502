/**
 * MaturityLevel 智能制造能力成熟度等级 per GB/T 39116‑2020 《智能制造能力成熟度模型》 (reference.md §2): five levels, which
 * 附1's 数值E accepts in place of the 数字化水平等级 (“或智能制造能力成熟度一级”). Not to be confused with the 2024
 * indicators: GB/T 39116's 一级 is 规划级, not 初始级.
 */

export type MaturityLevelNumber = 1 | 2 | 3 | 4 | 5;

export interface MaturityLevel {
  level: MaturityLevelNumber;
  rank: string;
  name: string;
  /** The standard's one-phrase summary of the level. */
  focus: string;
}

export const MATURITY_LEVELS: readonly MaturityLevel[] = [
  { level: 1, rank: "一级", name: "规划级", focus: "流程化管理" },
  { level: 2, rank: "二级", name: "规范级", focus: "数字化改造" },
  { level: 3, rank: "三级", name: "集成级", focus: "网络化集成" },
  { level: 4, rank: "四级", name: "优化级", focus: "智能化生产" },
  { level: 5, rank: "五级", name: "引领级", focus: "产业链创新" },
];

/** “一级（规划级）” … “五级（引领级）”. */
export function maturityLevelLabel(level: MaturityLevelNumber): string {
  const { rank, name } = MATURITY_LEVELS[level - 1]!;
  return `${rank}（${name}）`;
}

import { describe, expect, it } from "vitest";
import {
  DIGITAL_LEVEL_THRESHOLDS,
  digitalLevelFrom,
  digitalLevelLabel,
  fileDigitalLevelOf,
  guideBandOf,
  meetsGuideTarget,
} from "./digital-level-rule";
import {
  CONSTRAINT_SCENE_NAMES,
  DIGITAL_SCENE_NAMES,
  DIGITAL_SCENES,
  type DigitalSceneName,
  type SceneLevel,
} from "./digital-level-scenes";
import { maturityLevelLabel, MATURITY_LEVELS } from "./maturity-level";

const GUIDANCE_SCENE_NAMES = DIGITAL_SCENE_NAMES.filter((name) => !DIGITAL_SCENES[name].constraint);

/** `constraint` 约束性场景 and `guidance` 指导性场景 at `level`, every other scene one level below (or 0). */
function scenes(level: SceneLevel, constraint: number, guidance: number): Partial<Record<DigitalSceneName, SceneLevel>> {
  const below = Math.max(level - 1, 0) as SceneLevel;
  const levels: Partial<Record<DigitalSceneName, SceneLevel>> = {};
  for (const name of DIGITAL_SCENE_NAMES) levels[name] = below;
  for (const name of CONSTRAINT_SCENE_NAMES.slice(0, constraint)) levels[name] = level;
  for (const name of GUIDANCE_SCENE_NAMES.slice(0, guidance)) levels[name] = level;
  return levels;
}

describe("the 2024 scenes", () => {
  it("are 16, of which exactly the reference's ten ★ scenes are 约束性场景", () => {
    expect(DIGITAL_SCENE_NAMES).toHaveLength(16);
    expect(CONSTRAINT_SCENE_NAMES).toEqual([
      "产品设计",
      "营销管理",
      "生产管控",
      "质量管理",
      "设备管理",
      "安全生产",
      "能耗管理",
      "采购管理",
      "仓储物流",
      "财务管理",
    ]);
    expect(GUIDANCE_SCENE_NAMES).toEqual(["工艺设计", "售后服务", "计划排程", "人力资源", "协同办公", "决策支持"]);
  });

  it("each describe four levels, under their own name", () => {
    for (const name of DIGITAL_SCENE_NAMES) {
      expect(DIGITAL_SCENES[name].name).toBe(name);
      expect(DIGITAL_SCENES[name].levels).toHaveLength(4);
      for (const text of DIGITAL_SCENES[name].levels) expect(text.length).toBeGreaterThan(10);
    }
    expect(DIGITAL_SCENES.设备管理.levels[2]).toContain("设备综合效率（OEE）统计");
    expect(DIGITAL_SCENES.设备管理.levels[3]).toContain("设备故障知识库");
  });
});

describe("DIGITAL_LEVEL_THRESHOLDS", () => {
  it("hold the reference's rule, highest level first", () => {
    expect(DIGITAL_LEVEL_THRESHOLDS.map((t) => [t.level, t.minBaseScore, t.sceneLevel, t.minScenes, t.minConstraintScenes])).toEqual([
      [4, 80, 4, 10, 6],
      [3, 60, 3, 8, 5],
      [2, 40, 2, 6, 3],
      [1, 20, 1, 6, 3],
    ]);
  });
});

describe("digitalLevelFrom", () => {
  // Each row: a level exactly at its threshold, then one thing short of it, which falls to the level the rest meets.
  const cases: [string, number, Partial<Record<DigitalSceneName, SceneLevel>>, number][] = [
    ["四级 at 80 points, 10 scenes at 四级 of which 6 constrained", 80, scenes(4, 6, 4), 4],
    ["四级 with a point more and a scene more", 81, scenes(4, 7, 4), 4],
    ["三级 when the base is 79", 79, scenes(4, 6, 4), 3],
    ["三级 with 9 scenes at 四级", 80, scenes(4, 6, 3), 3],
    ["三级 with 5 constrained of 10 scenes at 四级", 80, scenes(4, 5, 5), 3],
    ["三级 at 60 points, 8 scenes at 三级 of which 5 constrained", 60, scenes(3, 5, 3), 3],
    ["三级 with a point more and a scene more", 61, scenes(3, 6, 3), 3],
    ["二级 when the base is 59", 59, scenes(3, 5, 3), 2],
    ["二级 with 7 scenes at 三级", 60, scenes(3, 5, 2), 2],
    ["二级 with 4 constrained of 8 scenes at 三级", 60, scenes(3, 4, 4), 2],
    ["二级 at 40 points, 6 scenes at 二级 of which 3 constrained", 40, scenes(2, 3, 3), 2],
    ["二级 with a point more and a scene more", 41, scenes(2, 4, 3), 2],
    ["一级 when the base is 39", 39, scenes(2, 3, 3), 1],
    ["一级 with 5 scenes at 二级", 40, scenes(2, 3, 2), 1],
    ["一级 with 2 constrained of 6 scenes at 二级", 40, scenes(2, 2, 4), 1],
    ["一级 at 20 points, 6 scenes at 一级 of which 3 constrained", 20, scenes(1, 3, 3), 1],
    ["一级 with a point more and a scene more", 21, scenes(1, 4, 3), 1],
    ["未达一级 when the base is 19", 19, scenes(1, 3, 3), 0],
    ["未达一级 with 5 scenes at 一级", 20, scenes(1, 3, 2), 0],
    ["未达一级 with 2 constrained of 6 scenes at 一级", 20, scenes(1, 2, 4), 0],
  ];

  it.each(cases)("gives %s", (_, baseScore, sceneLevels, level) => {
    expect(digitalLevelFrom({ baseScore, sceneLevels })).toBe(level);
  });

  it("compares the base score exactly: 79.999 is not 80", () => {
    expect(digitalLevelFrom({ baseScore: 79.999, sceneLevels: scenes(4, 10, 6) })).toBe(3);
    expect(digitalLevelFrom({ baseScore: 19.999, sceneLevels: scenes(1, 10, 6) })).toBe(0);
  });

  it("counts a scene at a higher level towards every lower level", () => {
    // Six scenes at 四级 (three constrained), the rest at 0: not enough for 三级 or 四级 (8 and 10 scenes), but 二级.
    const atFour = scenes(4, 3, 3);
    const sixAtFour = Object.fromEntries(DIGITAL_SCENE_NAMES.map((name) => [name, atFour[name] === 4 ? 4 : 0]));
    expect(digitalLevelFrom({ baseScore: 100, sceneLevels: sixAtFour })).toBe(2);
  });

  it("counts a scene left out as 0", () => {
    expect(digitalLevelFrom({ baseScore: 100, sceneLevels: {} })).toBe(0);
    expect(digitalLevelFrom({ baseScore: 100, sceneLevels: { 产品设计: 4, 营销管理: 4, 生产管控: 4, 工艺设计: 4, 售后服务: 4, 计划排程: 4 } })).toBe(2);
  });

  it("gives 四级 to full marks everywhere and 0 to a score that is not a number", () => {
    expect(digitalLevelFrom({ baseScore: 100, sceneLevels: scenes(4, 10, 6) })).toBe(4);
    expect(digitalLevelFrom({ baseScore: Number.NaN, sceneLevels: scenes(4, 10, 6) })).toBe(0);
  });
});

describe("level names", () => {
  it("read 一级（初始级） to 四级（协同级）, and 未达一级 for 0", () => {
    expect([0, 1, 2, 3, 4].map((level) => digitalLevelLabel(level as 0 | 1 | 2 | 3 | 4))).toEqual([
      "未达一级",
      "一级（初始级）",
      "二级（规范级）",
      "三级（集成级）",
      "四级（协同级）",
    ]);
  });

  it("map onto the file's section 三 levels", () => {
    expect([0, 1, 2, 3, 4].map((level) => fileDigitalLevelOf(level as 0 | 1 | 2 | 3 | 4))).toEqual(["NONE", "L1", "L2", "L3", "L4"]);
  });

  it("of GB/T 39116 run from 一级（规划级） to 五级（引领级）", () => {
    expect(MATURITY_LEVELS.map((level) => level.level)).toEqual([1, 2, 3, 4, 5]);
    expect(MATURITY_LEVELS.map((level) => maturityLevelLabel(level.level))).toEqual([
      "一级（规划级）",
      "二级（规范级）",
      "三级（集成级）",
      "四级（优化级）",
      "五级（引领级）",
    ]);
  });
});

describe("the Jiangsu guide's bands", () => {
  it("are 规范级 from 二级, 初始级 at 一级, none below", () => {
    expect([0, 1, 2, 3, 4].map((level) => guideBandOf(level as 0 | 1 | 2 | 3 | 4))).toEqual([
      null,
      "INITIAL",
      "STANDARDISED",
      "STANDARDISED",
      "STANDARDISED",
    ]);
  });

  it("count a 规上 enterprise from 二级 and a 规下 one from 一级", () => {
    expect([0, 1, 2, 3, 4].map((level) => meetsGuideTarget("ABOVE", { digitalLevel: level as 0 | 1 | 2 | 3 | 4 }))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect([0, 1, 2, 3, 4].map((level) => meetsGuideTarget("BELOW", { digitalLevel: level as 0 | 1 | 2 | 3 | 4 }))).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it("accept the 智能制造能力成熟度 in place of the level (二级 for 规上, 一级 for 规下)", () => {
    expect(meetsGuideTarget("ABOVE", { digitalLevel: null, maturityLevel: 1 })).toBe(false);
    expect(meetsGuideTarget("ABOVE", { digitalLevel: 1, maturityLevel: 2 })).toBe(true);
    expect(meetsGuideTarget("BELOW", { digitalLevel: 0, maturityLevel: 1 })).toBe(true);
    expect(meetsGuideTarget("BELOW", { digitalLevel: null, maturityLevel: null })).toBe(false);
  });
});

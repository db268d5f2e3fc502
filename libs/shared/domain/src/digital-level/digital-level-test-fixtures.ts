import type { DigitalLevelAnswers } from "./digital-level-answers";

/** Answers shared by the questionnaire's tests: one machinery SME before and after its transformation. */

/** 改造前: 21.95 points and six scenes at 一级 (three constrained) — 一级. */
export function answersBefore(): DigitalLevelAnswers {
  return {
    choices: {
      NETWORK: ["B"],
      DATA_COLLECTION: ["N"],
      INFORMATION_SYSTEMS: ["B"],
      NETWORK_SECURITY: ["B"],
      DATA_SECURITY: ["A"],
      PLANNING: ["C"],
      MANAGEMENT_RULES: ["A"],
      TALENT: ["B"],
    },
    figures: {
      productionEquipment: 118,
      digitalEquipment: 20,
      networkedEquipment: 6,
      averageDigitalInvestment: 120,
      averageRevenue: 13_800,
      energyLastYear: 900,
      energyYearBefore: 860,
      passRateBefore: 96.2,
      passRateAfter: 96.2,
      employeesLastYear: 205,
      employeesYearBefore: 200,
      revenueLastYear: 14_200,
      revenueYearBefore: 13_800,
      costLastYear: 12_100,
      costYearBefore: 11_800,
    },
    sceneLevels: {
      产品设计: 0,
      工艺设计: 0,
      营销管理: 1,
      售后服务: 0,
      计划排程: 0,
      生产管控: 1,
      质量管理: 0,
      设备管理: 0,
      安全生产: 0,
      能耗管理: 0,
      采购管理: 0,
      仓储物流: 0,
      财务管理: 1,
      人力资源: 1,
      协同办公: 1,
      决策支持: 1,
    },
  };
}

/** 改造后: 60.6 points, but only six scenes at 三级 — 二级. */
export function answersAfter(): DigitalLevelAnswers {
  return {
    choices: {
      NETWORK: ["B", "C"],
      DATA_COLLECTION: ["G", "H", "I", "K", "M", "N", "O"],
      INFORMATION_SYSTEMS: ["C"],
      NETWORK_SECURITY: ["B", "C"],
      DATA_SECURITY: ["B", "C", "E"],
      PLANNING: ["D"],
      MANAGEMENT_RULES: ["B", "C"],
      TALENT: ["B", "C", "D"],
    },
    figures: {
      productionEquipment: 120,
      digitalEquipment: 54,
      networkedEquipment: 30,
      averageDigitalInvestment: 435,
      averageRevenue: 14_500,
      energyLastYear: 850.5,
      energyYearBefore: 880,
      passRateBefore: 96.2,
      passRateAfter: 98.7,
      employeesLastYear: 210,
      employeesYearBefore: 205,
      revenueLastYear: 15_600,
      revenueYearBefore: 14_200,
      costLastYear: 13_100,
      costYearBefore: 12_100,
    },
    sceneLevels: {
      产品设计: 2,
      工艺设计: 1,
      营销管理: 2,
      售后服务: 1,
      计划排程: 2,
      生产管控: 3,
      质量管理: 3,
      设备管理: 3,
      安全生产: 2,
      能耗管理: 3,
      采购管理: 2,
      仓储物流: 3,
      财务管理: 3,
      人力资源: 2,
      协同办公: 2,
      决策支持: 1,
    },
  };
}

import { describe, expect, it } from "vitest";
import { digitalLevelAnswersSchema, type DigitalLevelAnswers } from "./digital-level-answers";
import {
  CHOICE_QUESTION_IDS,
  DIGITAL_LEVEL_DIMENSION_IDS,
  DIGITAL_LEVEL_DIMENSIONS,
  DIGITAL_LEVEL_QUESTION_IDS,
  DIGITAL_LEVEL_QUESTIONS,
  type ChoiceQuestionId,
  type DigitalLevelQuestion,
} from "./digital-level-questionnaire";
import { scoreDigitalLevel } from "./digital-level-scoring";
import { answersAfter, answersBefore } from "./digital-level-test-fixtures";

type Figures = DigitalLevelAnswers["figures"];

function withChoice(id: ChoiceQuestionId, ticked: string[]): DigitalLevelAnswers {
  const answers = answersBefore();
  return { ...answers, choices: { ...answers.choices, [id]: ticked } };
}

function withFigures(figures: Partial<Figures>): DigitalLevelAnswers {
  const answers = answersBefore();
  return { ...answers, figures: { ...answers.figures, ...figures } };
}

const pointsOf = (answers: DigitalLevelAnswers, id: (typeof DIGITAL_LEVEL_QUESTION_IDS)[number]) =>
  scoreDigitalLevel(answers).byQuestion[id];

describe("the questionnaire's points", () => {
  it("add up to 数字化基础 50, 数字化管理 30 and 数字化成效 20", () => {
    const maxOf = (dimension: string) =>
      DIGITAL_LEVEL_QUESTION_IDS.filter((id) => DIGITAL_LEVEL_QUESTIONS[id].dimension === dimension).reduce(
        (sum, id) => sum + DIGITAL_LEVEL_QUESTIONS[id].max * 1000,
        0,
      ) / 1000;
    expect(DIGITAL_LEVEL_DIMENSION_IDS.map(maxOf)).toEqual([50, 30, 20]);
    expect(DIGITAL_LEVEL_DIMENSION_IDS.map((dimension) => DIGITAL_LEVEL_DIMENSIONS[dimension].max)).toEqual([50, 30, 20]);
  });

  it("give each question its maximum for its best answer", () => {
    for (const id of DIGITAL_LEVEL_QUESTION_IDS) {
      const question: DigitalLevelQuestion = DIGITAL_LEVEL_QUESTIONS[id];
      const best =
        question.kind === "multi"
          ? question.options.reduce((sum, option) => sum + option.points * 1000, 0) / 1000
          : question.kind === "figure-band"
            ? Math.max(...question.bands.map((band) => band.points))
            : Math.max(...question.options.map((option) => option.points));
      expect([id, best]).toEqual([id, question.max]);
    }
  });

  it("are the reference's per question", () => {
    expect(DIGITAL_LEVEL_QUESTION_IDS.map((id) => DIGITAL_LEVEL_QUESTIONS[id].max)).toEqual([
      8, 6, 6, 10, 10, 5, 5, 7.5, 7.5, 7.5, 7.5, 7, 7, 3, 3,
    ]);
  });
});

describe("single-choice questions", () => {
  const cases: [ChoiceQuestionId, string, number][] = [
    ["INFORMATION_SYSTEMS", "A", 0],
    ["INFORMATION_SYSTEMS", "B", 2.5],
    ["INFORMATION_SYSTEMS", "C", 5],
    ["INFORMATION_SYSTEMS", "D", 7.5],
    ["INFORMATION_SYSTEMS", "E", 10],
    ["PLANNING", "A", 0],
    ["PLANNING", "B", 1.5],
    ["PLANNING", "C", 3],
    ["PLANNING", "D", 4.5],
    ["PLANNING", "E", 6],
    ["PLANNING", "F", 7.5],
  ];
  it.each(cases)("%s option %s scores %d", (id, option, points) => {
    expect(pointsOf(withChoice(id, [option]), id).points).toBe(points);
  });
});

describe("multi-choice questions", () => {
  const each: [ChoiceQuestionId, string[], number][] = [
    ["NETWORK", ["B", "C", "D", "E"], 2],
    ["DATA_COLLECTION", ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N"], 0.7],
    ["DATA_COLLECTION", ["O"], 0.9],
    ["NETWORK_SECURITY", ["B", "C", "D", "E"], 1.25],
    ["DATA_SECURITY", ["B", "C", "D", "E"], 1.25],
    ["MANAGEMENT_RULES", ["B", "C", "D", "E"], 1.875],
    ["TALENT", ["B", "C", "D", "E", "F"], 1.5],
  ];

  it.each(each)("%s scores each of %j alone at %d", (id, options, points) => {
    for (const option of options) expect([option, pointsOf(withChoice(id, [option]), id).points]).toEqual([option, points]);
  });

  it("score 0 for 无", () => {
    for (const id of CHOICE_QUESTION_IDS.filter((id) => DIGITAL_LEVEL_QUESTIONS[id].kind === "multi")) {
      expect(pointsOf(withChoice(id, ["A"]), id).points).toBe(0);
    }
  });

  it("add the ticked options' points", () => {
    expect(pointsOf(withChoice("NETWORK", ["B", "E"]), "NETWORK").points).toBe(4);
    expect(pointsOf(withChoice("DATA_COLLECTION", ["B", "C", "O"]), "DATA_COLLECTION").points).toBe(2.3);
    expect(pointsOf(withChoice("MANAGEMENT_RULES", ["B", "C", "D"]), "MANAGEMENT_RULES").points).toBe(5.625);
    expect(pointsOf(withChoice("TALENT", ["C", "F"]), "TALENT").points).toBe(3);
  });

  it("reach exactly the question's maximum with every option ticked", () => {
    const all = (id: ChoiceQuestionId) =>
      DIGITAL_LEVEL_QUESTIONS[id].options.map((option) => option.id).filter((option) => option !== "A");
    expect(pointsOf(withChoice("NETWORK", all("NETWORK")), "NETWORK").points).toBe(8);
    expect(pointsOf(withChoice("DATA_COLLECTION", all("DATA_COLLECTION")), "DATA_COLLECTION").points).toBe(10);
    expect(pointsOf(withChoice("NETWORK_SECURITY", all("NETWORK_SECURITY")), "NETWORK_SECURITY").points).toBe(5);
    expect(pointsOf(withChoice("DATA_SECURITY", all("DATA_SECURITY")), "DATA_SECURITY").points).toBe(5);
    expect(pointsOf(withChoice("MANAGEMENT_RULES", all("MANAGEMENT_RULES")), "MANAGEMENT_RULES").points).toBe(7.5);
    expect(pointsOf(withChoice("TALENT", all("TALENT")), "TALENT").points).toBe(7.5);
  });
});

describe("figure-band questions", () => {
  // [digital or networked, total, points]: each band edge, and the smallest step above it.
  const equipment: [number, number, number][] = [
    [0, 1000, 0],
    [100, 1000, 0],
    [101, 1000, 1.5],
    [200, 1000, 1.5],
    [201, 1000, 3],
    [400, 1000, 3],
    [401, 1000, 4.5],
    [600, 1000, 4.5],
    [601, 1000, 6],
    [1000, 1000, 6],
    [1, 10, 0],
    [2, 10, 1.5],
    [3, 5, 4.5],
    [1, 3, 3],
  ];

  it.each(equipment)("设备数字化率 of %d / %d scores %d", (digitalEquipment, productionEquipment, points) => {
    const score = pointsOf(withFigures({ digitalEquipment, productionEquipment, networkedEquipment: 0 }), "EQUIPMENT_DIGITISATION");
    expect(score.points).toBe(points);
    expect(score.percent).toBeCloseTo((digitalEquipment / productionEquipment) * 100, 10);
  });

  it.each(equipment)("设备联网率 of %d / %d scores %d", (networkedEquipment, productionEquipment, points) => {
    const answers = withFigures({ networkedEquipment, productionEquipment, digitalEquipment: 0 });
    expect(pointsOf(answers, "EQUIPMENT_NETWORKING").points).toBe(points);
  });

  it("scores the lowest band, not NaN, without production equipment", () => {
    const answers = withFigures({ productionEquipment: 0, digitalEquipment: 0, networkedEquipment: 0 });
    expect(pointsOf(answers, "EQUIPMENT_DIGITISATION")).toEqual({ points: 0, max: 6, percent: null });
    expect(pointsOf(answers, "EQUIPMENT_NETWORKING")).toEqual({ points: 0, max: 6, percent: null });
  });

  it("scores 投入占比 in quarters of 7.5, exactly at edges given in decimals", () => {
    const funding = (averageDigitalInvestment: number, averageRevenue: number) =>
      pointsOf(withFigures({ averageDigitalInvestment, averageRevenue }), "FUNDING").points;
    expect(funding(12.3456, 123.456)).toBe(0); // exactly 10%
    expect(funding(12.3457, 123.456)).toBe(1.875);
    expect(funding(0.3, 1.5)).toBe(1.875); // exactly 20%
    expect(funding(0.3001, 1.5)).toBe(3.75);
    expect(funding(40, 100)).toBe(3.75);
    expect(funding(60, 100)).toBe(5.625);
    expect(funding(60.0001, 100)).toBe(7.5);
    expect(funding(100, 100)).toBe(7.5);
  });

  it("scores an investment above the revenue in the top band, and no revenue in the lowest", () => {
    expect(pointsOf(withFigures({ averageDigitalInvestment: 500, averageRevenue: 300 }), "FUNDING")).toMatchObject({
      points: 7.5,
      percent: (500 * 100) / 300,
    });
    expect(pointsOf(withFigures({ averageDigitalInvestment: 500, averageRevenue: 0 }), "FUNDING")).toEqual({
      points: 0,
      max: 7.5,
      percent: null,
    });
  });
});

describe("figure-change questions", () => {
  it("score 综合能源消费量 per revenue: 降低 7, 持平 3.5, 增加 0", () => {
    const energy = (figures: Partial<Figures>) => pointsOf(withFigures(figures), "ENERGY");
    const years = { revenueLastYear: 2000, revenueYearBefore: 1000 };
    expect(energy({ ...years, energyLastYear: 199.9999, energyYearBefore: 100 })).toEqual({ points: 7, max: 7, change: "DECREASE" });
    expect(energy({ ...years, energyLastYear: 200, energyYearBefore: 100 })).toEqual({ points: 3.5, max: 7, change: "FLAT" });
    expect(energy({ ...years, energyLastYear: 200.0001, energyYearBefore: 100 })).toEqual({ points: 0, max: 7, change: "INCREASE" });
  });

  it("find 持平 for proportional decimal figures that binary floating point would not", () => {
    // 0.3 / 1.5 and 0.1 / 0.5 are both 0.2, but 0.3 / 1.5 !== 0.1 / 0.5 in floating point.
    expect(0.3 / 1.5 === 0.1 / 0.5).toBe(false);
    const answers = withFigures({ energyLastYear: 0.3, revenueLastYear: 1.5, energyYearBefore: 0.1, revenueYearBefore: 0.5 });
    expect(pointsOf(answers, "ENERGY").change).toBe("FLAT");
  });

  it("score 月均产品合格率: 增加 7, 持平 3.5, 降低 0", () => {
    const passRate = (passRateBefore: number, passRateAfter: number) =>
      pointsOf(withFigures({ passRateBefore, passRateAfter }), "PASS_RATE");
    expect(passRate(95, 95.0001)).toEqual({ points: 7, max: 7, change: "INCREASE" });
    expect(passRate(95, 95)).toEqual({ points: 3.5, max: 7, change: "FLAT" });
    expect(passRate(95, 94.9999)).toEqual({ points: 0, max: 7, change: "DECREASE" });
    expect(passRate(0, 0)).toEqual({ points: 3.5, max: 7, change: "FLAT" });
  });

  it("score 人均营业收入: 增加 3, 持平 1.5, 降低 0", () => {
    const perEmployee = (revenueLastYear: number) =>
      pointsOf(
        withFigures({ revenueLastYear, employeesLastYear: 300, revenueYearBefore: 10_000, employeesYearBefore: 200 }),
        "REVENUE_PER_EMPLOYEE",
      ).points;
    expect(perEmployee(15_000.0001)).toBe(3);
    expect(perEmployee(15_000)).toBe(1.5);
    expect(perEmployee(14_999.9999)).toBe(0);
  });

  it("score 每百元营业收入中的成本: 降低 3, 持平 1.5, 增加 0", () => {
    const cost = (costLastYear: number) =>
      pointsOf(
        withFigures({ costLastYear, revenueLastYear: 12_000, costYearBefore: 8000, revenueYearBefore: 10_000 }),
        "COST_PER_REVENUE",
      ).points;
    expect(cost(9599.9999)).toBe(3);
    expect(cost(9600)).toBe(1.5);
    expect(cost(9600.0001)).toBe(0);
  });

  it("score the lowest option, never NaN, when a year has no revenue or no employees", () => {
    const noRevenue = withFigures({ revenueLastYear: 0 });
    expect(pointsOf(noRevenue, "ENERGY")).toEqual({ points: 0, max: 7, change: null });
    expect(pointsOf(noRevenue, "COST_PER_REVENUE")).toEqual({ points: 0, max: 3, change: null });
    expect(pointsOf(withFigures({ revenueYearBefore: 0 }), "ENERGY")).toEqual({ points: 0, max: 7, change: null });
    expect(pointsOf(withFigures({ employeesYearBefore: 0 }), "REVENUE_PER_EMPLOYEE")).toEqual({ points: 0, max: 3, change: null });
    expect(Number.isNaN(scoreDigitalLevel(noRevenue).baseScore)).toBe(false);
  });
});

describe("scoreDigitalLevel on a full questionnaire", () => {
  it("scores the enterprise before its transformation at 21.95 points, 一级", () => {
    const answers = digitalLevelAnswersSchema.parse(answersBefore());
    const score = scoreDigitalLevel(answers);
    expect(score.byDimension).toEqual({
      FOUNDATION: { score: 7.95, max: 50 },
      MANAGEMENT: { score: 4.5, max: 30 },
      RESULTS: { score: 9.5, max: 20 },
    });
    expect(score.baseScore).toBe(21.95);
    expect(score.level).toBe(1);
    expect(score.sceneLevels).toEqual(answers.sceneLevels);
    expect(Object.fromEntries(DIGITAL_LEVEL_QUESTION_IDS.map((id) => [id, score.byQuestion[id].points]))).toEqual({
      NETWORK: 2,
      EQUIPMENT_DIGITISATION: 1.5,
      EQUIPMENT_NETWORKING: 0,
      DATA_COLLECTION: 0.7,
      INFORMATION_SYSTEMS: 2.5,
      NETWORK_SECURITY: 1.25,
      DATA_SECURITY: 0,
      PLANNING: 3,
      MANAGEMENT_RULES: 0,
      TALENT: 1.5,
      FUNDING: 0,
      ENERGY: 0,
      PASS_RATE: 3.5,
      REVENUE_PER_EMPLOYEE: 3,
      COST_PER_REVENUE: 3,
    });
  });

  it("scores it after its transformation at 60.6 points, 二级 for want of scenes at 三级", () => {
    const score = scoreDigitalLevel(digitalLevelAnswersSchema.parse(answersAfter()));
    expect(score.byDimension).toEqual({
      FOUNDATION: { score: 27.85, max: 50 },
      MANAGEMENT: { score: 12.75, max: 30 },
      RESULTS: { score: 20, max: 20 },
    });
    expect(score.baseScore).toBe(60.6);
    expect(score.level).toBe(2);
    expect(score.byQuestion.EQUIPMENT_DIGITISATION).toEqual({ points: 4.5, max: 6, percent: 45 });
    expect(score.byQuestion.EQUIPMENT_NETWORKING).toEqual({ points: 3, max: 6, percent: 25 });
    expect(score.byQuestion.FUNDING).toEqual({ points: 0, max: 7.5, percent: 3 });
    expect(score.byQuestion.DATA_COLLECTION.points).toBe(5.1);
  });

  it("reaches 三级 once two more scenes reach 三级", () => {
    const answers = answersAfter();
    answers.sceneLevels.产品设计 = 3;
    answers.sceneLevels.计划排程 = 3;
    expect(scoreDigitalLevel(answers).level).toBe(3);
  });

  it("gives 100 points for the best answer to every question", () => {
    const answers = answersAfter();
    for (const id of CHOICE_QUESTION_IDS) {
      const question = DIGITAL_LEVEL_QUESTIONS[id];
      answers.choices[id] =
        question.kind === "single"
          ? [question.options[question.options.length - 1]!.id]
          : question.options.map((option) => option.id).filter((option) => option !== "A");
    }
    Object.assign(answers.figures, {
      digitalEquipment: 120,
      networkedEquipment: 120,
      averageDigitalInvestment: 14_500,
    } satisfies Partial<Figures>);
    expect(scoreDigitalLevel(answers).baseScore).toBe(100);
  });
});

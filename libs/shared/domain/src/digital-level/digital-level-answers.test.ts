import { describe, expect, it } from "vitest";
import { digitalLevelAnswersSchema } from "./digital-level-answers";
import { answersAfter, answersBefore } from "./digital-level-test-fixtures";

/** The answers of `answersAfter()` with one part replaced, as a client might send them. */
function sent(change: (answers: Record<string, Record<string, unknown>>) => void): unknown {
  const answers = structuredClone(answersAfter()) as unknown as Record<string, Record<string, unknown>>;
  change(answers);
  return answers;
}

const choicesWith = (key: string, value: unknown) => sent((answers) => void (answers.choices![key] = value));
const figuresWith = (key: string, value: unknown) => sent((answers) => void (answers.figures![key] = value));
const sceneLevelsWith = (key: string, value: unknown) => sent((answers) => void (answers.sceneLevels![key] = value));
const without = (part: string, key: string) => sent((answers) => void delete answers[part]![key]);
const accepts = (input: unknown) => digitalLevelAnswersSchema.safeParse(input).success;

/** The issues' paths and message (a message key of ours, or zod's code). */
function refusals(input: unknown) {
  const result = digitalLevelAnswersSchema.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({
    path: issue.path.join("."),
    problem: issue.message.startsWith("digitalLevel.") ? issue.message : issue.code,
  }));
}

describe("digitalLevelAnswersSchema", () => {
  it("accepts both full questionnaires of the fixtures unchanged", () => {
    expect(digitalLevelAnswersSchema.parse(answersBefore())).toEqual(answersBefore());
    expect(digitalLevelAnswersSchema.parse(answersAfter())).toEqual(answersAfter());
  });

  it("refuses unknown questions, figures, scenes and parts", () => {
    expect(refusals(choicesWith("DIGITAL_TWIN", ["B"]))).toEqual([{ path: "choices", problem: "unrecognized_keys" }]);
    expect(refusals(figuresWith("robots", 3))).toEqual([{ path: "figures", problem: "unrecognized_keys" }]);
    expect(refusals(sceneLevelsWith("数字孪生", 2))).toEqual([{ path: "sceneLevels", problem: "unrecognized_keys" }]);
    expect(refusals(sent((a) => void (a.comment = {})))).toEqual([{ path: "", problem: "unrecognized_keys" }]);
  });

  it("refuses an answer left out: an unanswered question is not 无", () => {
    expect(refusals(without("choices", "TALENT"))).toEqual([{ path: "choices.TALENT", problem: "invalid_type" }]);
    expect(refusals(choicesWith("TALENT", []))).toEqual([{ path: "choices.TALENT", problem: "too_small" }]);
    expect(refusals(without("figures", "costLastYear"))).toEqual([{ path: "figures.costLastYear", problem: "invalid_type" }]);
    expect(refusals(without("sceneLevels", "决策支持"))).toEqual([{ path: "sceneLevels.决策支持", problem: "invalid_value" }]);
  });

  it("refuses an option the question does not have", () => {
    expect(refusals(choicesWith("NETWORK", ["F"]))).toEqual([{ path: "choices.NETWORK.0", problem: "invalid_value" }]);
    expect(refusals(choicesWith("PLANNING", ["G"]))).toEqual([{ path: "choices.PLANNING.0", problem: "invalid_value" }]);
    expect(refusals(choicesWith("DATA_COLLECTION", ["产品设计"]))).toEqual([
      { path: "choices.DATA_COLLECTION.0", problem: "invalid_value" },
    ]);
    expect(refusals(choicesWith("TALENT", "B"))).toEqual([{ path: "choices.TALENT", problem: "invalid_type" }]);
  });

  it("takes exactly one option for a single-choice question", () => {
    expect(refusals(choicesWith("INFORMATION_SYSTEMS", ["B", "C"]))).toEqual([
      { path: "choices.INFORMATION_SYSTEMS", problem: "too_big" },
    ]);
  });

  it("takes 无 only alone, each option once and no more options than there are", () => {
    expect(refusals(choicesWith("NETWORK", ["A", "B"]))).toEqual([
      { path: "choices.NETWORK", problem: "digitalLevel.noneWithOthers" },
    ]);
    expect(refusals(choicesWith("NETWORK", ["B", "B"]))).toEqual([
      { path: "choices.NETWORK", problem: "digitalLevel.duplicateOption" },
    ]);
    expect(refusals(choicesWith("NETWORK", ["B", "C", "D", "E", "B", "C"]))).toEqual([
      { path: "choices.NETWORK", problem: "too_big" },
    ]);
    expect(refusals(choicesWith("TALENT", Array.from({ length: 100_000 }, () => "B")))).toEqual([
      { path: "choices.TALENT", problem: "too_big" },
    ]);
  });

  it("refuses figures that are negative, not finite, not numbers or above their maximum", () => {
    expect(refusals(figuresWith("averageRevenue", -1))).toEqual([{ path: "figures.averageRevenue", problem: "too_small" }]);
    expect(refusals(figuresWith("averageRevenue", Number.POSITIVE_INFINITY))).toEqual([
      { path: "figures.averageRevenue", problem: "invalid_type" },
    ]);
    expect(refusals(figuresWith("averageRevenue", Number.NaN))).toEqual([
      { path: "figures.averageRevenue", problem: "invalid_type" },
    ]);
    expect(refusals(figuresWith("averageRevenue", "14500"))).toEqual([
      { path: "figures.averageRevenue", problem: "invalid_type" },
    ]);
    expect(refusals(figuresWith("averageRevenue", 100_000_000.0001))).toEqual([
      { path: "figures.averageRevenue", problem: "too_big" },
    ]);
    expect(refusals(figuresWith("passRateAfter", 100.0001))).toEqual([{ path: "figures.passRateAfter", problem: "too_big" }]);
    expect(refusals(figuresWith("employeesLastYear", 1_000_001))).toEqual([
      { path: "figures.employeesLastYear", problem: "too_big" },
    ]);
  });

  it("takes whole counts and at most 4 decimal places elsewhere", () => {
    expect(refusals(figuresWith("productionEquipment", 120.5))).toEqual([
      { path: "figures.productionEquipment", problem: "invalid_type" },
    ]);
    expect(refusals(figuresWith("employeesYearBefore", 205.5))).toEqual([
      { path: "figures.employeesYearBefore", problem: "invalid_type" },
    ]);
    expect(refusals(figuresWith("costLastYear", 13_100.12345))).toEqual([
      { path: "figures.costLastYear", problem: "digitalLevel.tooManyDecimals" },
    ]);
    expect(accepts(figuresWith("costLastYear", 13_100.1234))).toBe(true);
    expect(accepts(figuresWith("averageRevenue", 99_999_999.9999))).toBe(true);
  });

  it("refuses more digital or networked equipment than production equipment", () => {
    expect(refusals(figuresWith("digitalEquipment", 121))).toEqual([
      { path: "figures.digitalEquipment", problem: "digitalLevel.exceedsTotal" },
    ]);
    expect(refusals(figuresWith("networkedEquipment", 121))).toEqual([
      { path: "figures.networkedEquipment", problem: "digitalLevel.exceedsTotal" },
    ]);
    expect(accepts(figuresWith("digitalEquipment", 120))).toBe(true);
  });

  it("takes scene levels 0 to 4 only", () => {
    for (const level of [-1, 5, 1.5, "2", null]) {
      expect(refusals(sceneLevelsWith("产品设计", level))).toEqual([{ path: "sceneLevels.产品设计", problem: "invalid_value" }]);
    }
    expect(accepts(sceneLevelsWith("产品设计", 0))).toBe(true);
  });
});

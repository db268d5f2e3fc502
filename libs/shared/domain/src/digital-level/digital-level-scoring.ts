/** Scores one full set of answers to the 2024 questionnaire into points per question and dimension, and the level. */
import { FIGURE_MAX_DECIMALS, type DigitalLevelAnswers } from "./digital-level-answers";
import {
  DIGITAL_LEVEL_DIMENSION_IDS,
  DIGITAL_LEVEL_DIMENSIONS,
  DIGITAL_LEVEL_QUESTION_IDS,
  DIGITAL_LEVEL_QUESTIONS,
  type ChoiceQuestionId,
  type DigitalLevelDimension,
  type DigitalLevelQuestion,
  type DigitalLevelQuestionId,
  type FigureBandQuestion,
  type FigureChange,
  type FigureChangeQuestion,
  type FigureMeasure,
  type MultiChoiceQuestion,
  type SingleChoiceQuestion,
} from "./digital-level-questionnaire";
import { digitalLevelFrom, type DigitalLevelNumber } from "./digital-level-rule";
import type { DigitalSceneName, SceneLevel } from "./digital-level-scenes";

type Figures = DigitalLevelAnswers["figures"];

export interface QuestionScore {
  points: number;
  max: number;
  /** figure-band: the computed ratio in percent, for display; null when its denominator is 0. */
  percent?: number | null;
  /** figure-change: the direction found; null when a denominator is 0. */
  change?: FigureChange | null;
}

export interface DigitalLevelScore {
  /** 基础 + 管理 + 成效, 0–100. */
  baseScore: number;
  byDimension: Record<DigitalLevelDimension, { score: number; max: number }>;
  byQuestion: Record<DigitalLevelQuestionId, QuestionScore>;
  sceneLevels: Record<DigitalSceneName, SceneLevel>;
  level: DigitalLevelNumber;
}

/*
 * Points are added in thousandths (1.875 is the finest share) so that 13 × 0.7 + 0.9 is exactly 10, and figures are
 * compared as whole multiples of 10^-4 in bigint, so that a ratio exactly on a band edge lands in the band the form
 * says, whatever binary floating point would make of it.
 */
const toMilli = (points: number) => Math.round(points * 1000);
const fromMilli = (milli: number) => milli / 1000;
const FIGURE_SCALE = 10 ** FIGURE_MAX_DECIMALS;
const exact = (figure: number) => BigInt(Math.round(figure * FIGURE_SCALE));

function scoreBand(question: FigureBandQuestion, figures: Figures): QuestionScore {
  const numerator = exact(figures[question.measure.numerator]);
  const denominator = exact(figures[question.measure.denominator]);
  const lowest = question.bands[0]!;
  if (denominator === 0n) return { points: lowest.points, max: question.max, percent: null };
  // ratio ≤ upTo% ⇔ 100 × numerator ≤ upTo × denominator; a ratio above the last bound takes the last band.
  const band =
    question.bands.find((candidate) => 100n * numerator <= BigInt(candidate.upToPercent) * denominator) ??
    question.bands[question.bands.length - 1]!;
  const percent = (figures[question.measure.numerator] * 100) / figures[question.measure.denominator];
  return { points: band.points, max: question.max, percent };
}

/** after ⋚ before as a sign, comparing a/b with c/d as a·d with c·b (denominators positive); null for a 0 denominator. */
function compareMeasures(after: FigureMeasure, before: FigureMeasure, figures: Figures): -1 | 0 | 1 | null {
  const afterDenominator = after.denominator === null ? 1n : exact(figures[after.denominator]);
  const beforeDenominator = before.denominator === null ? 1n : exact(figures[before.denominator]);
  if (afterDenominator === 0n || beforeDenominator === 0n) return null;
  const left = exact(figures[after.numerator]) * beforeDenominator;
  const right = exact(figures[before.numerator]) * afterDenominator;
  return left > right ? 1 : left < right ? -1 : 0;
}

function scoreChange(question: FigureChangeQuestion, figures: Figures): QuestionScore {
  const sign = compareMeasures(question.after, question.before, figures);
  const change: FigureChange | null = sign === null ? null : sign > 0 ? "INCREASE" : sign < 0 ? "DECREASE" : "FLAT";
  const option =
    change === null
      ? question.options.reduce((lowest, candidate) => (candidate.points < lowest.points ? candidate : lowest))
      : question.options.find((candidate) => candidate.change === change)!;
  return { points: option.points, max: question.max, change };
}

function scoreChoices(question: SingleChoiceQuestion | MultiChoiceQuestion, ticked: readonly string[]): QuestionScore {
  const milli = question.options
    .filter((option) => ticked.includes(option.id))
    .reduce((sum, option) => sum + toMilli(option.points), 0);
  return { points: fromMilli(Math.min(milli, toMilli(question.max))), max: question.max };
}

function scoreQuestion(id: DigitalLevelQuestionId, answers: DigitalLevelAnswers): QuestionScore {
  const question: DigitalLevelQuestion = DIGITAL_LEVEL_QUESTIONS[id];
  switch (question.kind) {
    case "single":
    case "multi":
      return scoreChoices(question, answers.choices[id as ChoiceQuestionId]);
    case "figure-band":
      return scoreBand(question, answers.figures);
    case "figure-change":
      return scoreChange(question, answers.figures);
  }
}

/** Scores answers that `digitalLevelAnswersSchema` accepted. */
export function scoreDigitalLevel(answers: DigitalLevelAnswers): DigitalLevelScore {
  const byQuestion = Object.fromEntries(
    DIGITAL_LEVEL_QUESTION_IDS.map((id) => [id, scoreQuestion(id, answers)]),
  ) as Record<DigitalLevelQuestionId, QuestionScore>;

  const dimensionMilli = (dimension: DigitalLevelDimension) =>
    DIGITAL_LEVEL_QUESTION_IDS.filter((id) => DIGITAL_LEVEL_QUESTIONS[id].dimension === dimension).reduce(
      (sum, id) => sum + toMilli(byQuestion[id].points),
      0,
    );
  const byDimension = Object.fromEntries(
    DIGITAL_LEVEL_DIMENSION_IDS.map((dimension) => [
      dimension,
      { score: fromMilli(dimensionMilli(dimension)), max: DIGITAL_LEVEL_DIMENSIONS[dimension].max },
    ]),
  ) as DigitalLevelScore["byDimension"];

  const baseScore = fromMilli(DIGITAL_LEVEL_DIMENSION_IDS.reduce((sum, dimension) => sum + dimensionMilli(dimension), 0));
  const sceneLevels = { ...answers.sceneLevels };
  return { baseScore, byDimension, byQuestion, sceneLevels, level: digitalLevelFrom({ baseScore, sceneLevels }) };
}

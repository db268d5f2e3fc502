/**
 * DigitalLevelAnswers: one full set of answers to the 2024 questionnaire (改造前 or 改造后) — the options ticked, the
 * figures given and each scene's level. Everything is required: an unanswered question is not “无”.
 */
import { z } from "zod";
import {
  CHOICE_QUESTION_IDS,
  DIGITAL_LEVEL_FIGURE_IDS,
  DIGITAL_LEVEL_FIGURES,
  DIGITAL_LEVEL_QUESTIONS,
  type ChoiceQuestionId,
  type DigitalLevelFigureId,
  type MultiChoiceQuestion,
  type SingleChoiceQuestion,
} from "./digital-level-questionnaire";
import { DIGITAL_SCENE_NAMES } from "./digital-level-scenes";

/** Money and energy figures take up to this many decimal places (1 元 in 万元). */
export const FIGURE_MAX_DECIMALS = 4;

function shapeOf<Key extends string, Schema extends z.ZodType>(keys: readonly Key[], schemaOf: (key: Key) => Schema) {
  return Object.fromEntries(keys.map((key) => [key, schemaOf(key)])) as Record<Key, Schema>;
}

/** True when `value` is written with at most FIGURE_MAX_DECIMALS decimals (what a form can send for 12.3456). */
function hasAtMostMaxDecimals(value: number): boolean {
  return Number(value.toFixed(FIGURE_MAX_DECIMALS)) === value;
}

/**
 * The ticked option ids. A single-choice question takes exactly one; a multi-choice question one or more, each once,
 * and “无” only alone.
 */
function choiceSchema(id: ChoiceQuestionId) {
  const question: SingleChoiceQuestion | MultiChoiceQuestion = DIGITAL_LEVEL_QUESTIONS[id];
  const optionIds = question.options.map((option) => option.id) as [string, ...string[]];
  const maxItems = question.kind === "single" ? 1 : optionIds.length;
  const noneOption = question.kind === "multi" ? question.noneOption : null;
  return z
    .array(z.enum(optionIds))
    .min(1)
    .max(maxItems)
    .refine((ticked) => new Set(ticked).size === ticked.length, { message: "digitalLevel.duplicateOption" })
    .refine((ticked) => noneOption === null || !ticked.includes(noneOption) || ticked.length === 1, {
      message: "digitalLevel.noneWithOthers",
    });
}

function figureSchema(id: DigitalLevelFigureId) {
  const figure = DIGITAL_LEVEL_FIGURES[id];
  const number = z.number().nonnegative().max(figure.max);
  return figure.integer
    ? number.int()
    : number.refine(hasAtMostMaxDecimals, { message: "digitalLevel.tooManyDecimals" });
}

const figuresSchema = z
  .object(shapeOf(DIGITAL_LEVEL_FIGURE_IDS, figureSchema))
  .strict()
  .superRefine((figures, context) => {
    for (const id of DIGITAL_LEVEL_FIGURE_IDS) {
      const total = DIGITAL_LEVEL_FIGURES[id].atMost;
      if (total !== undefined && figures[id] > figures[total]) {
        context.addIssue({ code: "custom", path: [id], message: "digitalLevel.exceedsTotal" });
      }
    }
  });

export const digitalLevelAnswersSchema = z
  .object({
    choices: z.object(shapeOf(CHOICE_QUESTION_IDS, choiceSchema)).strict(),
    figures: figuresSchema,
    sceneLevels: z.object(shapeOf(DIGITAL_SCENE_NAMES, () => z.literal([0, 1, 2, 3, 4]))).strict(),
  })
  .strict();

export type DigitalLevelAnswers = z.output<typeof digitalLevelAnswersSchema>;

/** 四、绩效评价: the county's evaluation of the enterprise's transformation. */
import { z } from "zod";
import { nullableBoolean, nullableText } from "./file-schema-parts";

/** 四、绩效评价 (the county's). Yes/no answers are null until answered. */
export const evaluationSectionSchema = z.strictObject({
  /** 是否已开展绩效评价 */
  evaluationConducted: nullableBoolean,
  /** 绩效评价是否通过 */
  evaluationPassed: nullableBoolean,
  /** 若未通过，请说明理由 */
  notPassedReason: nullableText,
  /** 是否将该企业作为样板 */
  isSample: nullableBoolean,
  /** 若是，请说明理由 */
  sampleReason: nullableText,
});
export type EvaluationSection = z.output<typeof evaluationSectionSchema>;

export function emptyEvaluationSection(): EvaluationSection {
  return evaluationSectionSchema.parse({});
}

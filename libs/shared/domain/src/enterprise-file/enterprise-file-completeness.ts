import { z } from "zod";
import { BASIC_FIELDS, type BasicInfoSection } from "./basic-info-section";
import type { EnterpriseFile } from "./enterprise-file";
import { FILE_SECTION_KEYS, type FileSectionKey } from "./file-sections";
import { isBlank } from "./file-values";
import { DIRECTIONS } from "./needs-section";
import { CLOUD_USAGES_WITH_DETAIL, OUTCOME_AREAS } from "./results-section";

/** What a section needs before it counts as complete. `applies` (default: always) makes a requirement conditional. */
export interface FileRequirement<C> {
  key: string;
  applies?: (content: C) => boolean;
  filled: (content: C) => boolean;
}

const hasText = (items: readonly { text: string }[]) => items.some((item) => !isBlank(item.text));

/**
 * The requirements per section, as a table. 一: every field of the template. 二: at least one need in any direction.
 * 三 (其余“根据实际改造内容可选填”): 改造内容, 云应用情况 (with its detail after 私有云：/混合云：), 起止时间, 总花费,
 * level before and after, at least one indicator with a name and both values, at least one provider evaluation with a
 * provider and a rating. 四: 是否已开展; if 是, 是否通过 (reason if 否) and 是否样板 (reason if 是).
 * Completeness counts what is filled in; whether it is valid is validation's business.
 */
export const FILE_REQUIREMENTS: { [S in FileSectionKey]: readonly FileRequirement<EnterpriseFile[S]>[] } = {
  basic: BASIC_FIELDS.map((field) => ({
    key: field,
    filled: (basic: BasicInfoSection) => {
      const value = basic[field];
      return typeof value === "string" ? !isBlank(value) : value !== null;
    },
  })),
  needs: [{ key: "needItems", filled: (needs) => DIRECTIONS.some((direction) => hasText(needs[direction])) }],
  results: [
    { key: "transformationItems", filled: (results) => hasText(results.transformationItems) },
    {
      key: "cloud",
      filled: ({ cloud }) =>
        cloud.usage !== null && (!CLOUD_USAGES_WITH_DETAIL.includes(cloud.usage) || !isBlank(cloud.detail)),
    },
    { key: "period", filled: ({ period }) => !isBlank(period.start) && !isBlank(period.end) },
    { key: "totalCost", filled: (results) => !isBlank(results.totalCost) },
    { key: "digitalLevelBefore", filled: (results) => results.digitalLevel.before !== null },
    { key: "digitalLevelAfter", filled: (results) => results.digitalLevel.after !== null },
    {
      key: "indicators",
      filled: (results) =>
        OUTCOME_AREAS.some((area) =>
          results.indicators[area].some(
            (indicator) => !isBlank(indicator.kpi) && !isBlank(indicator.before) && !isBlank(indicator.after),
          ),
        ),
    },
    {
      key: "providerEvaluations",
      filled: (results) =>
        results.providerEvaluations.some(
          (evaluation) =>
            (!isBlank(evaluation.providerId) || !isBlank(evaluation.providerName)) && evaluation.rating !== null,
        ),
    },
  ],
  evaluation: [
    { key: "evaluationConducted", filled: (evaluation) => evaluation.evaluationConducted !== null },
    {
      key: "evaluationPassed",
      applies: (evaluation) => evaluation.evaluationConducted === true,
      filled: (evaluation) => evaluation.evaluationPassed !== null,
    },
    {
      key: "notPassedReason",
      applies: (evaluation) => evaluation.evaluationConducted === true && evaluation.evaluationPassed === false,
      filled: (evaluation) => !isBlank(evaluation.notPassedReason),
    },
    {
      key: "isSample",
      applies: (evaluation) => evaluation.evaluationConducted === true,
      filled: (evaluation) => evaluation.isSample !== null,
    },
    {
      key: "sampleReason",
      applies: (evaluation) => evaluation.evaluationConducted === true && evaluation.isSample === true,
      filled: (evaluation) => !isBlank(evaluation.sampleReason),
    },
  ],
};

export interface SectionCompleteness {
  filled: number;
  required: number;
  complete: boolean;
  /** Keys of the requirements still open, in table order. */
  missing: string[];
}

export function sectionCompleteness<S extends FileSectionKey>(section: S, content: EnterpriseFile[S]): SectionCompleteness {
  const requirements: readonly FileRequirement<EnterpriseFile[S]>[] = FILE_REQUIREMENTS[section];
  const applicable = requirements.filter((requirement) => requirement.applies?.(content) ?? true);
  const missing = applicable.filter((requirement) => !requirement.filled(content)).map((requirement) => requirement.key);
  const required = applicable.length;
  const filled = required - missing.length;
  return { filled, required, complete: missing.length === 0, missing };
}

export interface FileCompleteness {
  sections: Record<FileSectionKey, SectionCompleteness>;
  filled: number;
  required: number;
  /** filled / required over all sections as a whole percentage, rounded down: 100 only when every section is complete. */
  percentage: number;
  complete: boolean;
}

export function fileCompleteness(file: EnterpriseFile): FileCompleteness {
  const sections = {
    basic: sectionCompleteness("basic", file.basic),
    needs: sectionCompleteness("needs", file.needs),
    results: sectionCompleteness("results", file.results),
    evaluation: sectionCompleteness("evaluation", file.evaluation),
  };
  const all = Object.values(sections);
  const filled = all.reduce((sum, section) => sum + section.filled, 0);
  const required = all.reduce((sum, section) => sum + section.required, 0);
  const percentage = required === 0 ? 100 : Math.floor((filled * 100) / required);
  return { sections, filled, required, percentage, complete: filled === required };
}

/**
 * The version of the completeness rules above. The roster stores each file's summary (fileCompletenessSummary) with the
 * version it was computed under; bump this whenever FILE_REQUIREMENTS or fileCompleteness change, and the summaries of
 * an older version are recomputed from the stored files (the backfill `npm run db:prepare` runs). 2: the stored file
 * is read with the roster's fields of section 一 (fileWithRosterFields), as the file page shows it.
 */
export const FILE_COMPLETENESS_VERSION = 2;

/** What the roster keeps and shows of a file's completeness: its percentage, whether complete, and each section's counts. */
export const fileCompletenessSummarySchema = z.object({
  percentage: z.number().int().min(0).max(100),
  complete: z.boolean(),
  sections: z.object(
    Object.fromEntries(FILE_SECTION_KEYS.map((key) => [key, z.object({ complete: z.boolean(), filled: z.number().int(), required: z.number().int() })])) as Record<
      FileSectionKey,
      z.ZodObject<{ complete: z.ZodBoolean; filled: z.ZodNumber; required: z.ZodNumber }>
    >,
  ),
});
export type FileCompletenessSummary = z.output<typeof fileCompletenessSummarySchema>;

/** fileCompleteness without the open requirements: what the roster stores, per file, as a memo of the rule. */
export function fileCompletenessSummary(file: EnterpriseFile): FileCompletenessSummary {
  const completeness = fileCompleteness(file);
  const sections = Object.fromEntries(
    FILE_SECTION_KEYS.map((key) => {
      const { complete, filled, required } = completeness.sections[key];
      return [key, { complete, filled, required }];
    }),
  ) as FileCompletenessSummary["sections"];
  return { percentage: completeness.percentage, complete: completeness.complete, sections };
}

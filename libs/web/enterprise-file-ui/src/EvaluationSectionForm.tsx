import { FILE_FIELD_LABELS, FILE_TEXT_MAX_CHARS, type EvaluationSection } from "@dtpilot/domain";
import { memo } from "react";
import type { SectionFormProps } from "./file-types";
import { ChoiceInput, FileField, TextInput, useYesNo } from "./FileFields";

const SECTION = "evaluation";

/**
 * 四、绩效评价 (the county's): 是否已开展绩效评价; 绩效评价是否通过, with the reason when not; 是否将该企业作为样板, with the
 * reason when it is. A reason typed before the answer changed stays in the file (hidden), so a slip loses nothing.
 */
export const EvaluationSectionForm = memo(function EvaluationSectionForm({ value, onChange, errors, readOnly }: SectionFormProps<"evaluation">) {
  const yesNo = useYesNo();
  const set = <F extends keyof EvaluationSection>(field: F, fieldValue: EvaluationSection[F]) =>
    onChange((evaluation) => ({ ...evaluation, [field]: fieldValue }));
  const question = (field: "evaluationConducted" | "evaluationPassed" | "isSample") => (
    <FileField section={SECTION} path={field} label={FILE_FIELD_LABELS[field]} errors={errors}>
      <ChoiceInput
        section={SECTION}
        path={field}
        label={FILE_FIELD_LABELS[field]}
        value={value[field]}
        options={yesNo}
        onChange={(next) => set(field, next)}
        readOnly={readOnly}
      />
    </FileField>
  );
  const reason = (field: "notPassedReason" | "sampleReason") => (
    <FileField section={SECTION} path={field} label={FILE_FIELD_LABELS[field]} errors={errors}>
      <TextInput
        section={SECTION}
        path={field}
        label={FILE_FIELD_LABELS[field]}
        value={value[field]}
        onChange={(next) => set(field, next)}
        readOnly={readOnly}
        multiline
        maxLength={FILE_TEXT_MAX_CHARS}
      />
    </FileField>
  );
  return (
    <>
      {question("evaluationConducted")}
      {question("evaluationPassed")}
      {value.evaluationPassed === false || errors.has("notPassedReason") ? reason("notPassedReason") : null}
      {question("isSample")}
      {value.isSample === true || errors.has("sampleReason") ? reason("sampleReason") : null}
    </>
  );
});

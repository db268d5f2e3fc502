import {
  BASIC_FIELDS,
  charCount,
  ENTERPRISE_NATURE_LABELS,
  ENTERPRISE_NATURES,
  ENTERPRISE_SCALES,
  ENTERPRISE_SIZE_LABELS,
  ENTERPRISE_SIZES,
  FILE_FIELD_HINTS,
  FILE_FIELD_LABELS,
  FILE_NAME_MAX_CHARS,
  FILE_PROFILE_GUARD_CHARS,
  FILE_PROFILE_MAX_CHARS,
  QUALITY_SME_STATUS_LABELS,
  QUALITY_SME_STATUSES,
  SCALE_CATEGORY_LABELS,
  type BasicInfoField,
  type BasicInfoSection,
} from "@dtpilot/domain";
import { Flex, Typography } from "antd";
import { Fragment, memo, type ReactNode } from "react";
import { useFileTranslation } from "./file-i18n";
import type { FileEntryView, SectionFormProps } from "./file-types";
import { ChoiceInput, FileField, fileFieldTestId, ReadValue, TextInput } from "./FileFields";

const SECTION = "basic";

/** How a field of 一 is filled in. */
type BasicInput =
  /** Copied from the roster: shown, never typed. */
  | { kind: "roster" }
  | {
      kind: "text";
      maxLength: number;
      multiline?: boolean;
      /** The most characters the guide allows, counted live under the field. */
      counted?: number;
      /** What the roster says of it, offered as the placeholder (名单所列细分行业：…). */
      onRoster?: (entry: FileEntryView) => string | null;
    }
  /** 万元, as a decimal string. */
  | { kind: "amount" }
  /** One of the template's boxes □. */
  | { kind: "choice"; options: readonly { value: string; label: string }[]; vertical?: boolean };

const ROSTER: BasicInput = { kind: "roster" };
const NAME: BasicInput = { kind: "text", maxLength: FILE_NAME_MAX_CHARS };
const AMOUNT: BasicInput = { kind: "amount" };
const choice = <T extends string>(values: readonly T[], labels: Record<T, string>, vertical?: boolean): BasicInput => ({
  kind: "choice",
  options: values.map((value) => ({ value, label: labels[value] })),
  vertical,
});

const BASIC_INPUTS: Record<BasicInfoField, BasicInput> = {
  enterpriseName: ROSTER,
  cityAndCounty: ROSTER,
  registeredAddress: NAME,
  creditCode: ROSTER,
  contactPerson: NAME,
  contactInfo: NAME,
  profile: { kind: "text", maxLength: FILE_PROFILE_GUARD_CHARS, multiline: true, counted: FILE_PROFILE_MAX_CHARS },
  nature: choice(ENTERPRISE_NATURES, ENTERPRISE_NATURE_LABELS),
  size: choice(ENTERPRISE_SIZES, ENTERPRISE_SIZE_LABELS),
  scale: choice(ENTERPRISE_SCALES, SCALE_CATEGORY_LABELS),
  qualityStatus: choice(QUALITY_SME_STATUSES, QUALITY_SME_STATUS_LABELS, true),
  subIndustry: { ...NAME, onRoster: (entry) => entry.subIndustry },
  lastYearRevenue: AMOUNT,
  lastYearProfit: AMOUNT,
  lastYearRevenuePerEmployee: AMOUNT,
  digitalInvestmentTotal: AMOUNT,
};

/** The template's 企业规模 has two rows of boxes under one label: 中型/小型/微型, then 规模以上/规模以下. */
const UNDER_LABEL_OF: Partial<Record<BasicInfoField, BasicInfoField>> = { scale: "size" };

/** The form's labelled groups in the template's order: each field under its own label, or another's. */
const BASIC_GROUPS: readonly (readonly [BasicInfoField, ...BasicInfoField[]])[] = BASIC_FIELDS.filter((field) => !UNDER_LABEL_OF[field]).map(
  (field) => [field, ...BASIC_FIELDS.filter((other) => UNDER_LABEL_OF[other] === field)],
);

/** 一、基本情况: every field of 附2 §一 in the template's order; 企业名称, 企业信用代码 and 所属城市及县区 come from the roster. */
export const BasicSectionForm = memo(function BasicSectionForm({ value, onChange, errors, readOnly, entry }: SectionFormProps<"basic">) {
  const { t } = useFileTranslation();
  const set = (field: BasicInfoField, fieldValue: BasicInfoSection[BasicInfoField]) => onChange((basic) => ({ ...basic, [field]: fieldValue }));

  const inputOf = (field: BasicInfoField): ReactNode => {
    const input = BASIC_INPUTS[field];
    const label = FILE_FIELD_LABELS[field];
    switch (input.kind) {
      case "roster":
        return <ReadValue value={value[field]} testId={fileFieldTestId(SECTION, field)} />;
      case "text":
      case "amount": {
        const onRoster = input.kind === "text" ? input.onRoster?.(entry) : null;
        return (
          <TextInput
            section={SECTION}
            path={field}
            label={label}
            value={value[field] as string | null}
            onChange={(next) => set(field, next)}
            readOnly={readOnly}
            {...(input.kind === "text"
              ? {
                  multiline: input.multiline,
                  maxLength: input.maxLength,
                  placeholder: onRoster ? t("basic.subIndustryOnRoster", { name: onRoster }) : undefined,
                }
              : { inputMode: "decimal" as const, suffix: t("amountUnit") })}
          />
        );
      }
      case "choice":
        return (
          <ChoiceInput
            section={SECTION}
            path={field}
            label={label}
            value={value[field] as string | null}
            options={input.options}
            onChange={(next) => set(field, next)}
            readOnly={readOnly}
            vertical={input.vertical}
          />
        );
    }
  };

  /** Under the field: where a roster value comes from, or how many characters of the limit are used. */
  const extraOf = (field: BasicInfoField): ReactNode => {
    const input = BASIC_INPUTS[field];
    if (readOnly) return undefined;
    if (input.kind === "roster") return t("basic.fromRoster");
    if (input.kind !== "text" || input.counted === undefined) return undefined;
    const length = charCount((value[field] as string | null) ?? "");
    return (
      <Typography.Text type={length > input.counted ? "danger" : "secondary"} data-testid={`file-${field}-count`}>
        {t("basic.profileCount", { count: length, limit: input.counted })}
      </Typography.Text>
    );
  };

  return (
    <>
      {BASIC_GROUPS.map((group) => {
        const [field] = group;
        const label = `${FILE_FIELD_LABELS[field]}${FILE_FIELD_HINTS[field] ?? ""}`;
        return (
          <FileField key={field} section={SECTION} path={field} label={label} errors={errors} extra={extraOf(field)}>
            {group.length === 1 ? (
              inputOf(field)
            ) : (
              <Flex vertical gap={8}>
                {group.map((member) => (
                  <Fragment key={member}>{inputOf(member)}</Fragment>
                ))}
              </Flex>
            )}
          </FileField>
        );
      })}
    </>
  );
});

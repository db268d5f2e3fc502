import {
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
  type RosterField,
} from "@dtpilot/domain";
import { Flex, Typography } from "antd";
import { memo } from "react";
import { useFileTranslation } from "./file-i18n";
import type { SectionFormProps } from "./file-types";
import { ChoiceInput, FileField, fileFieldTestId, ReadValue, TextInput } from "./FileFields";

const SECTION = "basic";

/** 一、基本情况: every field of 附2 §一 in the template's order; 企业名称, 企业信用代码 and 所属城市及县区 come from the roster. */
export const BasicSectionForm = memo(function BasicSectionForm({ value, onChange, errors, readOnly, entry }: SectionFormProps<"basic">) {
  const { t } = useFileTranslation();
  const set = <F extends BasicInfoField>(field: F, fieldValue: BasicInfoSection[F]) => onChange((basic) => ({ ...basic, [field]: fieldValue }));

  const rosterField = (field: RosterField) => (
    <FileField section={SECTION} path={field} label={FILE_FIELD_LABELS[field]} errors={errors} extra={readOnly ? undefined : t("basic.fromRoster")}>
      <ReadValue value={value[field]} testId={fileFieldTestId(SECTION, field)} />
    </FileField>
  );
  const text = (field: "registeredAddress" | "contactPerson" | "contactInfo" | "subIndustry", placeholder?: string) => (
    <FileField section={SECTION} path={field} label={FILE_FIELD_LABELS[field]} errors={errors}>
      <TextInput
        section={SECTION}
        path={field}
        label={FILE_FIELD_LABELS[field]}
        value={value[field]}
        onChange={(next) => set(field, next)}
        readOnly={readOnly}
        maxLength={FILE_NAME_MAX_CHARS}
        placeholder={placeholder}
      />
    </FileField>
  );
  const amount = (field: "lastYearRevenue" | "lastYearProfit" | "lastYearRevenuePerEmployee" | "digitalInvestmentTotal") => (
    <FileField section={SECTION} path={field} label={FILE_FIELD_LABELS[field]} errors={errors}>
      <TextInput
        section={SECTION}
        path={field}
        label={FILE_FIELD_LABELS[field]}
        value={value[field]}
        onChange={(next) => set(field, next)}
        readOnly={readOnly}
        inputMode="decimal"
        suffix={t("amountUnit")}
      />
    </FileField>
  );

  const profileLength = charCount(value.profile ?? "");
  const profileCounter = (
    <Typography.Text type={profileLength > FILE_PROFILE_MAX_CHARS ? "danger" : "secondary"} data-testid="file-profile-count">
      {t("basic.profileCount", { count: profileLength, limit: FILE_PROFILE_MAX_CHARS })}
    </Typography.Text>
  );

  return (
    <>
      {rosterField("enterpriseName")}
      {rosterField("cityAndCounty")}
      {text("registeredAddress")}
      {rosterField("creditCode")}
      {text("contactPerson")}
      {text("contactInfo")}
      <FileField
        section={SECTION}
        path="profile"
        label={`${FILE_FIELD_LABELS.profile}${FILE_FIELD_HINTS.profile ?? ""}`}
        errors={errors}
        extra={readOnly ? undefined : profileCounter}
      >
        <TextInput
          section={SECTION}
          path="profile"
          label={FILE_FIELD_LABELS.profile}
          value={value.profile}
          onChange={(next) => set("profile", next)}
          readOnly={readOnly}
          multiline
          maxLength={FILE_PROFILE_GUARD_CHARS}
        />
      </FileField>
      <FileField section={SECTION} path="nature" label={FILE_FIELD_LABELS.nature} errors={errors}>
        <ChoiceInput
          section={SECTION}
          path="nature"
          label={FILE_FIELD_LABELS.nature}
          value={value.nature}
          options={ENTERPRISE_NATURES.map((nature) => ({ value: nature, label: ENTERPRISE_NATURE_LABELS[nature] }))}
          onChange={(next) => set("nature", next)}
          readOnly={readOnly}
        />
      </FileField>
      {/* The template's 企业规模 has two rows of boxes: 中型/小型/微型, then 规模以上/规模以下. */}
      <FileField section={SECTION} path="size" label={FILE_FIELD_LABELS.size} errors={errors}>
        <Flex vertical gap={8}>
          <ChoiceInput
            section={SECTION}
            path="size"
            label={FILE_FIELD_LABELS.size}
            value={value.size}
            options={ENTERPRISE_SIZES.map((size) => ({ value: size, label: ENTERPRISE_SIZE_LABELS[size] }))}
            onChange={(next) => set("size", next)}
            readOnly={readOnly}
          />
          <ChoiceInput
            section={SECTION}
            path="scale"
            label={FILE_FIELD_LABELS.scale}
            value={value.scale}
            options={ENTERPRISE_SCALES.map((scale) => ({ value: scale, label: SCALE_CATEGORY_LABELS[scale] }))}
            onChange={(next) => set("scale", next)}
            readOnly={readOnly}
          />
        </Flex>
      </FileField>
      <FileField section={SECTION} path="qualityStatus" label={FILE_FIELD_LABELS.qualityStatus} errors={errors}>
        <ChoiceInput
          section={SECTION}
          path="qualityStatus"
          label={FILE_FIELD_LABELS.qualityStatus}
          value={value.qualityStatus}
          options={QUALITY_SME_STATUSES.map((status) => ({ value: status, label: QUALITY_SME_STATUS_LABELS[status] }))}
          onChange={(next) => set("qualityStatus", next)}
          readOnly={readOnly}
          vertical
        />
      </FileField>
      {text("subIndustry", entry.subIndustry ? t("basic.subIndustryOnRoster", { name: entry.subIndustry }) : undefined)}
      {amount("lastYearRevenue")}
      {amount("lastYearProfit")}
      {amount("lastYearRevenuePerEmployee")}
      {amount("digitalInvestmentTotal")}
    </>
  );
});

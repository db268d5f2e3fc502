import {
  CLOUD_USAGE_LABELS,
  CLOUD_USAGES,
  CLOUD_USAGES_WITH_DETAIL,
  DIGITAL_LEVEL_GUIDE_NAMES,
  DIGITAL_LEVEL_LABELS,
  DIGITAL_LEVELS,
  FILE_FIELD_HINTS,
  FILE_FIELD_LABELS,
  FILE_TEXT_MAX_CHARS,
  isIsoDate,
  OUTCOME_AREAS,
  PROVIDER_EVALUATION_WRITERS,
  type DigitalLevel,
  type ResultsSection,
} from "@dtpilot/domain";
import { Col, DatePicker, Divider, Flex, Input, Row, Select, Typography } from "antd";
import dayjs from "dayjs";
import { memo } from "react";
import { useFileTranslation } from "./file-i18n";
import { newItemId } from "./file-state";
import type { SectionFormProps } from "./file-types";
import { ChoiceInput, FileField, fileFieldTestId, ReadValue, TextInput } from "./FileFields";
import { IndicatorList } from "./IndicatorList";
import { ItemList } from "./ItemList";
import { ProviderEvaluationList } from "./ProviderEvaluationList";

const SECTION = "results";
const ISO_DATE = "YYYY-MM-DD";

function levelLabel(level: DigitalLevel): string {
  return level === "NONE" ? DIGITAL_LEVEL_LABELS[level] : `${DIGITAL_LEVEL_LABELS[level]}（${DIGITAL_LEVEL_GUIDE_NAMES[level]}）`;
}

/**
 * 三、数字化改造情况及成效: 改造内容 item by item, 云应用情况, 起止时间, 总花费, then 数字化改造成效 as the template's table
 * (改造阶段 | 改造前 | 改造后): 数字化水平等级 and, per outcome row, quantitative indicators; last 服务商评价.
 */
export const ResultsSectionForm = memo(function ResultsSectionForm({ value, onChange, errors, readOnly, entry, editor }: SectionFormProps<"results">) {
  const { t } = useFileTranslation();
  const set = <F extends keyof ResultsSection>(field: F, change: (current: ResultsSection[F]) => ResultsSection[F]) =>
    onChange((results) => ({ ...results, [field]: change(results[field]) }));

  const datePicker = (end: "start" | "end") => {
    const path = `period.${end}`;
    const current = value.period[end];
    const label = `${FILE_FIELD_LABELS.period} ${t(`results.${end}`)}`;
    return (
      <FileField section={SECTION} path={path} errors={errors}>
        {readOnly ? (
          <ReadValue value={current} testId={fileFieldTestId(SECTION, path)} />
        ) : (
          <DatePicker
            id={`${SECTION}.${path}`}
            aria-label={label}
            placeholder={t(`results.${end}`)}
            data-testid={fileFieldTestId(SECTION, path)}
            format={ISO_DATE}
            value={current && isIsoDate(current) ? dayjs(current) : null}
            onChange={(date) => set("period", (period) => ({ ...period, [end]: date ? date.format(ISO_DATE) : null }))}
          />
        )}
      </FileField>
    );
  };

  const levelSelect = (stage: "before" | "after") => {
    const path = `digitalLevel.${stage}`;
    const current = value.digitalLevel[stage];
    return (
      <FileField section={SECTION} path={path} errors={errors}>
        {readOnly ? (
          <ReadValue value={current ? levelLabel(current) : null} testId={fileFieldTestId(SECTION, path)} />
        ) : (
          <Select
            id={`${SECTION}.${path}`}
            aria-label={`${FILE_FIELD_LABELS.digitalLevel} ${FILE_FIELD_LABELS[stage]}`}
            data-testid={fileFieldTestId(SECTION, path)}
            placeholder={FILE_FIELD_LABELS[stage]}
            allowClear
            style={{ width: "100%" }}
            value={current ?? undefined}
            onChange={(next: DigitalLevel | undefined) => set("digitalLevel", (level) => ({ ...level, [stage]: next ?? null }))}
            options={DIGITAL_LEVELS.map((level) => ({ value: level, label: levelLabel(level) }))}
          />
        )}
      </FileField>
    );
  };

  const usage = value.cloud.usage;
  return (
    <>
      <FileField
        section={SECTION}
        path="transformationItems"
        label={FILE_FIELD_LABELS.transformationItems}
        extra={readOnly ? undefined : FILE_FIELD_HINTS.transformationItems}
        errors={errors}
      >
        <ItemList
          items={value.transformationItems}
          readOnly={readOnly}
          testIds={{
            list: "file-transformation-items",
            add: "file-add-results.transformationItems",
            remove: (index) => `file-remove-results.transformationItems.${index}`,
          }}
          onAdd={() => set("transformationItems", (items) => [...items, { id: newItemId(), text: "" }])}
          onRemove={(id) => set("transformationItems", (items) => items.filter((item) => item.id !== id))}
          renderItem={(item, index) => {
            const path = `transformationItems.${index}.text`;
            return readOnly ? (
              <ReadValue value={item.text} testId={fileFieldTestId(SECTION, path)} />
            ) : (
              <Input.TextArea
                aria-label={`${FILE_FIELD_LABELS.transformationItems} ${index + 1}`}
                data-testid={fileFieldTestId(SECTION, path)}
                value={item.text}
                maxLength={FILE_TEXT_MAX_CHARS}
                autoSize={{ minRows: 1, maxRows: 8 }}
                onChange={(event) =>
                  set("transformationItems", (items) => items.map((other) => (other.id === item.id ? { ...other, text: event.target.value } : other)))
                }
              />
            );
          }}
        />
      </FileField>

      <FileField section={SECTION} path="cloud.usage" label={FILE_FIELD_LABELS.cloud} errors={errors}>
        <Flex vertical gap={8}>
          <ChoiceInput
            section={SECTION}
            path="cloud.usage"
            label={FILE_FIELD_LABELS.cloud}
            value={usage}
            options={CLOUD_USAGES.map((option) => ({ value: option, label: CLOUD_USAGE_LABELS[option] }))}
            onChange={(next) => set("cloud", (cloud) => ({ ...cloud, usage: next }))}
            readOnly={readOnly}
          />
          {/* The template prints “私有云：” and “混合云：”, asking what is behind them; a detail typed before switching to
              another choice is kept, not thrown away. */}
          {usage !== null && CLOUD_USAGES_WITH_DETAIL.includes(usage) ? (
            <FileField section={SECTION} path="cloud.detail" label={`${CLOUD_USAGE_LABELS[usage]}：`} errors={errors}>
              <TextInput
                section={SECTION}
                path="cloud.detail"
                label={`${CLOUD_USAGE_LABELS[usage]} ${t("results.cloudDetail")}`}
                value={value.cloud.detail}
                onChange={(next) => set("cloud", (cloud) => ({ ...cloud, detail: next }))}
                readOnly={readOnly}
                maxLength={FILE_TEXT_MAX_CHARS}
                placeholder={t("results.cloudDetail")}
              />
            </FileField>
          ) : null}
        </Flex>
      </FileField>

      <Typography.Text strong>{FILE_FIELD_LABELS.period}</Typography.Text>
      <Flex gap={8} wrap align="start" style={{ marginTop: 8 }}>
        {datePicker("start")}
        <span style={{ paddingTop: 5 }}>—</span>
        {datePicker("end")}
      </Flex>

      <FileField section={SECTION} path="totalCost" label={FILE_FIELD_LABELS.totalCost} errors={errors}>
        <TextInput
          section={SECTION}
          path="totalCost"
          label={FILE_FIELD_LABELS.totalCost}
          value={value.totalCost}
          onChange={(next) => set("totalCost", () => next)}
          readOnly={readOnly}
          inputMode="decimal"
          suffix={t("amountUnit")}
        />
      </FileField>

      <Divider titlePlacement="start" plain>
        {FILE_FIELD_LABELS.outcomes}
      </Divider>
      <Row gutter={16} style={{ marginBottom: 8 }}>
        <Col span={8}>
          <Typography.Text strong>{FILE_FIELD_LABELS.stage}</Typography.Text>
        </Col>
        <Col span={8}>
          <Typography.Text strong>{FILE_FIELD_LABELS.before}</Typography.Text>
        </Col>
        <Col span={8}>
          <Typography.Text strong>{FILE_FIELD_LABELS.after}</Typography.Text>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Typography.Text>{FILE_FIELD_LABELS.digitalLevel}</Typography.Text>
        </Col>
        <Col span={8}>{levelSelect("before")}</Col>
        <Col span={8}>{levelSelect("after")}</Col>
      </Row>
      {OUTCOME_AREAS.map((area) => (
        <IndicatorList
          key={area}
          area={area}
          indicators={value.indicators[area]}
          readOnly={readOnly}
          errors={errors}
          onChange={(change) => set("indicators", (indicators) => ({ ...indicators, [area]: change(indicators[area]) }))}
        />
      ))}

      <Divider />
      <ProviderEvaluationList
        evaluations={value.providerEvaluations}
        providers={entry.providers}
        readOnly={readOnly || (editor !== null && !PROVIDER_EVALUATION_WRITERS.includes(editor.writer))}
        enterpriseOnly={!readOnly && editor !== null && !PROVIDER_EVALUATION_WRITERS.includes(editor.writer)}
        errors={errors}
        onChange={(change) => set("providerEvaluations", change)}
      />
    </>
  );
});

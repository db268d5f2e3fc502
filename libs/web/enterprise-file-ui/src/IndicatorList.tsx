import { ArrowDownOutlined, ArrowRightOutlined, ArrowUpOutlined } from "@ant-design/icons";
import {
  FILE_FIELD_LABELS,
  FILE_NAME_MAX_CHARS,
  indicatorName,
  indicatorTrend,
  indicatorUnit,
  isKpiKey,
  KPI_CATALOGUE,
  KPI_KEYS,
  kpisForArea,
  OUTCOME_AREA_RESULT_LABELS,
  type FileFieldError,
  type KpiKey,
  type OutcomeArea,
  type QuantitativeIndicator,
} from "@dtpilot/domain";
import { Flex, Input, Select, Typography } from "antd";
import { useFileTranslation } from "./file-i18n";
import { newItemId, textValue } from "./file-state";
import { FileField, fileFieldTestId, ReadValue } from "./FileFields";
import { ItemList } from "./ItemList";

const SECTION = "results";
/** The select's value for “自定义指标” (the enterprise's own indicator, named in the row). */
const CUSTOM = "__custom__";
/** An own indicator's unit: the schema's bound. */
const UNIT_MAX_CHARS = 20;

function kpiOption(key: KpiKey) {
  return { value: key, label: KPI_CATALOGUE[key].label, title: KPI_CATALOGUE[key].definition };
}

/** How an indicator moved from 改造前 to 改造后, marked green when it improved and red when it worsened. */
function TrendText({ indicator, testId }: { indicator: QuantitativeIndicator; testId: string }) {
  const { t } = useFileTranslation();
  const trend = indicatorTrend(indicator);
  if (!trend) return <Typography.Text type="secondary" data-testid={testId}>—</Typography.Text>;
  const icon = trend.change === "INCREASED" ? <ArrowUpOutlined /> : trend.change === "DECREASED" ? <ArrowDownOutlined /> : <ArrowRightOutlined />;
  const type = trend.improved === true ? "success" : trend.improved === false && trend.change !== "UNCHANGED" ? "danger" : "secondary";
  const verdict = trend.improved === true ? t("indicators.improved") : trend.improved === false && trend.change !== "UNCHANGED" ? t("indicators.worsened") : "";
  return (
    <Typography.Text type={type} data-testid={testId} data-change={trend.change} data-improved={String(trend.improved)}>
      {icon} {t(`indicators.${trend.change}`)}
      {verdict}
    </Typography.Text>
  );
}

function IndicatorRow({
  area,
  index,
  indicator,
  readOnly,
  errors,
  onChange,
}: {
  area: OutcomeArea;
  index: number;
  indicator: QuantitativeIndicator;
  readOnly: boolean;
  errors: ReadonlyMap<string, readonly FileFieldError[]>;
  onChange: (change: Partial<QuantitativeIndicator>) => void;
}) {
  const { t } = useFileTranslation();
  const base = `indicators.${area}.${index}`;
  const unit = indicatorUnit(indicator) ?? undefined;
  const trend = <TrendText indicator={indicator} testId={`file-indicator-trend-${area}-${index}`} />;

  if (readOnly) {
    return (
      <Flex gap={12} wrap align="baseline" data-testid={`file-indicator-${area}-${index}`}>
        <ReadValue value={indicatorName(indicator)} testId={fileFieldTestId(SECTION, `${base}.kpi`)} />
        <span>
          {FILE_FIELD_LABELS.before}：<ReadValue value={indicator.before} testId={fileFieldTestId(SECTION, `${base}.before`)} />
        </span>
        <span>
          {FILE_FIELD_LABELS.after}：<ReadValue value={indicator.after} testId={fileFieldTestId(SECTION, `${base}.after`)} />
        </span>
        {unit ? <Typography.Text type="secondary">{unit}</Typography.Text> : null}
        {trend}
      </Flex>
    );
  }

  const suggested = kpisForArea(area);
  const custom = indicator.kpi !== null && !isKpiKey(indicator.kpi);
  const selectValue = indicator.kpi === null ? undefined : custom ? CUSTOM : indicator.kpi;
  const valueInput = (field: "before" | "after") => (
    <FileField section={SECTION} path={`${base}.${field}`} errors={errors}>
      <Input
        id={`${SECTION}.${base}.${field}`}
        aria-label={FILE_FIELD_LABELS[field]}
        prefix={<Typography.Text type="secondary">{FILE_FIELD_LABELS[field]}</Typography.Text>}
        data-testid={fileFieldTestId(SECTION, `${base}.${field}`)}
        inputMode="decimal"
        autoComplete="off"
        style={{ width: 200 }}
        suffix={unit}
        value={indicator[field] ?? ""}
        onChange={(event) => onChange({ [field]: textValue(event.target.value) })}
      />
    </FileField>
  );

  return (
    <Flex gap={8} wrap align="start" data-testid={`file-indicator-${area}-${index}`}>
      <FileField section={SECTION} path={`${base}.kpi`} errors={custom ? new Map() : errors}>
        <Select
          id={`${SECTION}.${base}.kpi`}
          aria-label={t("indicators.kpi")}
          data-testid={fileFieldTestId(SECTION, `${base}.kpi`)}
          placeholder={t("indicators.kpi")}
          style={{ width: 240 }}
          value={selectValue}
          onChange={(next: string) =>
            onChange(next === CUSTOM ? { kpi: custom ? indicator.kpi : "", unit: custom ? indicator.unit : null } : { kpi: next, unit: null })
          }
          options={[
            { label: t("indicators.suggested"), options: suggested.map(kpiOption) },
            { label: t("indicators.others"), options: KPI_KEYS.filter((key) => !suggested.includes(key)).map(kpiOption) },
            { label: t("indicators.custom"), options: [{ value: CUSTOM, label: t("indicators.custom") }] },
          ]}
        />
      </FileField>
      {custom ? (
        <>
          <FileField section={SECTION} path={`${base}.kpi`} errors={errors}>
            <Input
              aria-label={t("indicators.customName")}
              placeholder={t("indicators.customName")}
              data-testid={fileFieldTestId(SECTION, `${base}.kpiName`)}
              maxLength={FILE_NAME_MAX_CHARS}
              style={{ width: 180 }}
              value={indicator.kpi ?? ""}
              // An own indicator keeps "" while unnamed, so the row stays in “自定义指标” mode.
              onChange={(event) => onChange({ kpi: event.target.value })}
            />
          </FileField>
          <FileField section={SECTION} path={`${base}.unit`} errors={errors}>
            <Input
              aria-label={t("indicators.unit")}
              placeholder={t("indicators.unit")}
              data-testid={fileFieldTestId(SECTION, `${base}.unit`)}
              maxLength={UNIT_MAX_CHARS}
              style={{ width: 100 }}
              value={indicator.unit ?? ""}
              onChange={(event) => onChange({ unit: textValue(event.target.value) })}
            />
          </FileField>
        </>
      ) : null}
      {valueInput("before")}
      {valueInput("after")}
      <div style={{ paddingTop: 5 }}>{trend}</div>
    </Flex>
  );
}

/** One outcome row of 数字化改造成效 (设备数采 … 网络和数据安全, 降本, 增效): its quantitative indicators before and after. */
export function IndicatorList({
  area,
  indicators,
  readOnly,
  errors,
  onChange,
}: {
  area: OutcomeArea;
  indicators: QuantitativeIndicator[];
  readOnly: boolean;
  errors: ReadonlyMap<string, readonly FileFieldError[]>;
  onChange: (change: (indicators: QuantitativeIndicator[]) => QuantitativeIndicator[]) => void;
}) {
  const { t } = useFileTranslation();
  return (
    <FileField section={SECTION} path={`indicators.${area}`} label={OUTCOME_AREA_RESULT_LABELS[area]} errors={errors}>
      <ItemList
        items={indicators}
        readOnly={readOnly}
        addLabel={t("indicators.add")}
        testIds={{
          list: `file-indicators-${area}`,
          add: `file-add-results.indicators.${area}`,
          remove: (index) => `file-remove-results.indicators.${area}.${index}`,
        }}
        onAdd={() => onChange((items) => [...items, { id: newItemId(), kpi: null, unit: null, before: null, after: null }])}
        onRemove={(id) => onChange((items) => items.filter((item) => item.id !== id))}
        renderItem={(indicator, index) => (
          <IndicatorRow
            area={area}
            index={index}
            indicator={indicator}
            readOnly={readOnly}
            errors={errors}
            onChange={(change) => onChange((items) => items.map((item) => (item.id === indicator.id ? { ...item, ...change } : item)))}
          />
        )}
      />
    </FileField>
  );
}

import { ENTERPRISE_SCALES } from "@dtpilot/domain";
import { Button, Flex, Segmented, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { isFiltered, NO_ROSTER_FILTERS, type RosterFilters } from "./roster-filters";

const ALL = "all";

/** One choice among 全部 and a few values; the filter's value is null for 全部. */
function Choice<T extends string | boolean>({
  testId,
  label,
  value,
  options,
  onChange,
}: {
  testId: string;
  label: string;
  value: T | null;
  options: readonly { value: T; label: string }[];
  onChange: (value: T | null) => void;
}) {
  const { t } = useTranslation("county");
  const encoded = (item: T) => String(item);
  return (
    <Flex gap={8} align="center" data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Segmented<string>
        size="small"
        aria-label={label}
        value={value === null ? ALL : encoded(value)}
        options={[{ value: ALL, label: t("roster.filters.all") }, ...options.map((option) => ({ value: encoded(option.value), label: option.label }))]}
        onChange={(chosen) => onChange(options.find((option) => encoded(option.value) === chosen)?.value ?? null)}
      />
    </Flex>
  );
}

/** 筛选: by 所属细分行业, 规上/规下, 专精特新, 档案完整度 and 状态. */
export function RosterFilterBar({
  filters,
  subIndustries,
  onChange,
}: {
  filters: RosterFilters;
  subIndustries: readonly string[];
  onChange: (filters: RosterFilters) => void;
}) {
  const { t } = useTranslation("county");
  const set = (patch: Partial<RosterFilters>) => onChange({ ...filters, ...patch });
  return (
    <Flex gap={16} wrap align="center" data-testid="roster-filters">
      <Select<string[]>
        mode="multiple"
        allowClear
        style={{ minWidth: 240 }}
        maxTagCount="responsive"
        aria-label={t("roster.columns.subIndustry")}
        placeholder={t("roster.filters.subIndustryPlaceholder")}
        value={[...filters.subIndustries]}
        options={subIndustries.map((name) => ({ value: name, label: name }))}
        onChange={(chosen) => set({ subIndustries: chosen })}
        data-testid="roster-filter-subIndustry"
      />
      <Choice
        testId="roster-filter-scale"
        label={t("roster.table.scale")}
        value={filters.scale}
        options={ENTERPRISE_SCALES.map((scale) => ({ value: scale, label: t(`roster.scales.${scale}`) }))}
        onChange={(scale) => set({ scale })}
      />
      <Choice
        testId="roster-filter-specialised"
        label={t("roster.table.specialised")}
        value={filters.specialised}
        options={[
          { value: true, label: t("roster.yes") },
          { value: false, label: t("roster.no") },
        ]}
        onChange={(specialised) => set({ specialised })}
      />
      <Choice
        testId="roster-filter-completeness"
        label={t("roster.table.completeness")}
        value={filters.complete}
        options={[
          { value: true, label: t("roster.completeness.complete") },
          { value: false, label: t("roster.completeness.incomplete") },
        ]}
        onChange={(complete) => set({ complete })}
      />
      <Choice
        testId="roster-filter-status"
        label={t("roster.table.status")}
        value={filters.status}
        options={(["ACTIVE", "REMOVED"] as const).map((status) => ({ value: status, label: t(`roster.statuses.${status}`) }))}
        onChange={(status) => set({ status })}
      />
      {isFiltered(filters) ? (
        <Button type="link" onClick={() => onChange(NO_ROSTER_FILTERS)} data-testid="roster-filter-reset">
          {t("roster.filters.reset")}
        </Button>
      ) : null}
    </Flex>
  );
}

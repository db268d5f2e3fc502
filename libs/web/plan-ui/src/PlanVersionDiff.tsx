import { useTRPC } from "@dtpilot/data-access";
import { useQuery } from "@tanstack/react-query";
import { Alert, Empty, Flex, Select, Table, Typography } from "antd";
import { useState } from "react";
import { usePlanTranslation } from "./plan-i18n";

export interface PlanVersionDiffProps {
  planId: string;
  /** The plan's versions (PlanView["versions"] will do): only their numbers are read. */
  versions: readonly { number: number }[];
  /** By default the version before the last one. */
  defaultFrom?: number;
  /** By default the last version. */
  defaultTo?: number;
}

interface Change {
  path: string;
  label: string;
  before: string | null;
  after: string | null;
}

/** 版本对比: pick two versions, see what changed field by field, in the guide's words. */
export function PlanVersionDiff({ planId, versions, defaultFrom, defaultTo }: PlanVersionDiffProps) {
  const { t } = usePlanTranslation();
  const api = useTRPC();
  const numbers = versions.map((version) => version.number).sort((a, b) => a - b);
  const last = numbers[numbers.length - 1] ?? 1;
  // What the reader picked; until then the defaults, which follow the plan as new versions open.
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const from = picked.from ?? defaultFrom ?? numbers[numbers.length - 2] ?? last;
  const to = picked.to ?? defaultTo ?? last;
  const setFrom = (value: number) => setPicked((current) => ({ ...current, from: value }));
  const setTo = (value: number) => setPicked((current) => ({ ...current, to: value }));
  const diff = useQuery(api.plan.diffPlanVersions.queryOptions({ planId, fromVersion: from, toVersion: to }));
  const options = numbers.map((number) => ({ value: number, label: t("version", { number }) }));

  const shown = (value: string | null) =>
    value === null ? (
      <Typography.Text type="secondary">{t("diff.absent")}</Typography.Text>
    ) : (
      <span style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{value}</span>
    );

  return (
    <Flex vertical gap={16} data-testid="plan-version-diff">
      <Flex gap={16} wrap align="center">
        <label>
          {t("diff.from")}{" "}
          <Select<number> value={from} onChange={setFrom} options={options} style={{ minWidth: 120 }} data-testid="plan-diff-from" />
        </label>
        <span aria-hidden>→</span>
        <label>
          {t("diff.to")}{" "}
          <Select<number> value={to} onChange={setTo} options={options} style={{ minWidth: 120 }} data-testid="plan-diff-to" />
        </label>
        {diff.data && diff.data.changes.length > 0 ? <Typography.Text type="secondary">{t("diff.count", { count: diff.data.changes.length })}</Typography.Text> : null}
      </Flex>
      {diff.isError ? <Alert type="error" showIcon title={diff.error.message} /> : null}
      {diff.data && diff.data.changes.length === 0 ? (
        <Empty description={t("diff.same")} data-testid="plan-diff-same" />
      ) : (
        <Table<Change>
          rowKey="path"
          size="small"
          bordered
          loading={diff.isPending}
          dataSource={diff.data?.changes ?? []}
          pagination={false}
          tableLayout="fixed"
          data-testid="plan-diff-table"
          columns={[
            { key: "label", title: t("diff.field"), width: "30%", render: (_, change) => <span style={{ overflowWrap: "anywhere" }}>{change.label}</span> },
            { key: "before", title: t("diff.before"), render: (_, change) => shown(change.before) },
            { key: "after", title: t("diff.after"), render: (_, change) => shown(change.after) },
          ]}
        />
      )}
    </Flex>
  );
}

import { ROSTER_TARGET_FIELDS, type RosterTargetField, type TargetVersusEnrolled } from "@dtpilot/domain";
import { Card, Flex, Progress, Table, Typography, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import type { RosterTargets } from "./roster-types";

type PlannedRow = { key: string; subIndustry: string } & Record<RosterTargetField, TargetVersusEnrolled>;
type UnplannedRow = RosterTargets["unplanned"][number];

/** How far the enrolled count has come towards its target: 0–100; a zero target is met by anything. */
export function targetPercent({ target, enrolled }: TargetVersusEnrolled): number {
  if (target <= 0) return 100;
  return Math.min(100, Math.floor((enrolled * 100) / target));
}

function TargetCell({ value, testId }: { value: TargetVersusEnrolled; testId: string }) {
  const { t } = useTranslation("county");
  const met = value.enrolled >= value.target;
  return (
    <Flex vertical gap={0} style={{ minWidth: 120 }} data-testid={testId} data-enrolled={value.enrolled} data-target={value.target}>
      <Typography.Text type={met ? undefined : "warning"}>
        {t("roster.targets.enrolledOfTarget", { enrolled: value.enrolled, target: value.target })}
      </Typography.Text>
      <Progress size="small" showInfo={false} percent={targetPercent(value)} status={met ? "success" : "normal"} />
    </Flex>
  );
}

/** 实施方案目标与已列入名单对比: per sub-industry and in total, the plan's 拟改造规上/规下, B and C against the roster. */
export function TargetsCard({ targets }: { targets: RosterTargets | null }) {
  const { t } = useTranslation("county");
  const title = t("roster.targets.title");
  if (!targets) {
    return (
      <Card title={title} data-testid="roster-targets">
        <Typography.Text type="secondary">{t("roster.targets.noPlan")}</Typography.Text>
      </Card>
    );
  }

  const rows: PlannedRow[] = [
    ...targets.subIndustries.map((row) => ({ key: `planned:${row.subIndustry}`, ...row })),
    { key: "total", subIndustry: t("roster.targets.total"), ...targets.total },
  ];
  const columns: TableColumnsType<PlannedRow> = [
    {
      key: "subIndustry",
      title: t("roster.targets.subIndustry"),
      dataIndex: "subIndustry",
      render: (name: string, row) => (row.key === "total" ? <Typography.Text strong>{name}</Typography.Text> : name),
    },
    ...ROSTER_TARGET_FIELDS.map((field) => ({
      key: field,
      title: t(`roster.targets.${field}`),
      render: (_: unknown, row: PlannedRow) => <TargetCell value={row[field]} testId={`roster-target-${row.key}-${field}`} />,
    })),
  ];
  const unplannedColumns: TableColumnsType<UnplannedRow> = [
    { key: "subIndustry", title: t("roster.targets.subIndustry"), dataIndex: "subIndustry" },
    { key: "aboveScale", title: t("roster.targets.plannedAboveScale"), render: (_, row) => t("roster.targets.enrolledOnly", { enrolled: row.aboveScale }) },
    { key: "belowScale", title: t("roster.targets.plannedBelowScale"), render: (_, row) => t("roster.targets.enrolledOnly", { enrolled: row.belowScale }) },
    { key: "total", title: t("roster.targets.plannedTotal"), render: (_, row) => t("roster.targets.enrolledOnly", { enrolled: row.total }) },
    { key: "specialised", title: t("roster.targets.plannedSpecialised"), render: (_, row) => t("roster.targets.enrolledOnly", { enrolled: row.specialised }) },
  ];

  return (
    <Card title={title} data-testid="roster-targets">
      <Flex vertical gap={16}>
        <Table<PlannedRow> rowKey="key" size="small" pagination={false} dataSource={rows} columns={columns} scroll={{ x: true }} />
        {targets.unplanned.length > 0 ? (
          <Flex vertical gap={8} data-testid="roster-targets-unplanned">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t("roster.targets.unplanned")}
            </Typography.Title>
            <Table<UnplannedRow>
              rowKey="subIndustry"
              size="small"
              pagination={false}
              dataSource={targets.unplanned}
              columns={unplannedColumns}
              scroll={{ x: true }}
            />
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}

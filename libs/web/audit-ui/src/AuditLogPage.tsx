import { useQuery } from "@tanstack/react-query";
import { Card, DatePicker, Empty, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useTRPC } from "@dtpilot/data-access";
import { currentLanguage, formatDateTime, PageLayout, QueryErrorResult } from "@dtpilot/ui";

const PAGE_SIZE = 20;

/** The operations an audit record can name (every mutation), in the order officials think of them. */
const AUDITED_PROCEDURES = [
  "auth.login",
  "auth.logout",
  "auth.changePassword",
  "plan.createPlan",
  "plan.savePlan",
  "plan.submitPlan",
  "plan.reviewPlan",
  "roster.addPilotEnterprise",
  "roster.importRoster",
  "roster.linkProvider",
  "roster.setTransformationStart",
  "roster.createEnterpriseAccount",
  "roster.requestRosterChange",
  "roster.decideRosterChange",
  "enterpriseFile.saveEnterpriseFileSection",
  "roster.requestRosterExport",
  "plan.requestPlanDocument",
  "enterpriseFile.requestEnterpriseFileDocument",
] as const;

interface Filters {
  countyId?: string;
  actor?: string;
  procedure?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

/**
 * 审计日志: the audit records the signed-in user may read (a county its own, a city its counties', the province all),
 * newest first, filtered by county, actor, operation, record and time, one page at a time from the server.
 * `chooseCounty`: offer a county filter (overseers of several counties).
 */
export function AuditLogPage({ chooseCounty = false }: { chooseCounty?: boolean }) {
  const { t } = useTranslation("common");
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const counties = useQuery({ ...trpc.geography.listCounties.queryOptions(), enabled: chooseCounty });
  const records = useQuery(trpc.audit.listAuditRecords.queryOptions({ ...filters, page, pageSize: PAGE_SIZE }));
  const language = currentLanguage();
  const filter = (next: Filters) => {
    setFilters((current) => ({ ...current, ...next }));
    setPage(1);
  };
  const text = (value: unknown) => (value === null || value === undefined || value === "" ? t("common.none") : typeof value === "string" ? value : JSON.stringify(value));

  return (
    <PageLayout title={t("audit.title")}>
      <Card>
        <Space wrap>
          {chooseCounty ? (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 200 }}
              placeholder={t("audit.county")}
              options={(counties.data ?? []).map((county) => ({ value: county.code, label: `${county.city.name} ${county.name}` }))}
              onChange={(countyId?: string) => filter({ countyId: countyId ?? undefined })}
              data-testid="audit-county"
            />
          ) : null}
          <Input.Search allowClear placeholder={t("audit.actor")} onSearch={(actor) => filter({ actor: actor.trim() || undefined })} style={{ width: 180 }} />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 200 }}
            placeholder={t("audit.procedure")}
            options={AUDITED_PROCEDURES.map((procedure) => ({ value: procedure, label: t(`audit.procedures.${procedure}`) }))}
            onChange={(procedure?: string) => filter({ procedure: procedure ?? undefined })}
            data-testid="audit-procedure"
          />
          <Input.Search allowClear placeholder={t("audit.target")} onSearch={(targetId) => filter({ targetId: targetId.trim() || undefined })} style={{ width: 280 }} />
          <DatePicker.RangePicker
            showTime
            onChange={(range) => filter({ from: range?.[0]?.toDate() ?? undefined, to: range?.[1]?.toDate() ?? undefined })}
          />
        </Space>
      </Card>
      {records.isError ? <QueryErrorResult error={records.error} onRetry={() => void records.refetch()} /> : null}
      <Card>
        <Table
          rowKey="id"
          size="small"
          loading={records.isPending}
          dataSource={records.data?.records ?? []}
          data-testid="audit-table"
          locale={{ emptyText: <Empty description={t("audit.none")} /> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: records.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
          columns={[
            { key: "at", title: t("audit.at"), render: (_, record) => formatDateTime(record.at, language), width: 170 },
            {
              key: "actor",
              title: t("audit.actor"),
              render: (_, record) => (
                <Flex vertical>
                  <Typography.Text>{text(record.username)}</Typography.Text>
                  {record.role ? <Typography.Text type="secondary">{t(`roles.${record.role}`)}</Typography.Text> : null}
                </Flex>
              ),
            },
            {
              key: "procedure",
              title: t("audit.procedure"),
              render: (_, record) => (
                <Tooltip title={record.procedure}>
                  <Typography.Text style={{ whiteSpace: "nowrap" }}>{t(`audit.procedures.${record.procedure}`, { defaultValue: record.procedure })}</Typography.Text>
                </Tooltip>
              ),
            },
            {
              key: "target",
              title: t("audit.target"),
              render: (_, record) =>
                record.targetType ? (
                  <Tooltip title={`${record.targetType} ${record.targetId ?? ""}`}>
                    <Typography.Text>
                      {t(`audit.targets.${record.targetType}`, { defaultValue: record.targetType })}
                      {record.targetId ? <Typography.Text type="secondary"> {record.targetId.slice(0, 8)}</Typography.Text> : null}
                    </Typography.Text>
                  </Tooltip>
                ) : (
                  t("common.none")
                ),
            },
            {
              key: "changes",
              title: t("audit.changes"),
              render: (_, record) =>
                record.changes.length === 0 ? (
                  t("common.none")
                ) : (
                  <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                    {record.changes.map((change, index) => (
                      <li key={index}>
                        {change.omitted ? (
                          t("audit.omitted", { count: change.omitted })
                        ) : (
                          <>
                            <Typography.Text type="secondary">{change.label ?? change.field}：</Typography.Text>
                            {text(change.before)} → {text(change.after)}
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                ),
            },
            {
              key: "outcome",
              title: t("audit.outcome"),
              render: (_, record) => (
                <Tag color={record.outcome === "SUCCESS" ? "success" : "error"}>
                  {record.outcome === "SUCCESS" ? t("audit.success") : t(`audit.outcomes.${record.outcome}`, { defaultValue: record.outcome })}
                </Tag>
              ),
            },
            { key: "clientAddress", title: t("audit.clientAddress"), render: (_, record) => text(record.clientAddress) },
          ]}
        />
      </Card>
    </PageLayout>
  );
}

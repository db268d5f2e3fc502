import { PageLayout, QueryErrorResult, useTRPC } from "@dtpilot/ui";
import { useQuery } from "@tanstack/react-query";
import { Card, Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { RosterExport } from "../export/RosterExport";

/** 试点企业改造名单: the county's enterprises, and the roster export with its history. */
export function EnterprisesPage({ basePath }: { basePath: string }) {
  const { t } = useTranslation("county");
  const trpc = useTRPC();
  const enterprises = useQuery(trpc.enterprise.listEnterprises.queryOptions());

  if (enterprises.isError) return <QueryErrorResult error={enterprises.error} onRetry={() => void enterprises.refetch()} />;

  return (
    <PageLayout title={t("roster.title")}>
      <Card>
        <Table
          rowKey="id"
          size="middle"
          loading={enterprises.isPending}
          dataSource={enterprises.data ?? []}
          pagination={{ pageSize: 20, showTotal: (count) => t("roster.count", { count }), hideOnSinglePage: false }}
          data-testid="enterprise-table"
          columns={[
            {
              key: "name",
              title: t("roster.name"),
              dataIndex: "name",
              render: (name: string, enterprise) => <Link to={`${basePath}/enterprises/${enterprise.id}`}>{name}</Link>,
            },
            { key: "creditCode", title: t("roster.creditCode"), dataIndex: "creditCode" },
            { key: "location", title: t("roster.location"), render: (_, enterprise) => `${enterprise.county.city.name} ${enterprise.county.name}` },
          ]}
        />
      </Card>
      <RosterExport />
    </PageLayout>
  );
}

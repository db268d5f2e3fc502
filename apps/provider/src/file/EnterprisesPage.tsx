import { useTRPC } from "@dtpilot/data-access";
import { PageLayout, QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import { useQueries, useQuery } from "@tanstack/react-query";
import { Alert, Card, Progress, Table, Tag, Typography } from "antd";
import type { HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ServedEnterprise } from "./provider-file-types";

const PAGE_SIZE = 100;

/**
 * 服务企业: the pilot enterprises the provider is linked to, across every county it serves (each county's roster lists
 * only the provider's own enterprises), with how complete each file is; a name opens the enterprise's 改造信息表.
 */
export function EnterprisesPage({ basePath }: { basePath: string }) {
  const { t } = useTranslation("provider");
  const trpc = useTRPC();
  const provider = useQuery(trpc.provider.getProvider.queryOptions());
  const counties = provider.data?.counties ?? [];
  // The roster answers in pages: the first 100 of each county, by name (a provider serves far fewer in one county).
  const rosters = useQueries({
    queries: counties.map((county) =>
      trpc.roster.listRoster.queryOptions({ countyId: county.code, sort: { key: "name", direction: "ascend" }, page: 1, pageSize: PAGE_SIZE }),
    ),
  });

  if (provider.isPending) return <RemoteLoading />;
  if (provider.isError) return <QueryErrorResult error={provider.error} onRetry={() => void provider.refetch()} />;

  const loading = rosters.some((roster) => roster.isPending);
  const enterprises: ServedEnterprise[] = rosters.flatMap((roster) =>
    roster.data ? roster.data.entries.map((entry) => ({ ...entry, county: roster.data.county })) : [],
  );
  const total = rosters.reduce((sum, roster) => sum + (roster.data?.total ?? 0), 0);
  const truncated = rosters.flatMap((roster) =>
    roster.data && roster.data.total > roster.data.entries.length
      ? [{ county: roster.data.county, total: roster.data.total, shown: roster.data.entries.length }]
      : [],
  );
  const failures = rosters.flatMap((roster, index) =>
    roster.isError ? [{ county: counties[index]?.name ?? "", message: roster.error.message, retry: () => void roster.refetch() }] : [],
  );

  return (
    <PageLayout title={t("enterprises.title")}>
      {failures.map((failure) => (
        <Alert
          key={failure.county}
          type="warning"
          showIcon
          data-testid="served-enterprises-county-failed"
          title={t("enterprises.countyFailed", { county: failure.county, message: failure.message })}
        />
      ))}
      {truncated.map(({ county, total: countyTotal, shown }) => (
        <Alert
          key={county.code}
          type="info"
          showIcon
          data-testid="served-enterprises-truncated"
          title={t("enterprises.truncated", { county: `${county.city.name}${county.name}`, total: countyTotal, shown })}
        />
      ))}
      <Card
        extra={
          loading ? null : (
            <Typography.Text type="secondary" data-testid="served-enterprises-total">
              {t("enterprises.count", { count: total })}
            </Typography.Text>
          )
        }
      >
        <Table<ServedEnterprise>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={enterprises}
          data-testid="served-enterprises"
          locale={{ emptyText: t("enterprises.empty") }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: () => t("enterprises.count", { count: total }) }}
          onRow={(entry) => ({ "data-testid": `served-enterprise-${entry.id}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: "name",
              title: t("enterprises.name"),
              render: (_, entry) => (
                <>
                  <Link to={`${basePath}/enterprises/${entry.id}`} data-testid={`served-enterprise-link-${entry.id}`}>
                    {entry.enterprise.name}
                  </Link>
                  {entry.status === "REMOVED" ? <Tag style={{ marginInlineStart: 8 }}>{t("enterprises.removed")}</Tag> : null}
                </>
              ),
            },
            { key: "county", title: t("enterprises.county"), render: (_, entry) => `${entry.county.city.name}${entry.county.name}` },
            { key: "subIndustry", title: t("enterprises.subIndustry"), dataIndex: "subIndustry" },
            {
              key: "completeness",
              title: t("enterprises.completeness"),
              render: (_, entry) => (
                <div style={{ width: 140 }} data-testid={`served-enterprise-completeness-${entry.id}`} data-percentage={entry.completeness.percentage}>
                  <Progress size="small" percent={entry.completeness.percentage} status={entry.completeness.complete ? "success" : "normal"} />
                </div>
              ),
            },
          ]}
        />
      </Card>
    </PageLayout>
  );
}

import { useTRPC } from "@dtpilot/data-access";
import { PageLayout, QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import { useQuery } from "@tanstack/react-query";
import { Card, Descriptions, Table } from "antd";
import { useTranslation } from "react-i18next";

/** 服务商信息: the provider's own organisation (capability, industry, origin) and the pilot counties it serves. */
export function ProfilePage() {
  const { t } = useTranslation("provider");
  const trpc = useTRPC();
  const provider = useQuery(trpc.provider.getProvider.queryOptions());

  if (provider.isPending) return <RemoteLoading />;
  if (provider.isError) return <QueryErrorResult error={provider.error} onRetry={() => void provider.refetch()} />;

  const { data } = provider;
  return (
    <PageLayout title={<span data-testid="provider-name">{data.name}</span>}>
      <Card title={t("profile.title")}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "name", label: t("profile.name"), children: data.name },
            { key: "creditCode", label: t("profile.creditCode"), children: data.creditCode },
            { key: "capability", label: t("profile.capability"), children: t(`capabilities.${data.capability}`) },
            { key: "industry", label: t("profile.industry"), children: t(`industries.${data.industry}`) },
            { key: "origin", label: t("profile.origin"), children: t(`origins.${data.origin}`) },
          ]}
        />
      </Card>
      <Card title={t("counties.title")}>
        <Table
          rowKey="code"
          size="middle"
          dataSource={data.counties}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => t("counties.count", { count }) }}
          data-testid="served-counties"
          columns={[
            { key: "name", title: t("counties.name"), dataIndex: "name" },
            { key: "city", title: t("counties.city"), render: (_, county) => county.city.name },
            { key: "region", title: t("counties.region"), render: (_, county) => t(`regions.${county.city.region}`, { ns: "common" }) },
          ]}
        />
      </Card>
    </PageLayout>
  );
}

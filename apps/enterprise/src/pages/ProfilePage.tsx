import { useSession, useTRPC } from "@dtpilot/data-access";
import { ErrorResult, PageLayout, QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import { useQuery } from "@tanstack/react-query";
import { Card, Descriptions } from "antd";
import { useTranslation } from "react-i18next";

/** 企业基本情况: the signed-in enterprise's own record. */
export function ProfilePage() {
  const { t } = useTranslation("enterprise");
  const me = useSession();
  const trpc = useTRPC();
  const enterpriseId = me.enterprise?.id ?? "";
  const enterprise = useQuery(trpc.enterprise.getEnterprise.queryOptions({ enterpriseId }, { enabled: enterpriseId !== "" }));

  if (!enterpriseId) return <ErrorResult kind="forbidden" />;
  if (enterprise.isPending) return <RemoteLoading />;
  if (enterprise.isError) return <QueryErrorResult error={enterprise.error} onRetry={() => void enterprise.refetch()} />;

  const { data } = enterprise;
  return (
    <PageLayout title={<span data-testid="enterprise-name">{data.name}</span>}>
      <Card title={t("profile.title")}>
        <Descriptions
          column={1}
          items={[
            { key: "name", label: t("profile.name"), children: data.name },
            { key: "creditCode", label: t("profile.creditCode"), children: data.creditCode },
            { key: "location", label: t("profile.location"), children: `${data.county.city.name} ${data.county.name}` },
            ...(me.county ? [{ key: "region", label: t("profile.region"), children: t(`regions.${me.county.city.region}`, { ns: "common" }) }] : []),
          ]}
        />
      </Card>
    </PageLayout>
  );
}

import { useTRPC } from "@dtpilot/data-access";
import { ErrorResult, PageLayout, QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One enterprise of the roster. Another county's enterprise reads as not found, exactly like a missing one. */
export function EnterprisePage({ basePath }: { basePath: string }) {
  const { t } = useTranslation("county");
  const { enterpriseId = "" } = useParams();
  const trpc = useTRPC();
  const valid = UUID.test(enterpriseId);
  const enterprise = useQuery(trpc.enterprise.getEnterprise.queryOptions({ enterpriseId }, { enabled: valid }));
  const back = (
    <Link to={`${basePath}/enterprises`}>
      <Button>{t("enterprise.back")}</Button>
    </Link>
  );

  if (!valid) {
    return (
      <PageLayout title={t("enterprise.title")} extra={back}>
        <ErrorResult kind="notFound" />
      </PageLayout>
    );
  }
  if (enterprise.isPending) return <RemoteLoading />;
  if (enterprise.isError) {
    return (
      <PageLayout title={t("enterprise.title")} extra={back}>
        <QueryErrorResult error={enterprise.error} />
      </PageLayout>
    );
  }
  const { data } = enterprise;
  return (
    <PageLayout title={data.name} extra={back}>
      <Card title={t("enterprise.title")}>
        <Descriptions
          column={1}
          items={[
            { key: "name", label: t("roster.name"), children: data.name },
            { key: "creditCode", label: t("roster.creditCode"), children: data.creditCode },
            { key: "location", label: t("roster.location"), children: `${data.county.city.name} ${data.county.name}` },
          ]}
        />
      </Card>
    </PageLayout>
  );
}


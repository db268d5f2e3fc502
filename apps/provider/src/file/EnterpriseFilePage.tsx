import { EnterpriseFileEditor } from "@dtpilot/enterprise-file-ui";
import { useTRPC } from "@dtpilot/data-access";
import { ErrorResult, PageLayout } from "@dtpilot/ui";
import { useQuery } from "@tanstack/react-query";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One served enterprise's 改造信息表: the provider writes 二 and 三 together with the enterprise, and reads 一 and 四.
 * An enterprise the provider is not linked to reads as not found, like a missing one.
 */
export function EnterpriseFilePage({ basePath }: { basePath: string }) {
  const { t } = useTranslation("provider");
  const { pilotEnterpriseId = "" } = useParams();
  const trpc = useTRPC();
  const valid = UUID.test(pilotEnterpriseId);
  // The editor asks for the same file; this only names the enterprise in the title (one request, shared by key).
  const file = useQuery(trpc.enterpriseFile.getEnterpriseFile.queryOptions({ pilotEnterpriseId }, { enabled: valid }));
  const back = (
    <Link to={`${basePath}/enterprises`}>
      <Button data-testid="served-enterprise-back">{t("file.back")}</Button>
    </Link>
  );
  return (
    <PageLayout title={file.data?.entry.enterprise.name ?? t("file.title")} extra={back}>
      {valid ? <EnterpriseFileEditor pilotEnterpriseId={pilotEnterpriseId} writer="PROVIDER" /> : <ErrorResult kind="notFound" />}
    </PageLayout>
  );
}

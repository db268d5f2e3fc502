import { EnterpriseFileEditor } from "@dtpilot/enterprise-file-ui";
import { useTRPC } from "@dtpilot/data-access";
import { PageLayout, QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import { useQuery } from "@tanstack/react-query";
import { Empty } from "antd";
import { useTranslation } from "react-i18next";

/**
 * 一企一档: the signed-in enterprise's own 改造信息表. Its roster entry (the county's current batch) is found through
 * the roster, which shows an enterprise nothing but its own; an entry taken off the roster is shown read-only.
 */
export function FilePage() {
  const { t } = useTranslation("enterprise");
  const trpc = useTRPC();
  const roster = useQuery(trpc.roster.listRoster.queryOptions());

  if (roster.isPending) return <RemoteLoading />;
  if (roster.isError) {
    return (
      <PageLayout title={t("file.title")}>
        <QueryErrorResult error={roster.error} onRetry={() => void roster.refetch()} />
      </PageLayout>
    );
  }
  const entries = roster.data.entries;
  const entry = entries.find((candidate) => candidate.status === "ACTIVE") ?? entries[entries.length - 1];
  return (
    <PageLayout title={t("file.title")}>
      {entry ? (
        <EnterpriseFileEditor pilotEnterpriseId={entry.id} writer="ENTERPRISE" />
      ) : (
        <Empty description={t("file.notOnRoster")} data-testid="file-not-on-roster" />
      )}
    </PageLayout>
  );
}

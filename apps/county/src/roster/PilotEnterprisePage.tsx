import { EnterpriseFileEditor } from "@dtpilot/enterprise-file-ui";
import { useTRPC } from "@dtpilot/data-access";
import { PageLayout, QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Modal, Select, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { FileDocumentDownload } from "./FileDocumentDownload";

/**
 * One pilot enterprise, as its county runs it: the roster entry, the providers working with it (the county links
 * them), when its transformation project started (which opens the file's later sections), its account, and its
 * file 改造信息表 — which the county keeps up to date and whose section 四 it alone fills.
 */
export function PilotEnterprisePage({ basePath }: { basePath: string }) {
  const { t } = useTranslation("county");
  const { pilotEnterpriseId = "" } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const file = useQuery(trpc.enterpriseFile.getEnterpriseFile.queryOptions({ pilotEnterpriseId }));
  const providers = useQuery(trpc.provider.listProviders.queryOptions());
  const [providerId, setProviderId] = useState<string | null>(null);
  const [account, setAccount] = useState<{ username: string; initialPassword: string } | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.enterpriseFile.getEnterpriseFile.queryKey({ pilotEnterpriseId }) });
  const link = useMutation(trpc.roster.linkProvider.mutationOptions({ onSuccess: () => (setProviderId(null), refresh()) }));
  const start = useMutation(trpc.roster.setTransformationStart.mutationOptions({ onSuccess: refresh }));
  const open = useMutation(trpc.roster.createEnterpriseAccount.mutationOptions({ onSuccess: setAccount }));

  if (file.isPending) return <RemoteLoading />;
  if (file.isError) return <QueryErrorResult error={file.error} onRetry={() => void file.refetch()} />;
  const entry = file.data.entry;
  const linked = new Set(entry.providers.map((provider) => provider.id));
  const error = link.error ?? start.error ?? open.error;

  return (
    <PageLayout title={entry.enterprise.name} extra={<Link to={`${basePath}/enterprises`}>{t("pilotPage.back")}</Link>}>
      <Card>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "creditCode", label: t("roster.columns.creditCode"), children: entry.enterprise.creditCode },
            { key: "subIndustry", label: t("roster.columns.subIndustry"), children: entry.subIndustry },
            { key: "status", label: t("roster.table.status"), children: <Tag>{t(`roster.statuses.${entry.status}`)}</Tag> },
            {
              key: "providers",
              label: t("roster.table.providers"),
              children: (
                <Space wrap>
                  {entry.providers.map((provider) => (
                    <Tag key={provider.id}>{provider.name}</Tag>
                  ))}
                  <Select
                    style={{ minWidth: 200 }}
                    placeholder={t("pilotPage.linkProvider")}
                    value={providerId}
                    onChange={setProviderId}
                    options={(providers.data ?? []).filter((provider) => !linked.has(provider.id)).map((provider) => ({ value: provider.id, label: provider.name }))}
                    data-testid="pilot-provider-select"
                  />
                  <Button disabled={!providerId} loading={link.isPending} onClick={() => providerId && link.mutate({ pilotEnterpriseId, providerId })} data-testid="pilot-provider-link">
                    {t("pilotPage.link")}
                  </Button>
                </Space>
              ),
            },
            {
              key: "start",
              label: t("pilotPage.transformationStart"),
              children: (
                <DatePicker
                  value={entry.transformationStartedOn ? dayjs(entry.transformationStartedOn) : null}
                  onChange={(value) => start.mutate({ pilotEnterpriseId, startedOn: value ? value.format("YYYY-MM-DD") : null })}
                  data-testid="pilot-transformation-start"
                />
              ),
            },
            {
              key: "account",
              label: t("pilotPage.account"),
              children: (
                <Button loading={open.isPending} onClick={() => open.mutate({ pilotEnterpriseId })} data-testid="pilot-open-account">
                  {t("pilotPage.openAccount")}
                </Button>
              ),
            },
          ]}
        />
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginTop: 12 }} /> : null}
      </Card>
      <Card size="small">
        <FileDocumentDownload pilotEnterpriseId={pilotEnterpriseId} />
      </Card>
      <EnterpriseFileEditor pilotEnterpriseId={pilotEnterpriseId} writer="COUNTY" />
      <Modal open={account !== null} title={t("pilotPage.accountOpened")} onOk={() => setAccount(null)} onCancel={() => setAccount(null)} cancelButtonProps={{ style: { display: "none" } }}>
        {account ? (
          <Flex vertical gap={8} data-testid="pilot-account">
            <Typography.Text>
              {t("pilotPage.username")}：<Typography.Text copyable code>{account.username}</Typography.Text>
            </Typography.Text>
            <Typography.Text>
              {t("pilotPage.initialPassword")}：<Typography.Text copyable code data-testid="pilot-initial-password">{account.initialPassword}</Typography.Text>
            </Typography.Text>
            <Alert type="warning" showIcon title={t("pilotPage.shownOnce")} />
          </Flex>
        ) : null}
      </Modal>
    </PageLayout>
  );
}

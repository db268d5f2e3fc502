import { useTRPC } from "@dtpilot/data-access";
import { PageLayout, QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import { PlanDocumentDownloads, PlanHistory, PlanReadOnly, PlanStateTag, PlanVersionDiff } from "@dtpilot/plan-ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Tabs, Tag, Typography, type TabsProps } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PlanEditor } from "./PlanEditor";
import type { CurrentPlan, PlanView } from "./plan-types";

/**
 * 实施方案 (/county/plan): the county's implementation plan for the batch in progress — start it, write it (while a
 * draft or returned), submit it to the city, and follow its review (审核记录, 版本对比, documents).
 */
export function PlanPage() {
  const { t } = useTranslation("county");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const current = useQuery(trpc.plan.getCurrentPlan.queryOptions());
  // Bumped to open the form afresh on what the server holds (after a save conflict).
  const [reloads, setReloads] = useState(0);

  const showPlan = (plan: PlanView) =>
    queryClient.setQueryData(trpc.plan.getCurrentPlan.queryKey(), (old) => (old ? { ...old, plan, canCreate: false } : old));
  const create = useMutation(trpc.plan.createPlan.mutationOptions({ onSuccess: showPlan }));

  if (current.isPending) return <RemoteLoading />;
  if (current.isError) return <QueryErrorResult error={current.error} onRetry={() => void current.refetch()} />;

  const plan = current.data.plan;
  if (!plan) {
    return (
      <PageLayout title={t("plan.pageTitle")}>
        <NoPlan current={current.data} creating={create.isPending} error={create.error?.message ?? null} onCreate={() => create.mutate()} />
      </PageLayout>
    );
  }

  const title = t("plan.title", { batch: plan.batch.name });
  const header = (extra: ReactNode) => (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex gap={8} align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="plan-title">
            {title}
          </Typography.Title>
          <PlanStateTag state={plan.state} />
          <Tag data-testid="plan-version" data-version={plan.version.number}>
            {t("plan.version", { number: plan.version.number })}
          </Tag>
        </Flex>
        {extra}
      </Flex>
      <PlanDocumentDownloads planId={plan.id} countyId={plan.countyId} />
    </Flex>
  );
  const extraTabs: NonNullable<TabsProps["items"]> = [
    { key: "history", label: t("plan.tabs.history"), children: <PlanHistory plan={plan} /> },
    ...(plan.versions.length > 1
      ? [{ key: "diff", label: t("plan.tabs.diff"), children: <PlanVersionDiff planId={plan.id} versions={plan.versions} /> }]
      : []),
  ];

  if (plan.editable) {
    return (
      <Flex vertical gap={16} style={{ width: "100%" }}>
        <PlanEditor
          key={`${plan.id}:${plan.version.number}:${reloads}`}
          plan={plan}
          header={header}
          extraTabs={extraTabs}
          onSubmitted={(submitted) => {
            showPlan(submitted);
            void message.success(t("plan.submit.done"));
            void queryClient.invalidateQueries({ queryKey: trpc.plan.pathKey() });
          }}
          onReload={() => {
            void current.refetch().then(() => setReloads((value) => value + 1));
          }}
        />
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16} style={{ width: "100%" }}>
      {header(null)}
      <Alert type={plan.state === "APPROVED" ? "success" : "info"} showIcon data-testid="plan-read-only-notice" data-state={plan.state} title={readOnlyNotice(plan, t)} />
      <Tabs items={[{ key: "plan", label: t("plan.tabs.plan"), children: <PlanReadOnly plan={plan} /> }, ...extraTabs]} />
    </Flex>
  );
}

function readOnlyNotice(plan: PlanView, t: (key: string) => string): string {
  switch (plan.state) {
    case "SUBMITTED":
    case "RECOMMENDED":
    case "APPROVED":
      return t(`plan.readOnly.${plan.state}`);
    default:
      return t("plan.readOnly.noPermission");
  }
}

/** Before the county starts its plan: what it is, the region's minimum, and 编写实施方案. */
function NoPlan({
  current,
  creating,
  error,
  onCreate,
}: {
  current: CurrentPlan;
  creating: boolean;
  error: string | null;
  onCreate: () => void;
}) {
  const { t } = useTranslation("county");
  const regionName = t(`regions.${current.region.code}`, { ns: "common" });
  return (
    <Card data-testid="plan-empty">
      <Flex vertical gap={12} align="start">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("plan.empty.title")}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>{t("plan.empty.description")}</Typography.Paragraph>
        <Typography.Text data-testid="plan-empty-minimum">
          {t("plan.empty.minimum", { region: regionName, minimum: current.rosterMinimum })}
        </Typography.Text>
        {current.batch ? (
          <Typography.Text type="secondary">{t("plan.empty.batch", { batch: current.batch.name })}</Typography.Text>
        ) : (
          <Alert type="info" showIcon data-testid="plan-no-batch" title={t("plan.empty.noBatch")} />
        )}
        {current.canCreate ? (
          <Button type="primary" loading={creating} onClick={onCreate} data-testid="plan-create">
            {t("plan.empty.create")}
          </Button>
        ) : current.batch ? (
          <Typography.Text type="secondary">{t("plan.empty.cannotCreate")}</Typography.Text>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Flex>
    </Card>
  );
}

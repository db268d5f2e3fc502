import { currentBatch, rosterMinimumFor } from "@dtpilot/domain";
import { useTRPC } from "@dtpilot/data-access";
import { currentLanguage, formatDate, PageLayout, QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import { useQuery } from "@tanstack/react-query";
import { Card, Descriptions, Statistic, Tag } from "antd";
import { useTranslation } from "react-i18next";

/** Set at build time (VITE_BUILD_LABEL) to tell deployed builds apart; nothing is shown when it is not set. */
const BUILD_LABEL: string | undefined = import.meta.env.VITE_BUILD_LABEL;

/** 县（市、区）概况 and the pilot overview for the current batch. */
export function OverviewPage() {
  const { t } = useTranslation("county");
  const trpc = useTRPC();
  const county = useQuery(trpc.geography.getCounty.queryOptions());
  const batches = useQuery(trpc.geography.listBatches.queryOptions());

  if (county.isPending || batches.isPending) return <RemoteLoading />;
  if (county.isError) return <QueryErrorResult error={county.error} onRetry={() => void county.refetch()} />;
  if (batches.isError) return <QueryErrorResult error={batches.error} onRetry={() => void batches.refetch()} />;

  const language = currentLanguage();
  const profile = county.data;
  const region = profile.city.region;
  const batch = currentBatch(batches.data, new Date());
  const inBatch = batch ? profile.batches.some((pilot) => pilot.id === batch.id) : false;

  return (
    <PageLayout title={profile.name} extra={BUILD_LABEL ? <Tag data-testid="build-label">{BUILD_LABEL}</Tag> : null}>
      <Card title={t("profile.title")}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "name", label: t("profile.name"), children: <span data-testid="county-name">{profile.name}</span> },
            { key: "code", label: t("profile.code"), children: profile.code },
            { key: "kind", label: t("profile.kind"), children: t(`countyKinds.${profile.kind}`, { ns: "common" }) },
            { key: "city", label: t("profile.city"), children: profile.city.name },
            { key: "region", label: t("profile.region"), children: t(`regions.${region}`, { ns: "common" }) },
          ]}
        />
      </Card>
      <Card title={t("pilot.title")}>
        {batch ? (
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              { key: "batch", label: t("pilot.batch"), children: batch.name },
              {
                key: "period",
                label: t("pilot.period"),
                children: t("pilot.periodValue", { start: formatDate(batch.startsOn, language), end: formatDate(batch.endsOn, language) }),
              },
              {
                key: "participation",
                label: t("pilot.participation"),
                children: <Tag color={inBatch ? "green" : "default"}>{inBatch ? t("pilot.inBatch") : t("pilot.notInBatch")}</Tag>,
              },
              {
                key: "count",
                label: t("pilot.enterpriseCount"),
                children: (
                  <Statistic value={profile.enterpriseCount} suffix={t("pilot.enterpriseUnit")} styles={{ content: { fontSize: 20 } }} data-testid="enterprise-count" />
                ),
              },
              {
                key: "minimum",
                label: t("pilot.rosterMinimum"),
                children: t("pilot.rosterMinimumValue", { region: t(`regions.${region}`, { ns: "common" }), minimum: rosterMinimumFor(region) }),
              },
              {
                key: "batches",
                label: t("pilot.otherBatches"),
                children: profile.batches.length ? profile.batches.map((pilot) => <Tag key={pilot.id}>{pilot.name}</Tag>) : "—",
              },
            ]}
          />
        ) : (
          t("pilot.noBatch")
        )}
      </Card>
    </PageLayout>
  );
}

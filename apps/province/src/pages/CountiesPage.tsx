import { currentBatch, REGIONS, type Region } from "@dtpilot/domain";
import { useTRPC } from "@dtpilot/data-access";
import { currentLanguage, formatDate, PageLayout, QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import { useQuery } from "@tanstack/react-query";
import { Card, Descriptions, Empty, Flex, Statistic, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

interface CountyRow {
  code: string;
  name: string;
  city: { code: string; name: string; region: string };
  pilots: { batchId: string }[];
}

interface CityGroup {
  code: string;
  name: string;
  counties: CountyRow[];
}

/** Counties grouped by region (苏南/苏中/苏北) then city, in division-code order. */
function groupByRegion(counties: CountyRow[]): Map<Region, CityGroup[]> {
  const regions = new Map<Region, Map<string, CityGroup>>(REGIONS.map((region) => [region, new Map()]));
  for (const county of counties) {
    const cities = regions.get(county.city.region as Region);
    if (!cities) continue;
    const city = cities.get(county.city.code) ?? { code: county.city.code, name: county.city.name, counties: [] };
    city.counties.push(county);
    cities.set(county.city.code, city);
  }
  return new Map(
    [...regions].map(([region, cities]) => [region, [...cities.values()].sort((a, b) => a.code.localeCompare(b.code))] as const),
  );
}

/** Every county the user may see (all 95, a city's own, a reviewer's assigned), marking the current batch's pilots. */
export function CountiesPage() {
  const { t } = useTranslation("province");
  const trpc = useTRPC();
  const counties = useQuery(trpc.geography.listCounties.queryOptions());
  const batches = useQuery(trpc.geography.listBatches.queryOptions());
  const batch = useMemo(() => (batches.data ? currentBatch(batches.data, new Date()) : null), [batches.data]);
  const grouped = useMemo(() => groupByRegion(counties.data ?? []), [counties.data]);

  if (counties.isPending || batches.isPending) return <RemoteLoading />;
  if (counties.isError) return <QueryErrorResult error={counties.error} onRetry={() => void counties.refetch()} />;
  if (batches.isError) return <QueryErrorResult error={batches.error} onRetry={() => void batches.refetch()} />;

  const language = currentLanguage();
  const inBatch = (county: CountyRow) => batch !== null && county.pilots.some((pilot) => pilot.batchId === batch.id);
  const pilotCount = counties.data.filter(inBatch).length;

  return (
    <PageLayout title={t("counties.title")}>
      <Card>
        <Flex gap={48} wrap align="center">
          <Descriptions
            column={1}
            items={[
              {
                key: "batch",
                label: t("counties.currentBatch"),
                children: batch ? `${batch.name}（${formatDate(batch.startsOn, language)} – ${formatDate(batch.endsOn, language)}）` : t("counties.noBatch"),
              },
            ]}
          />
          <Statistic title={t("counties.visible")} value={counties.data.length} suffix={t("counties.unit")} data-testid="county-total" />
          <Statistic title={t("counties.inBatch")} value={pilotCount} suffix={t("counties.unit")} data-testid="pilot-total" />
          <Flex gap={8}>
            <Tag color="green">{t("counties.legendInBatch")}</Tag>
            <Tag>{t("counties.legendOther")}</Tag>
          </Flex>
        </Flex>
      </Card>
      {counties.data.length === 0 ? <Empty description={t("counties.none")} /> : null}
      {REGIONS.map((region) => {
        const cities = grouped.get(region) ?? [];
        if (cities.length === 0) return null;
        const all = cities.flatMap((city) => city.counties);
        return (
          <Card
            key={region}
            title={t(`regions.${region}`, { ns: "common" })}
            extra={<Typography.Text type="secondary">{t("counties.regionSummary", { count: all.length, pilots: all.filter(inBatch).length })}</Typography.Text>}
            data-testid={`region-${region}`}
          >
            <Flex vertical gap={12}>
              {cities.map((city) => (
                <Flex key={city.code} gap={12} align="baseline" data-testid={`city-${city.code}`}>
                  <Typography.Text strong style={{ minWidth: 64 }}>
                    {city.name}
                  </Typography.Text>
                  <Flex gap={6} wrap>
                    {city.counties.map((county) => (
                      <Tag key={county.code} color={inBatch(county) ? "green" : undefined} data-testid={`county-${county.code}`} data-pilot={inBatch(county)}>
                        {county.name}
                      </Tag>
                    ))}
                  </Flex>
                </Flex>
              ))}
            </Flex>
          </Card>
        );
      })}
    </PageLayout>
  );
}

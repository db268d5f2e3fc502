import { PLAN_STATES, type PlanState } from "@dtpilot/domain";
import { useAppAbility, useTRPC } from "@dtpilot/data-access";
import { currentLanguage, formatDateTime, PageLayout, QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import { PlanStateTag, usePlanTranslation } from "@dtpilot/plan-ui";
import { useQuery } from "@tanstack/react-query";
import { Badge, Card, Segmented, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";

type Filter = "awaiting" | "all";

/** 实施方案审核: the plans the user oversees (a city its counties', the province all), those awaiting them first. */
export function PlansPage({ basePath }: { basePath: string }) {
  const { t } = useTranslation("province");
  const { t: tPlan } = usePlanTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const ability = useAppAbility();
  const plans = useQuery(trpc.plan.listPlans.queryOptions({}));
  // Reviewers who may decide start on what waits for them; a read-only reader (第三方机构) on everything.
  const [filter, setFilter] = useState<Filter>(() => (ability.can("review", "ImplementationPlan") ? "awaiting" : "all"));

  if (plans.isPending) return <RemoteLoading />;
  if (plans.isError) return <QueryErrorResult error={plans.error} onRetry={() => void plans.refetch()} />;

  type PlanRow = (typeof plans.data)[number];
  const language = currentLanguage();
  const awaiting = plans.data.filter((plan) => plan.awaitsCaller);
  const rows = filter === "awaiting" ? awaiting : plans.data;
  const href = (plan: PlanRow) => `${basePath}/plans/${plan.id}`;

  return (
    <PageLayout
      title={t("plans.title")}
      extra={
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          data-testid="plans-filter"
          options={[
            {
              value: "awaiting",
              label: (
                <span data-testid="plans-filter-awaiting">
                  {t("plans.awaitsMe")} <Badge count={awaiting.length} showZero size="small" color={awaiting.length ? "red" : "default"} />
                </span>
              ),
            },
            { value: "all", label: <span data-testid="plans-filter-all">{t("plans.all")}</span> },
          ]}
        />
      }
    >
      <Card>
        <Table<PlanRow>
          rowKey="id"
          size="middle"
          dataSource={rows}
          data-testid="plans-table"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
          locale={{ emptyText: filter === "awaiting" ? t("plans.noneAwaiting") : t("plans.none") }}
          onRow={(plan) => ({
            onClick: () => void navigate(href(plan)),
            style: { cursor: "pointer" },
            "data-testid": `plan-row-${plan.county.code}`,
            "data-awaits": plan.awaitsCaller,
          })}
          columns={[
            {
              key: "county",
              title: t("plans.county"),
              sorter: (a, b) => a.county.code.localeCompare(b.county.code),
              render: (_, plan) => (
                <>
                  <Link to={href(plan)} onClick={(event) => event.stopPropagation()}>
                    {plan.county.name}
                  </Link>
                  {plan.awaitsCaller ? (
                    <Tag color="red" style={{ marginInlineStart: 8 }} data-testid="plan-awaits-me">
                      {t("plans.awaitsMe")}
                    </Tag>
                  ) : null}
                </>
              ),
            },
            {
              key: "city",
              title: t("plans.city"),
              filters: uniqueCities(plans.data).map((city) => ({ text: city.name, value: city.code })),
              onFilter: (value, plan) => plan.county.city.code === value,
              render: (_, plan) => plan.county.city.name,
            },
            { key: "batch", title: t("plans.batch"), render: (_, plan) => plan.batch.name },
            {
              key: "state",
              title: t("plans.state"),
              filters: PLAN_STATES.map((state) => ({ text: tPlan(`states.${state}`), value: state })),
              onFilter: (value, plan) => plan.state === (value as PlanState),
              render: (_, plan) => <PlanStateTag state={plan.state} />,
            },
            {
              key: "version",
              title: t("plans.version"),
              render: (_, plan) => <Typography.Text>{tPlan("version", { number: plan.currentVersion })}</Typography.Text>,
            },
            {
              key: "updatedAt",
              title: t("plans.updatedAt"),
              defaultSortOrder: "descend",
              sorter: (a, b) => new Date(a.updatedAt).getTime() - new Date(b.updatedAt).getTime(),
              render: (_, plan) => formatDateTime(plan.updatedAt, language),
            },
          ]}
        />
      </Card>
    </PageLayout>
  );
}

function uniqueCities(plans: readonly { county: { city: { code: string; name: string } } }[]) {
  const cities = new Map(plans.map((plan) => [plan.county.city.code, plan.county.city]));
  return [...cities.values()].sort((a, b) => a.code.localeCompare(b.code));
}

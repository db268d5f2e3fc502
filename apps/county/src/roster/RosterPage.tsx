import { isListPageSize, lastPage } from "@dtpilot/domain";
import { useTRPC } from "@dtpilot/data-access";
import { PageLayout, QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Tag, Typography } from "antd";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AddPilotEnterpriseModal } from "./AddPilotEnterpriseModal";
import { RosterChangesCard } from "./RosterChangesCard";
import { RosterFilterBar } from "./RosterFilterBar";
import { listRosterInputOf, subIndustryOptions } from "./roster-filters";
import { RosterImportDrawer } from "./RosterImportDrawer";
import { RosterTable, type RosterRow } from "./RosterTable";
import type { RosterView } from "./roster-types";
import { TargetsCard } from "./TargetsCard";
import { useRosterQuery } from "./use-roster-query";

/**
 * 试点企业改造名单: the county's roster for the batch in progress — who is on it and how complete each file is, how
 * the roster stands against the plan's targets and the region's minimum; adding and importing while it is open. The
 * table shows one page, filtered and sorted by the server, as the URL says (rosterQueryFromSearch). `children` follow
 * the roster (the roster export job card, which exports the list as filtered here).
 */
export function RosterPage({ basePath, children }: { basePath: string; children?: ReactNode }) {
  const { t } = useTranslation("county");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [query, setQuery] = useRosterQuery();
  // The page shown stays while the next one loads (a page, a filter or an order changed).
  const roster = useQuery({ ...trpc.roster.listRoster.queryOptions(listRosterInputOf(query)), placeholderData: keepPreviousData });
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);

  const view = roster.data;
  // 序号 of the page the rows came from: while the next page loads, the rows on screen keep their own numbers.
  const rows = useMemo<RosterRow[]>(
    () => (view ? view.entries.map((entry, index) => ({ ...entry, serial: (view.page - 1) * view.pageSize + index + 1 })) : []),
    [view],
  );

  // A page past the end (the list shrank, or an old link): show the last page instead, in place of this URL.
  const lastShown = view && !roster.isPlaceholderData ? lastPage(view.total, query.pageSize) : null;
  useEffect(() => {
    if (lastShown !== null && query.page > lastShown) setQuery({ ...query, page: lastShown }, { replace: true });
  }, [lastShown, query, setQuery]);

  if (roster.isPending) return <RemoteLoading />;
  if (roster.isError && !view) return <QueryErrorResult error={roster.error} onRetry={() => void roster.refetch()} />;
  if (!view) return <RemoteLoading />;

  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.roster.listRoster.queryKey() });

  const actions = view.canAdd ? (
    <Flex gap={8}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="roster-add">
        {t("roster.add")}
      </Button>
      <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="roster-import">
        {t("roster.import")}
      </Button>
    </Flex>
  ) : null;

  return (
    <PageLayout title={t("roster.title")} extra={actions}>
      <RosterHeader view={view} />
      {view.frozen ? <Alert type="info" showIcon data-testid="roster-frozen" title={t("roster.frozen")} /> : null}
      <Card>
        <Flex vertical gap={16}>
          {roster.isError ? <QueryErrorResult error={roster.error} onRetry={() => void roster.refetch()} /> : null}
          <RosterFilterBar
            filters={query.filters}
            subIndustries={subIndustryOptions(view.subIndustries, view.subIndustriesInUse)}
            // Another filter starts again from the first page.
            onChange={(filters) => setQuery({ ...query, filters, page: 1 })}
          />
          <RosterTable
            rows={rows}
            loading={roster.isFetching}
            sort={query.sort}
            pagination={{ page: query.page, pageSize: query.pageSize, total: view.total }}
            onSort={(sort) => setQuery({ ...query, sort, page: 1 })}
            // Another page size starts again from the first page.
            onPage={(page, pageSize) =>
              setQuery(pageSize !== query.pageSize && isListPageSize(pageSize) ? { ...query, page: 1, pageSize } : { ...query, page })
            }
            basePath={basePath}
          />
        </Flex>
      </Card>
      <TargetsCard targets={view.targets} />
      <RosterChangesCard frozen={view.frozen} subIndustries={view.subIndustries} />
      {children}
      {view.canAdd ? (
        <>
          <AddPilotEnterpriseModal
            open={adding}
            subIndustries={view.subIndustries}
            planHref={`${basePath}/plan`}
            onClose={() => setAdding(false)}
            onAdded={(entry) => {
              setAdding(false);
              void message.success(t("roster.form.added", { name: entry.enterprise.name }));
              refresh();
            }}
          />
          <RosterImportDrawer open={importing} onClose={() => setImporting(false)} onImported={refresh} />
        </>
      ) : null}
    </PageLayout>
  );
}

/** 试点批次 and 已列入 N 家 / 原则上不少于 M 家 (the enrolled count is of entries 在册). */
function RosterHeader({ view }: { view: RosterView }) {
  const { t } = useTranslation("county");
  const met = view.counts.total >= view.rosterMinimum;
  return (
    <Flex gap={16} align="center" wrap>
      <Typography.Text data-testid="roster-batch">{t("roster.batch", { batch: view.batch.name })}</Typography.Text>
      <Tag color={met ? "success" : "warning"} data-testid="roster-count" data-met={met}>
        {t("roster.enrolled", { count: view.counts.total, minimum: view.rosterMinimum })}
      </Tag>
    </Flex>
  );
}

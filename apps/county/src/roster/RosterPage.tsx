import { ROSTER_COLUMNS } from "@dtpilot/domain";
import { useTRPC } from "@dtpilot/data-access";
import { PageLayout, QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import { FileExcelOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Tag, Typography } from "antd";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AddPilotEnterpriseModal } from "./AddPilotEnterpriseModal";
import { downloadFilteredRoster, filteredRosterSheet, type FilteredRosterLabels } from "./export-filtered";
import { RosterChangesCard } from "./RosterChangesCard";
import { RosterFilterBar } from "./RosterFilterBar";
import { NO_ROSTER_FILTERS, shownPilotEnterprises, subIndustryOptions, type RosterFilters, type RosterSort } from "./roster-filters";
import { RosterImportDrawer } from "./RosterImportDrawer";
import { RosterTable, type RosterRow } from "./RosterTable";
import type { RosterView } from "./roster-types";
import { TargetsCard } from "./TargetsCard";

/**
 * 试点企业改造名单: the county's roster for the batch in progress — who is on it and how complete each file is, how
 * the roster stands against the plan's targets and the region's minimum; adding and importing while it is open.
 * `children` follow the roster (the roster export job card).
 */
export function RosterPage({ basePath, children }: { basePath: string; children?: ReactNode }) {
  const { t } = useTranslation("county");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const roster = useQuery(trpc.roster.listRoster.queryOptions());
  const [filters, setFilters] = useState<RosterFilters>(NO_ROSTER_FILTERS);
  const [sort, setSort] = useState<RosterSort | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const entries = roster.data?.entries;
  const rows = useMemo<RosterRow[]>(
    () => shownPilotEnterprises(entries ?? [], filters, sort).map((entry, index) => ({ ...entry, serial: index + 1 })),
    [entries, filters, sort],
  );

  if (roster.isPending) return <RemoteLoading />;
  if (roster.isError) return <QueryErrorResult error={roster.error} onRetry={() => void roster.refetch()} />;
  const view = roster.data;

  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.roster.listRoster.queryKey() });
  const exportShown = async () => {
    setExporting(true);
    try {
      const labels: FilteredRosterLabels = {
        columns: ROSTER_COLUMNS.map((column) => t(`roster.columns.${column.key}`)),
        providers: t("roster.table.providers"),
        completeness: t("roster.table.completeness"),
        status: t("roster.table.status"),
        scale: { ABOVE: t("roster.scales.ABOVE"), BELOW: t("roster.scales.BELOW") },
        yes: t("roster.yes"),
        no: t("roster.no"),
        statuses: { ACTIVE: t("roster.statuses.ACTIVE"), REMOVED: t("roster.statuses.REMOVED") },
        sheetName: t("roster.title"),
      };
      const fileName = t("roster.exportFileName", { county: view.county.name, date: new Date().toISOString().slice(0, 10) });
      await downloadFilteredRoster(filteredRosterSheet(rows, labels), labels.sheetName, fileName);
    } catch (error) {
      void message.error(t("roster.exportFailed", { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setExporting(false);
    }
  };

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
          <Flex justify="space-between" align="start" gap={16} wrap>
            <RosterFilterBar filters={filters} subIndustries={subIndustryOptions(view.subIndustries, view.entries)} onChange={setFilters} />
            <Button icon={<FileExcelOutlined />} loading={exporting} disabled={rows.length === 0} onClick={() => void exportShown()} data-testid="roster-export-shown">
              {t("roster.exportShown")}
            </Button>
          </Flex>
          <RosterTable rows={rows} loading={roster.isFetching && !roster.isPending} sort={sort} onSort={setSort} basePath={basePath} />
        </Flex>
      </Card>
      <TargetsCard targets={view.targets} />
      <RosterChangesCard view={view} />
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

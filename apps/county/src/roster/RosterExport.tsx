import { DOCUMENT_JOB_STATUSES, DOCUMENT_KINDS, isDocumentJobFinished, type DocumentJobStatus as ExportStatus, type DocumentKind } from "@dtpilot/domain";
import { DocumentJobStatus, documentDownloadUrl, useDocumentJob } from "@dtpilot/document-jobs";
import { Can, subjectOf, useSession, useTRPC, useTRPCClient, type AppTRPCClient } from "@dtpilot/data-access";
import { currentLanguage, formatBytes, formatDateTime } from "@dtpilot/ui";
import { useEmptiedPageGoesBack, usePagedList } from "@dtpilot/ui/paging";
import { FileExcelOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Select, Table, Tag, Typography, type PaginationProps } from "antd";
import { useTranslation } from "react-i18next";
import { isFiltered, rosterFilterOf } from "./roster-filters";
import { useRosterQuery } from "./use-roster-query";

/** One export as `documents.listExports` answers it. */
type ExportFileView = Awaited<ReturnType<AppTRPCClient["documents"]["listExports"]["query"]>>["items"][number];

const STATUS_COLOURS: Record<ExportStatus, string> = { QUEUED: "default", RUNNING: "processing", SUCCEEDED: "success", FAILED: "error" };

/**
 * 导出名单 (XLSX): asks the server for the roster file — the list as the roster table above filters it (the filter
 * kept in the page's URL) — follows its job's progress, and lists the county's exports with their outcome, a page at
 * a time from the server, optionally of one kind or status. The one export path: the file is built by the worker,
 * never from the rows in the browser.
 */
export function RosterExport() {
  const { t } = useTranslation("county");
  const me = useSession();
  const trpc = useTRPC();
  const client = useTRPCClient();
  // The list as the roster table filters it now (its URL): the same filter, applied by the server in the same way.
  const [table] = useRosterQuery();
  const filtered = isFiltered(table.filters);
  const filter = rosterFilterOf(table.filters);
  const roster = useDocumentJob(() => client.roster.requestRosterExport.mutate(filtered ? filter : undefined));
  const list = usePagedList<{ kind?: DocumentKind; status?: ExportStatus }>({});
  const { kind, status } = list.filter;
  const history = useQuery(
    trpc.documents.listExports.queryOptions(
      { ...(kind ? { kind } : {}), ...(status ? { status } : {}), page: list.page, pageSize: list.pageSize },
      {
        // The page on screen stays while the next one loads; one still being generated is asked about every second.
        placeholderData: keepPreviousData,
        refetchInterval: (query) => (query.state.data?.items.some((item) => !isDocumentJobFinished(item.status)) ? 1000 : false),
      },
    ),
  );
  useEmptiedPageGoesBack(list, history.data, history.isPlaceholderData);

  const countyId = me.county?.code ?? "";

  return (
    <Card title={t("exports.title")}>
      <Flex vertical gap={16}>
        <Can I="create" this={subjectOf("ExportFile", { countyId })}>
          <Flex gap={16} align="center" wrap>
            <Button type="primary" icon={<FileExcelOutlined />} loading={roster.requesting} onClick={() => roster.request()} data-testid="roster-export-request">
              {t("exports.request")}
            </Button>
            <Typography.Text type="secondary" data-testid="roster-export-scope" data-filtered={filtered}>
              {t(filtered ? "exports.filtered" : "exports.unfiltered")}
            </Typography.Text>
            <DocumentJobStatus
              documentJob={roster}
              progressLabel={t("exports.progress")}
              downloadLabel={t("exports.download")}
              testIds={{ status: "export-current" }}
              style={{ flex: 1, minWidth: 280 }}
            />
          </Flex>
        </Can>
        <Flex gap={16} align="center" wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t("exports.history")}
          </Typography.Title>
          <Select
            size="small"
            style={{ minWidth: 160 }}
            allowClear
            placeholder={t("exports.allKinds")}
            value={kind}
            onChange={(value: DocumentKind | undefined) => list.setFilter({ kind: value })}
            options={DOCUMENT_KINDS.map((value) => ({ value, label: t(`exports.kinds.${value}`) }))}
            data-testid="export-history-kind"
          />
          <Select
            size="small"
            style={{ minWidth: 120 }}
            allowClear
            placeholder={t("exports.allStatuses")}
            value={status}
            onChange={(value: ExportStatus | undefined) => list.setFilter({ status: value })}
            options={DOCUMENT_JOB_STATUSES.map((value) => ({ value, label: t(`exports.statuses.${value}`) }))}
            data-testid="export-history-status"
          />
        </Flex>
        {history.isError ? <Alert type="error" showIcon title={history.error.message} /> : null}
        <ExportHistory
          items={history.data?.items ?? []}
          loading={history.isPending || history.isPlaceholderData}
          pagination={list.pagination(history.data?.total ?? 0, (count) => t("exports.total", { count }))}
        />
      </Flex>
    </Card>
  );
}

function ExportHistory({ items, loading, pagination }: { items: ExportFileView[]; loading: boolean; pagination: PaginationProps }) {
  const { t } = useTranslation("county");
  const language = currentLanguage();
  return (
    <Table<ExportFileView>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      data-testid="export-history"
      scroll={{ x: true }}
      columns={[
        { key: "kind", title: t("exports.kind"), render: (_, item) => t(`exports.kinds.${item.kind}`) },
        { key: "requestedBy", title: t("exports.requestedBy"), render: (_, item) => item.requestedBy.displayName },
        { key: "createdAt", title: t("exports.createdAt"), render: (_, item) => formatDateTime(item.createdAt, language) },
        { key: "parameters", title: t("exports.parameters"), render: (_, item) => <Parameters value={item.parameters} /> },
        {
          key: "status",
          title: t("exports.status"),
          render: (_, item) => (
            <Tag color={STATUS_COLOURS[item.status]}>
              {t(`exports.statuses.${item.status}`)}
              {item.status === "RUNNING" ? ` ${item.progress}%` : ""}
            </Tag>
          ),
        },
        { key: "size", title: t("exports.size"), render: (_, item) => formatBytes(item.sizeBytes) },
        {
          key: "file",
          title: t("exports.file"),
          render: (_, item) =>
            item.status === "SUCCEEDED" ? (
              <a href={documentDownloadUrl(item.id)} download={item.fileName}>
                {item.fileName}
              </a>
            ) : (
              item.fileName
            ),
        },
        { key: "error", title: t("exports.error"), render: (_, item) => item.error ?? "—" },
      ]}
    />
  );
}

/** The export's parameters as "name: value" pairs, naming the known ones in the reader's language. */
function Parameters({ value }: { value: unknown }) {
  const { t, i18n } = useTranslation("county");
  if (!value || typeof value !== "object") return <>—</>;
  const pairs = Object.entries(value as Record<string, unknown>).filter(([, item]) => ["string", "number", "boolean"].includes(typeof item));
  if (pairs.length === 0) return <>—</>;
  return (
    <Flex vertical>
      {pairs.map(([key, item]) => {
        const labelKey = `exports.parameterNames.${key}`;
        const label = i18n.exists(labelKey, { ns: "county" }) ? t(labelKey) : key;
        return (
          <span key={key}>
            {label}：{String(item)}
          </span>
        );
      })}
    </Flex>
  );
}

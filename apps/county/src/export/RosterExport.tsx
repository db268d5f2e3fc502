import { Can, subjectOf, useSession } from "@dtpilot/data-access";
import { currentLanguage, formatBytes, formatDateTime } from "@dtpilot/ui";
import { DownloadOutlined, FileExcelOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Progress, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadUrl, exportKeys, isFinished, requestedExportId, useExportApi, type ExportFileView, type ExportStatus } from "./export-api";

const POLL_MS = 500;
const STATUS_COLOURS: Record<ExportStatus, string> = { QUEUED: "default", RUNNING: "processing", SUCCEEDED: "success", FAILED: "error" };

/** 导出名单 (XLSX): asks for the roster file, follows its job's progress, and lists every export with its outcome. */
export function RosterExport() {
  const { t } = useTranslation("county");
  const me = useSession();
  const api = useExportApi();
  const queryClient = useQueryClient();
  const [exportId, setExportId] = useState<string | null>(null);

  const request = useMutation({
    mutationFn: () => api.requestRosterExport.mutate(),
    onSuccess: (answer) => {
      setExportId(requestedExportId(answer));
      void queryClient.invalidateQueries({ queryKey: exportKeys.list() });
    },
  });

  const current = useQuery({
    queryKey: exportKeys.one(exportId ?? ""),
    queryFn: () => api.getExport.query({ exportId: exportId ?? "" }),
    enabled: exportId !== null,
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data.status) ? false : POLL_MS),
  });

  const history = useQuery({
    queryKey: exportKeys.list(),
    queryFn: () => api.listExports.query(),
    refetchInterval: (query) => (query.state.data?.some((item) => !isFinished(item.status)) ? 1000 : false),
  });

  const finishedStatus = current.data && isFinished(current.data.status) ? current.data.status : null;
  useEffect(() => {
    if (finishedStatus) void queryClient.invalidateQueries({ queryKey: exportKeys.list() });
  }, [finishedStatus, queryClient]);

  const countyId = me.county?.code ?? "";

  return (
    <Card title={t("exports.title")}>
      <Flex vertical gap={16}>
        <Can I="create" this={subjectOf("ExportFile", { countyId })}>
          <Flex gap={16} align="center" wrap>
            <Button type="primary" icon={<FileExcelOutlined />} loading={request.isPending} onClick={() => request.mutate()}>
              {t("exports.request")}
            </Button>
            {current.data ? <CurrentExport item={current.data} /> : null}
          </Flex>
        </Can>
        {request.isError ? <Alert type="error" showIcon title={request.error.message} /> : null}
        {current.isError ? <Alert type="error" showIcon title={current.error.message} /> : null}
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("exports.history")}
        </Typography.Title>
        {history.isError ? <Alert type="error" showIcon title={history.error.message} /> : null}
        <ExportHistory items={history.data ?? []} loading={history.isPending} />
      </Flex>
    </Card>
  );
}

function CurrentExport({ item }: { item: ExportFileView }) {
  const { t } = useTranslation("county");
  const status = item.status === "FAILED" ? "exception" : item.status === "SUCCEEDED" ? "success" : "active";
  return (
    <Flex gap={12} align="center" style={{ flex: 1, minWidth: 280 }} data-testid="export-current" data-status={item.status}>
      <Progress percent={item.progress} status={status} style={{ flex: 1, margin: 0 }} aria-label={t("exports.progress")} />
      {item.status === "SUCCEEDED" ? (
        <Button icon={<DownloadOutlined />} href={downloadUrl(item.id)} download={item.fileName}>
          {t("exports.download")}
        </Button>
      ) : null}
      {item.status === "FAILED" && item.error ? <Typography.Text type="danger">{item.error}</Typography.Text> : null}
    </Flex>
  );
}

function ExportHistory({ items, loading }: { items: ExportFileView[]; loading: boolean }) {
  const { t } = useTranslation("county");
  const language = currentLanguage();
  return (
    <Table<ExportFileView>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      data-testid="export-history"
      scroll={{ x: true }}
      columns={[
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
              <a href={downloadUrl(item.id)} download={item.fileName}>
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

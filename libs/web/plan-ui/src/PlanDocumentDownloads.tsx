import { DownloadOutlined, FileExcelOutlined, FileWordOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Button, Flex, Progress, Typography } from "antd";
import { useState } from "react";
import { Can, subjectOf, useTRPC } from "@dtpilot/ui";
import { usePlanTranslation } from "./plan-i18n";

export type PlanDocumentFormat = "XLSX" | "DOCX";

const FORMATS: readonly PlanDocumentFormat[] = ["XLSX", "DOCX"];
const KIND_OF_FORMAT = { XLSX: "PLAN_DATA_TABLE_XLSX", DOCX: "PLAN_DOCX" } as const;
const POLL_MS = 500;

function isFinished(status: string): boolean {
  return status === "SUCCEEDED" || status === "FAILED";
}

/** Where a generated file is downloaded (same origin, with the session cookie). */
export function exportDownloadUrl(exportId: string): string {
  return `/files/exports/${encodeURIComponent(exportId)}`;
}

export interface PlanDocumentDownloadsProps {
  planId: string;
  /**
   * The plan's county: when given, each button shows only if the user may ask for that file (a third-party
   * reviewer may not). Without it both show, and the API refuses what is not allowed.
   */
  countyId?: string;
}

/** 下载主要数据表（XLSX） and 下载实施方案（DOCX）: ask for the plan's current version as a file, follow the job, then download. */
export function PlanDocumentDownloads({ planId, countyId }: PlanDocumentDownloadsProps) {
  return (
    <Flex gap={16} wrap align="start" data-testid="plan-downloads">
      {FORMATS.map((format) =>
        countyId === undefined ? (
          <DocumentDownload key={format} planId={planId} format={format} />
        ) : (
          <Can key={format} I="create" this={subjectOf("ExportFile", { countyId, kind: KIND_OF_FORMAT[format] })}>
            <DocumentDownload planId={planId} format={format} />
          </Can>
        ),
      )}
    </Flex>
  );
}

function DocumentDownload({ planId, format }: { planId: string; format: PlanDocumentFormat }) {
  const { t } = usePlanTranslation();
  const api = useTRPC();
  const [exportId, setExportId] = useState<string | null>(null);
  const suffix = format.toLowerCase();

  const request = useMutation(api.plan.requestPlanDocument.mutationOptions({ onSuccess: (created) => setExportId(created.id) }));
  const current = useQuery(
    api.documents.getExport.queryOptions(
      { exportId: exportId ?? "" },
      {
        enabled: exportId !== null,
        refetchInterval: (query) => (query.state.data && isFinished(query.state.data.status) ? false : POLL_MS),
      },
    ),
  );
  const item = exportId !== null ? current.data : undefined;
  const working = request.isPending || (item !== undefined && !isFinished(item.status)) || (exportId !== null && current.isPending);
  const error = request.error?.message ?? current.error?.message ?? (item?.status === "FAILED" ? item.error : null);

  return (
    <Flex vertical gap={8} style={{ minWidth: 260 }}>
      <Button
        icon={format === "XLSX" ? <FileExcelOutlined /> : <FileWordOutlined />}
        loading={working}
        onClick={() => request.mutate({ planId, format })}
        data-testid={`plan-download-${suffix}`}
      >
        {t(`downloads.${format}`)}
      </Button>
      {item ? (
        <Flex gap={8} align="center" data-testid={`plan-download-status-${suffix}`} data-status={item.status}>
          <Progress
            percent={item.progress}
            size="small"
            status={item.status === "FAILED" ? "exception" : item.status === "SUCCEEDED" ? "success" : "active"}
            aria-label={t("downloads.progress")}
            style={{ flex: 1, margin: 0 }}
          />
          {item.status === "QUEUED" || item.status === "RUNNING" ? (
            <Typography.Text type="secondary">{t(item.status === "QUEUED" ? "downloads.queued" : "downloads.running")}</Typography.Text>
          ) : null}
          {item.status === "SUCCEEDED" ? (
            <Button
              type="link"
              icon={<DownloadOutlined />}
              href={exportDownloadUrl(item.id)}
              download={item.fileName}
              data-testid={`plan-download-link-${suffix}`}
            >
              {item.fileName}
            </Button>
          ) : null}
        </Flex>
      ) : null}
      {error ? (
        <Typography.Text type="danger" role="alert" data-testid={`plan-download-error-${suffix}`}>
          {error}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

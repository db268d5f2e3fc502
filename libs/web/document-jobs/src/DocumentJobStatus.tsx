import { DownloadOutlined } from "@ant-design/icons";
import { Button, Flex, Progress, Typography } from "antd";
import type { CSSProperties } from "react";
import { useDocumentJobsTranslation } from "./document-jobs-i18n";
import type { DocumentJob } from "./useDocumentJob";

export interface DocumentJobStatusProps {
  /** What `useDocumentJob` returns. */
  documentJob: DocumentJob<never>;
  /** The progress bar's accessible name (default 生成进度). */
  progressLabel?: string;
  /** A download button with this label; without it the link shows the file's name. */
  downloadLabel?: string;
  /** Say 排队中… / 正在生成… beside the bar while the document is not ready. */
  showStage?: boolean;
  size?: "small" | "default";
  /** Test ids of the progress row (it carries `data-status`), the download link and the error. */
  testIds?: { status?: string; link?: string; error?: string };
  style?: CSSProperties;
}

/** A requested document's progress, then its download link, or why it failed. Nothing before one is requested. */
export function DocumentJobStatus({ documentJob, progressLabel, downloadLabel, showStage = false, size = "default", testIds = {}, style }: DocumentJobStatusProps) {
  const { t } = useDocumentJobsTranslation();
  const { job, downloadUrl, error } = documentJob;
  const waiting = job?.status === "QUEUED" || job?.status === "RUNNING";
  return (
    <>
      {job ? (
        <Flex gap={size === "small" ? 8 : 12} align="center" data-testid={testIds.status} data-status={job.status} style={style}>
          <Progress
            percent={job.progress}
            size={size}
            status={job.status === "FAILED" ? "exception" : job.status === "SUCCEEDED" ? "success" : "active"}
            aria-label={progressLabel ?? t("progress")}
            style={{ flex: 1, margin: 0 }}
          />
          {showStage && waiting ? <Typography.Text type="secondary">{t(job.status === "QUEUED" ? "queued" : "running")}</Typography.Text> : null}
          {downloadUrl ? (
            <Button
              type={downloadLabel ? "default" : "link"}
              icon={<DownloadOutlined />}
              href={downloadUrl}
              download={job.fileName}
              data-testid={testIds.link}
            >
              {downloadLabel ?? job.fileName}
            </Button>
          ) : null}
        </Flex>
      ) : null}
      {error ? (
        <Typography.Text type="danger" role="alert" data-testid={testIds.error}>
          {error}
        </Typography.Text>
      ) : null}
    </>
  );
}

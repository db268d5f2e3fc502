import { exportDownloadUrl } from "@dtpilot/plan-ui";
import { useTRPC } from "@dtpilot/ui";
import { DownloadOutlined, FileWordOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Button, Flex, Progress, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";

const POLL_MS = 500;

/** 下载改造信息表（DOCX）: asks the worker for the enterprise's file laid out like 附2, follows it, offers the file. */
export function FileDocumentDownload({ pilotId }: { pilotId: string }) {
  const { t } = useTranslation("county");
  const trpc = useTRPC();
  const [exportId, setExportId] = useState<string | null>(null);
  const request = useMutation(trpc.enterpriseFile.requestEnterpriseFileDocument.mutationOptions({ onSuccess: (view) => setExportId(view.id) }));
  const current = useQuery({
    ...trpc.documents.getExport.queryOptions({ exportId: exportId ?? "" }),
    enabled: exportId !== null,
    refetchInterval: (query) => (query.state.data && ["SUCCEEDED", "FAILED"].includes(query.state.data.status) ? false : POLL_MS),
  });
  const item = current.data;
  return (
    <Flex gap={12} align="center" wrap data-testid="file-docx" data-status={item?.status ?? ""}>
      <Button icon={<FileWordOutlined />} loading={request.isPending} onClick={() => request.mutate({ pilotId })} data-testid="file-docx-request">
        {t("pilotPage.downloadFile")}
      </Button>
      {item && item.status !== "SUCCEEDED" && item.status !== "FAILED" ? <Progress percent={item.progress} size="small" style={{ width: 160, margin: 0 }} /> : null}
      {item?.status === "SUCCEEDED" ? (
        <Button type="link" icon={<DownloadOutlined />} href={exportDownloadUrl(item.id)} download={item.fileName} data-testid="file-docx-link">
          {item.fileName}
        </Button>
      ) : null}
      {item?.status === "FAILED" && item.error ? <Typography.Text type="danger">{item.error}</Typography.Text> : null}
      {request.isError ? <Typography.Text type="danger">{request.error.message}</Typography.Text> : null}
    </Flex>
  );
}

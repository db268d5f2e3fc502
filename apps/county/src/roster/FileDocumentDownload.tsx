import { DocumentJobStatus, useDocumentJob } from "@dtpilot/document-jobs";
import { useTRPCClient } from "@dtpilot/data-access";
import { FileWordOutlined } from "@ant-design/icons";
import { Button, Flex } from "antd";
import { useTranslation } from "react-i18next";

/** 下载改造信息表（DOCX）: asks the worker for the enterprise's file laid out like 附2, follows it, offers the file. */
export function FileDocumentDownload({ pilotEnterpriseId }: { pilotEnterpriseId: string }) {
  const { t } = useTranslation("county");
  const client = useTRPCClient();
  const fileDocument = useDocumentJob(() => client.enterpriseFile.requestEnterpriseFileDocument.mutate({ pilotEnterpriseId }));
  return (
    <Flex gap={12} align="center" wrap data-testid="file-docx" data-status={fileDocument.job?.status ?? ""}>
      <Button icon={<FileWordOutlined />} loading={fileDocument.requesting} onClick={() => fileDocument.request()} data-testid="file-docx-request">
        {t("pilotPage.downloadFile")}
      </Button>
      <DocumentJobStatus documentJob={fileDocument} size="small" testIds={{ link: "file-docx-link" }} style={{ minWidth: 160 }} />
    </Flex>
  );
}

import { FileExcelOutlined, FileWordOutlined } from "@ant-design/icons";
import { DocumentJobStatus, useDocumentJob } from "@dtpilot/document-jobs";
import { Button, Flex } from "antd";
import { Can, subjectOf, useTRPCClient } from "@dtpilot/data-access";
import { usePlanTranslation } from "./plan-i18n";

export type PlanDocumentFormat = "XLSX" | "DOCX";

const FORMATS: readonly PlanDocumentFormat[] = ["XLSX", "DOCX"];
const KIND_OF_FORMAT = { XLSX: "PLAN_DATA_TABLE_XLSX", DOCX: "PLAN_DOCX" } as const;

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
  const client = useTRPCClient();
  const planDocument = useDocumentJob(() => client.plan.requestPlanDocument.mutate({ planId, format }));
  const suffix = format.toLowerCase();

  return (
    <Flex vertical gap={8} style={{ minWidth: 260 }}>
      <Button
        icon={format === "XLSX" ? <FileExcelOutlined /> : <FileWordOutlined />}
        loading={planDocument.working}
        onClick={() => planDocument.request()}
        data-testid={`plan-download-${suffix}`}
      >
        {t(`downloads.${format}`)}
      </Button>
      <DocumentJobStatus
        documentJob={planDocument}
        size="small"
        showStage
        testIds={{ status: `plan-download-status-${suffix}`, link: `plan-download-link-${suffix}`, error: `plan-download-error-${suffix}` }}
      />
    </Flex>
  );
}

import { ROSTER_COLUMN_KEYS, ROSTER_IMPORT_MAX_SIZE_LABEL } from "@dtpilot/domain";
import { translateError } from "@dtpilot/i18n";
import { useTRPC } from "@dtpilot/data-access";
import { currentLanguage, formatBytes } from "@dtpilot/ui";
import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Drawer, Flex, Spin, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { importFileProblem, readFileAsBase64, type ImportFileProblem } from "./import-file";
import type { RosterImportAnswer, RosterImportProblem } from "./roster-types";

/** GET: the county's roster template (XLSX) with its plan's sub-industries, same-origin with the session cookie. */
export const ROSTER_TEMPLATE_URL = "/files/roster-import-template";
const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type LocalProblem = ImportFileProblem | "unreadable";

/**
 * 导入名单: download the template, upload the filled file. The API checks every row first: either every enterprise
 * is imported, or none is and every problem is listed with its row and column.
 */
export function RosterImportDrawer({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (count: number) => void }) {
  const { t } = useTranslation("county");
  const trpc = useTRPC();
  const importRoster = useMutation(trpc.roster.importRoster.mutationOptions());
  const [problem, setProblem] = useState<LocalProblem | null>(null);
  /** The file a problem is about, named in its message ("名单.xlsx，2.4 MB"). */
  const [chosen, setChosen] = useState<{ name: string; size: number } | null>(null);
  const [reading, setReading] = useState(false);
  const busy = reading || importRoster.isPending;

  const upload = async (file: File) => {
    importRoster.reset();
    const found = importFileProblem(file);
    setChosen({ name: file.name, size: file.size });
    setProblem(found);
    if (found) return;
    setReading(true);
    let base64: string;
    try {
      base64 = await readFileAsBase64(file);
    } catch {
      setProblem("unreadable");
      return;
    } finally {
      setReading(false);
    }
    importRoster.mutate(
      { file: base64 },
      {
        onSuccess: (answer) => {
          if (answer.imported > 0) onImported(answer.imported);
        },
      },
    );
  };

  const close = () => {
    importRoster.reset();
    setProblem(null);
    onClose();
  };

  // An unreadable or oversized file in the API's words (its error keys), so the drawer and the API say one thing.
  const localProblemMessage = (found: LocalProblem) => {
    if (found === "unreadable") return translateError(currentLanguage(), "roster.import.unreadable");
    if (found === "size") {
      const message = translateError(currentLanguage(), "roster.import.tooLarge", { maximum: ROSTER_IMPORT_MAX_SIZE_LABEL });
      return chosen ? `${message}（${chosen.name}，${formatBytes(chosen.size)}）` : message;
    }
    return t(`roster.importer.problems.${found}`);
  };

  const answer = importRoster.data;
  return (
    <Drawer open={open} onClose={close} title={t("roster.importer.title")} size={760} data-testid="roster-import-drawer">
      <Flex vertical gap={24}>
        <Flex vertical gap={8} align="start">
          <Typography.Title level={5} style={{ margin: 0 }}>
            1. {t("roster.importer.templateStep")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("roster.importer.templateHelp")}</Typography.Text>
          <Button icon={<DownloadOutlined />} href={ROSTER_TEMPLATE_URL} download data-testid="roster-template-download">
            {t("roster.importer.templateStep")}
          </Button>
        </Flex>
        <Flex vertical gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            2. {t("roster.importer.uploadStep")}
          </Typography.Title>
          <div data-testid="roster-import-upload">
            <Upload.Dragger
              accept={{ format: XLSX_ACCEPT, filter: "native" }}
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(file) => {
                void upload(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <Spin spinning={busy} description={t("roster.importer.importing")}>
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t("roster.importer.dragger")}</p>
                <p className="ant-upload-hint">{t("roster.importer.hint", { maximum: ROSTER_IMPORT_MAX_SIZE_LABEL })}</p>
              </Spin>
            </Upload.Dragger>
          </div>
        </Flex>
        {problem ? (
          <Alert
            type="error"
            showIcon
            data-testid="roster-import-failed"
            title={localProblemMessage(problem)}
          />
        ) : null}
        {importRoster.isError ? <Alert type="error" showIcon data-testid="roster-import-failed" title={importRoster.error.message} /> : null}
        {answer && answer.errors.length === 0 ? (
          <Alert type="success" showIcon data-testid="roster-import-success" title={t("roster.importer.success", { count: answer.imported })} />
        ) : null}
        {answer && answer.errors.length > 0 ? <ImportErrors answer={answer} /> : null}
      </Flex>
    </Drawer>
  );
}

function ImportErrors({ answer }: { answer: RosterImportAnswer }) {
  const { errors, errorCount } = answer;
  const { t } = useTranslation("county");
  const columnName = (problem: RosterImportProblem) =>
    problem.column && (ROSTER_COLUMN_KEYS as readonly string[]).includes(problem.column)
      ? t(`roster.columns.${problem.column}`)
      : (problem.columnLabel ?? "—");
  return (
    <Flex vertical gap={12}>
      <Alert
        type="error"
        showIcon
        data-testid="roster-import-errors-notice"
        title={
          errorCount > errors.length
            ? t("roster.importer.errorsNoticeFirst", { count: errorCount, shown: errors.length })
            : t("roster.importer.errorsNotice", { count: errors.length })
        }
      />
      <Table<RosterImportProblem & { key: number }>
        rowKey="key"
        size="small"
        data-testid="roster-import-errors"
        dataSource={errors.map((problem, index) => ({ ...problem, key: index }))}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { key: "rowNumber", title: t("roster.importer.rowNumber"), width: 80, render: (_, problem) => problem.rowNumber ?? t("roster.importer.wholeFile") },
          { key: "column", title: t("roster.importer.column"), width: 220, render: (_, problem) => columnName(problem) },
          { key: "message", title: t("roster.importer.message"), dataIndex: "message" },
        ]}
      />
    </Flex>
  );
}

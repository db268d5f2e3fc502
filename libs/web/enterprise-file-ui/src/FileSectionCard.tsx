import { EditOutlined, LockOutlined } from "@ant-design/icons";
import { SaveStatus, type PendingMerge } from "@dtpilot/autosave";
import {
  FILE_SECTION_NOTES,
  FILE_SECTION_TITLES,
  SECTION_WRITERS,
  sectionCompleteness,
  validateFileSection,
  type EnterpriseFile,
  type FileSectionKey,
} from "@dtpilot/domain";
import { currentLanguage, formatDateTime } from "@dtpilot/ui";
import { Alert, Button, Card, Flex, Form, Progress, Tag, Typography } from "antd";
import { useMemo, type ReactNode } from "react";
import { useFileTranslation } from "./file-i18n";
import { errorsByPath } from "./file-state";
import type { FileSectionMeta } from "./file-types";
import { FileMergeView } from "./FileMergeView";
import type { SectionAutosave } from "./section-autosave";

/**
 * One section of the file as a card: the template's heading and note, who may edit it now (or why not), when and by
 * whom it was last saved, how complete it is, the save button, the merge view after a concurrent save, and the form —
 * editable, or read-only when the caller may not write it now.
 */
export function FileSectionCard<S extends FileSectionKey>({
  section,
  editor,
  meta,
  saved,
  renderForm,
}: {
  section: S;
  editor: SectionAutosave<S>;
  meta: FileSectionMeta;
  /** The section as the server last sent it: what a reader who may not edit sees. */
  saved: EnterpriseFile[S];
  renderForm: (props: { value: EnterpriseFile[S]; readOnly: boolean; errors: ReturnType<typeof errorsByPath> }) => ReactNode;
}) {
  const { t } = useFileTranslation();
  const language = currentLanguage();
  const editable = meta.editable;
  const value = editable ? editor.draft : saved;
  const errors = useMemo(() => errorsByPath(validateFileSection(section, value)), [section, value]);
  const completeness = sectionCompleteness(section, value);
  const percent = completeness.required === 0 ? 100 : Math.floor((completeness.filled * 100) / completeness.required);

  // The newest save known: this page's own (not yet fetched back), or the file's as last loaded.
  const own = editor.server.revision > meta.revision ? editor.server : null;
  const revision = own ? own.revision : meta.revision;
  const updatedAt = own ? own.updatedAt : meta.updatedAt;
  const updatedBy = own ? (own.updatedBy === undefined ? t("you") : own.updatedBy) : meta.updatedBy;
  const lastSaved =
    revision === 0
      ? t("neverSaved")
      : updatedBy
        ? t("lastSaved", { by: updatedBy, time: formatDateTime(updatedAt, language) })
        : t("lastSavedAt", { time: formatDateTime(updatedAt, language) });

  const notice = editor.notice?.kind === "offered" ? null : editor.notice;

  return (
    <Card
      data-testid={`file-section-${section}`}
      title={
        <span style={{ whiteSpace: "normal" }}>
          {FILE_SECTION_TITLES[section]}
          <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
            {FILE_SECTION_NOTES[section]}
          </Typography.Text>
        </span>
      }
      extra={
        editable ? (
          <Flex gap={12} align="center">
            <SaveStatus
              status={editor.status}
              error={editor.error}
              testId={`file-save-status-${section}`}
              labels={{
                saved: t("save.saved"),
                saving: t("save.saving"),
                dirty: t("save.dirty"),
                conflict: t("save.conflict"),
                error: t("save.failed"),
              }}
            />
            <Button
              type="primary"
              data-testid={`file-save-${section}`}
              loading={editor.status === "saving"}
              disabled={!editor.dirty || editor.status === "conflict"}
              onClick={() => void editor.flush()}
            >
              {t("save.button")}
            </Button>
          </Flex>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={16} wrap align="center">
          <span data-testid={`file-section-status-${section}`} data-editable={String(editable)} data-reason={meta.reason ?? undefined}>
            {editable ? (
              <Tag color="green" icon={<EditOutlined />}>
                {t("editable")}
              </Tag>
            ) : (
              <Typography.Text type="secondary">
                <LockOutlined /> {meta.reasonText}
              </Typography.Text>
            )}
          </span>
          <Typography.Text type="secondary" data-testid={`file-section-writers-${section}`}>
            {t("writersLine", { writers: SECTION_WRITERS[section].map((writer) => t(`writers.${writer}`)).join(t("listSeparator")) })}
          </Typography.Text>
          <Typography.Text type="secondary" data-testid={`file-last-saved-${section}`}>
            {lastSaved}
          </Typography.Text>
          <Flex gap={8} align="center" style={{ minWidth: 200 }}>
            <Progress
              size="small"
              style={{ width: 120, margin: 0 }}
              percent={percent}
              status={completeness.complete ? "success" : "normal"}
              data-testid={`file-section-completeness-${section}`}
              data-filled={completeness.filled}
              data-required={completeness.required}
            />
            <Typography.Text type="secondary">
              {t("sectionFilled", { filled: completeness.filled, required: completeness.required })}
            </Typography.Text>
          </Flex>
        </Flex>
        {editable && notice ? (
          <Alert
            type="info"
            showIcon
            closable={{ onClose: editor.dismissNotice }}
            data-testid={notice.kind === "merged" ? `file-merged-${section}` : `file-restored-${section}`}
            title={
              notice.kind === "merged"
                ? t("merged", { by: notice.by ?? t("someone"), time: formatDateTime(notice.at, language) })
                : t("restored", { time: formatDateTime(notice.at, language) })
            }
          />
        ) : null}
        {editable && editor.merge ? (
          <FileMergeView
            section={section}
            merge={editor.merge as PendingMerge<EnterpriseFile[FileSectionKey]>}
            saving={editor.status === "saving"}
            onChoose={editor.choose}
            onApply={() => void editor.applyMerge()}
          />
        ) : null}
        {editable && editor.status === "error" && editor.error ? (
          <Alert type="error" showIcon data-testid={`file-save-error-${section}`} title={editor.error} />
        ) : null}
        <Form layout="vertical" component="div">
          {renderForm({ value, readOnly: !editable || editor.status === "conflict", errors })}
        </Form>
      </Flex>
    </Card>
  );
}

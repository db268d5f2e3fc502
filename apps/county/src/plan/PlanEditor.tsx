import {
  computePlan,
  PLAN_DATA_TABLE_TITLE,
  PLAN_SECTION_GUIDANCE,
  PLAN_SECTION_KEYS,
  PLAN_SECTION_TITLES,
  planTitle,
  submissionBlockers,
  validatePlanDataTable,
  type ImplementationPlanContent,
  type PlanCover,
  type PlanDataTable,
  type PlanSectionKey,
  type RichText,
} from "@dtpilot/domain";
import { SaveStatus, useAutosave, type DraftBackup } from "@dtpilot/autosave";
import { useSignedInUserId, useTRPCClient } from "@dtpilot/data-access";
import { apiErrorField, currentLanguage } from "@dtpilot/ui";
import { Alert, Button, Card, Flex, Form, Modal, Tabs, Tooltip, Typography, type TabsProps } from "antd";
import { memo, useCallback, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTableForm } from "./DataTableForm";
import { FieldComments, PLAN_PATH_ATTRIBUTE, PlanCommentsProvider, ReturnCommentsSummary } from "./PlanComments";
import { PlanCoverForm } from "./PlanCoverForm";
import { RichTextEditor } from "./RichTextEditor";
import { planAutosaveOptions, planBackupKey } from "./plan-autosave";
import { errorsByPath, formatClock, withCover, withDataTable, withSection } from "./plan-form-state";
import { blockerMessage } from "./plan-messages";
import type { PlanView } from "./plan-types";

interface PlanEditorProps {
  plan: PlanView;
  /** The page's header line: title, state, version; the editor adds the save status and its actions. */
  header: (extra: ReactNode) => ReactNode;
  /** Tabs after the plan itself (审核记录, 版本对比). */
  extraTabs: NonNullable<TabsProps["items"]>;
  onSubmitted: (plan: PlanView) => void;
  /** Fetch the plan again and open the form on what the server holds (after a conflict). */
  onReload: () => void;
}

/**
 * The county's plan as a form laid out like 附1: cover, sections 一–五 (rich text), and the main data table, with
 * live validation, the reviewers' comments beside their fields, autosave with a browser backup, and 提交设区市.
 */
export function PlanEditor({ plan, header, extraTabs, onSubmitted, onReload }: PlanEditorProps) {
  const { t } = useTranslation("county");
  const client = useTRPCClient();
  const language = currentLanguage();
  const [modal, modalContext] = Modal.useModal();
  const userId = useSignedInUserId();
  const autosave = useAutosave(
    planAutosaveOptions({
      planId: plan.id,
      backupKey: planBackupKey(userId, plan.id, plan.version.number),
      legacyBackupKey: planBackupKey(null, plan.id, plan.version.number),
      revision: plan.version.revision,
      savedAt: plan.version.updatedAt,
      savedContent: plan.version.content,
      save: (input) => client.plan.savePlan.mutate(input),
    }),
  );
  const content = autosave.draft;
  const notice = autosave.notice;
  // Rich-text editors keep their own document; a restored backup remounts them with it.
  const [generation, setGeneration] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  const fieldErrors = useMemo(() => validatePlanDataTable(content.dataTable), [content.dataTable]);
  const errors = useMemo(() => errorsByPath(fieldErrors), [fieldErrors]);
  const computation = useMemo(() => computePlan(content.dataTable), [content.dataTable]);
  const region = plan.county.city.region;
  const blockers = useMemo(() => submissionBlockers(content.dataTable, region), [content.dataTable, region]);
  const regionName = t(`regions.${region}`, { ns: "common" });

  const { change } = autosave;
  const changeCover = useCallback((field: keyof PlanCover, value: string) => change((current) => withCover(current, field, value)), [change]);
  const changeSection = useCallback((section: PlanSectionKey, doc: RichText) => change((current) => withSection(current, section, doc)), [change]);
  const changeTable = useCallback(
    (changeTable: (table: PlanDataTable) => PlanDataTable) => change((current) => withDataTable(current, changeTable)),
    [change],
  );

  const restoreOffered = (backup: DraftBackup<ImplementationPlanContent>) => {
    autosave.restoreOffered(backup);
    setGeneration((value) => value + 1);
  };

  const conflict = autosave.status === "conflict";
  const blockedReason =
    fieldErrors.length > 0
      ? t("plan.submit.blockedByErrors", { count: fieldErrors.length })
      : blockers[0]
        ? blockerMessage(language, blockers[0], regionName)
        : conflict
          ? (autosave.error ?? t("plan.save.conflict"))
          : null;

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      if (!(await autosave.flush())) {
        setSubmitError(t("plan.submit.notSaved"));
        return;
      }
      const submitted = await client.plan.submitPlan.mutate({ planId: plan.id, revision: autosave.server.revision });
      autosave.discardBackup();
      onSubmitted(submitted);
    } catch (error) {
      setSubmitError(error instanceof Error ? error.message : String(error));
      const field = apiErrorField(error);
      if (field) document.querySelector(`[${PLAN_PATH_ATTRIBUTE}="${CSS.escape(field)}"]`)?.scrollIntoView({ block: "center" });
    } finally {
      setSubmitting(false);
    }
  };

  const confirmSubmit = () => {
    void modal.confirm({
      title: t("plan.submit.confirmTitle"),
      content: t("plan.submit.confirmContent", { number: plan.version.number }),
      okText: t("plan.submit.confirmOk"),
      cancelText: t("plan.cancel"),
      onOk: submit,
    });
  };

  const submitButton = (
    <Tooltip title={blockedReason}>
      <Button
        type="primary"
        disabled={blockedReason !== null}
        loading={submitting}
        onClick={confirmSubmit}
        data-testid="plan-submit"
      >
        {t("plan.submit.button")}
      </Button>
    </Tooltip>
  );

  const planTab = (
    // Leaving any field saves at once (best effort; the debounce and the browser backup cover the rest).
    <Form layout="vertical" component="div" onBlur={() => void autosave.flush()}>
      <Flex vertical gap={16}>
        {notice?.kind === "restored" ? (
          <Alert
            type="info"
            showIcon
            closable={{ onClose: autosave.dismissNotice }}
            data-testid="plan-backup-notice"
            data-kind="restored"
            title={t("plan.backup.restored", { time: formatClock(notice.at) })}
          />
        ) : null}
        {notice?.kind === "offered" ? (
          <Alert
            type="warning"
            showIcon
            data-testid="plan-backup-notice"
            data-kind="offered"
            title={t("plan.backup.offered", { time: formatClock(notice.backup.savedAt) })}
            description={t("plan.backup.offeredHelp")}
            action={
              <Flex vertical gap={4}>
                <Button size="small" type="primary" onClick={() => restoreOffered(notice.backup)} data-testid="plan-backup-restore">
                  {t("plan.backup.restore")}
                </Button>
                <Button size="small" onClick={autosave.discardOffered} data-testid="plan-backup-discard">
                  {t("plan.backup.discard")}
                </Button>
              </Flex>
            }
          />
        ) : null}
        {conflict ? (
          <Alert
            type="error"
            showIcon
            data-testid="plan-save-conflict"
            title={autosave.error ?? t("plan.save.conflict")}
            description={t("plan.save.conflictHelp")}
            action={
              <Button danger onClick={onReload} data-testid="plan-reload">
                {t("plan.save.reload")}
              </Button>
            }
          />
        ) : null}
        {autosave.status === "error" ? (
          <Alert type="warning" showIcon data-testid="plan-save-error" title={t("plan.save.failedHelp", { message: autosave.error ?? "" })} />
        ) : null}
        {submitError ? (
          <Alert type="error" showIcon closable={{ onClose: () => setSubmitError(null) }} data-testid="plan-submit-error" title={submitError} />
        ) : null}

        <ReturnCommentsSummary comments={plan.comments} content={content} />

        <Card title={t("plan.cover.title")} data-testid="plan-cover">
          <Typography.Title level={4} style={{ textAlign: "center", marginTop: 0 }}>
            {planTitle(new Date(plan.batch.startsOn).getUTCFullYear())}
          </Typography.Title>
          <PlanCoverForm cover={content.cover} table={content.dataTable} onChange={changeCover} />
        </Card>

        {PLAN_SECTION_KEYS.map((section) => (
          <SectionCard
            key={`${section}-${generation}`}
            section={section}
            initialValue={content.sections[section]}
            onChange={changeSection}
          />
        ))}

        <Card title={`${t("plan.dataTable.prefix")}${PLAN_DATA_TABLE_TITLE}`} data-testid="plan-data-table-card">
          <Flex vertical gap={12}>
            <Alert
              type={blockers.length ? "warning" : "success"}
              showIcon
              data-testid="plan-regional-minimum"
              data-status={blockers.length ? "below" : "met"}
              title={
                blockers[0]
                  ? blockerMessage(language, blockers[0], regionName)
                  : t("plan.minimum.met", { total: computation.totalComputed.plannedTotal, region: regionName, minimum: plan.rosterMinimum })
              }
            />
            <FieldComments path="dataTable.totals" />
            <DataTableForm table={content.dataTable} computation={computation} errors={errors} onChange={changeTable} />
          </Flex>
        </Card>
      </Flex>
    </Form>
  );

  return (
    <>
      {modalContext}
      <PlanCommentsProvider comments={plan.comments}>
        {header(
          <Flex gap={12} wrap align="center">
            <SaveStatus
              status={autosave.status}
              testId="plan-save-status"
              labels={{
                saved: t("plan.save.saved", { time: formatClock(autosave.server.updatedAt ?? plan.version.updatedAt) }),
                saving: t("plan.save.saving"),
                dirty: t("plan.save.dirty"),
                error: t("plan.save.failed"),
                conflict: t("plan.save.conflict"),
              }}
            />
            {submitButton}
          </Flex>,
        )}
        {blockedReason ? (
          <Typography.Text type="secondary" data-testid="plan-submit-blocked-reason">
            {t("plan.submit.blockedPrefix")}
            {blockedReason}
          </Typography.Text>
        ) : null}
        <Tabs items={[{ key: "plan", label: t("plan.tabs.plan"), children: planTab }, ...extraTabs]} />
      </PlanCommentsProvider>
    </>
  );
}

/** One of sections 一–五: the template's guidance, the comments on it, and its editor (which keeps its own document). */
const SectionCard = memo(function SectionCard({
  section,
  initialValue,
  onChange,
}: {
  section: PlanSectionKey;
  initialValue: RichText;
  onChange: (section: PlanSectionKey, doc: RichText) => void;
}) {
  const path = `sections.${section}`;
  const guidanceId = `plan-guidance-${section}`;
  // The editor reads its content once; later values come from it, so re-rendering for them is wasted work.
  const [opening] = useState(initialValue);
  const change = useCallback((doc: RichText) => onChange(section, doc), [onChange, section]);
  return (
    <Card title={PLAN_SECTION_TITLES[section]} data-testid={`plan-section-${section}`}>
      <div {...{ [PLAN_PATH_ATTRIBUTE]: path }}>
        <Typography.Paragraph type="secondary" id={guidanceId} style={{ whiteSpace: "pre-line" }}>
          {PLAN_SECTION_GUIDANCE[section]}
        </Typography.Paragraph>
        <FieldComments path={path} />
        <div style={{ marginTop: 8 }}>
          <RichTextEditor
            initialValue={opening}
            onChange={change}
            label={PLAN_SECTION_TITLES[section]}
            testId={`plan-field-${path}`}
            describedBy={guidanceId}
          />
        </div>
      </div>
    </Card>
  );
},
(before, after) => before.section === after.section && before.onChange === after.onChange);

import type { ServerVersion } from "@dtpilot/autosave";
import {
  countyByCode,
  DIRECTIONS,
  enterpriseFileTitle,
  FILE_FIELD_LABELS,
  FILE_SECTION_KEYS,
  FILE_SECTION_TITLES,
  FILE_TEMPLATE_NOTES,
  fileCompleteness,
  type EnterpriseFile,
  type FileSectionKey,
  type FileWriter,
  type NeedsSection,
} from "@dtpilot/domain";
import { useTRPC } from "@dtpilot/data-access";
import { QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import { useQuery } from "@tanstack/react-query";
import { Card, Descriptions, Flex, Progress, Typography } from "antd";
import { useMemo } from "react";
import { BasicSectionForm } from "./BasicSectionForm";
import { EvaluationSectionForm } from "./EvaluationSectionForm";
import { useFileTranslation } from "./file-i18n";
import type { FileView } from "./file-types";
import { FileSectionCard } from "./FileSectionCard";
import { NeedsSectionForm } from "./NeedsSectionForm";
import { ResultsSectionForm } from "./ResultsSectionForm";
import { useSectionAutosave } from "./section-autosave";

export interface EnterpriseFileEditorProps {
  /** The pilot enterprise's roster entry (试点企业改造名单). */
  pilotEnterpriseId: string;
  /** Who is editing, shown as the author of need items not saved yet (the server records the author on saving). */
  writer?: FileWriter;
}

/**
 * 一企一档: one pilot enterprise's 改造信息表 (附2) in the template's four sections. Each section says whether the caller
 * may edit it now (and why not), is saved on its own with optimistic concurrency, and merges with what the enterprise,
 * its provider or the county saved meanwhile — field by field, item by item, asking only where both changed the same.
 */
export function EnterpriseFileEditor({ pilotEnterpriseId, writer }: EnterpriseFileEditorProps) {
  const trpc = useTRPC();
  const file = useQuery(trpc.enterpriseFile.getEnterpriseFile.queryOptions({ pilotEnterpriseId }));
  if (file.isPending) return <RemoteLoading />;
  if (file.isError) return <QueryErrorResult error={file.error} onRetry={() => void file.refetch()} />;
  // One editor per enterprise: another pilotEnterpriseId starts afresh (its own drafts and backups).
  return <LoadedFileEditor key={pilotEnterpriseId} pilotEnterpriseId={pilotEnterpriseId} view={file.data} writer={writer} />;
}

function useServerVersion<S extends FileSectionKey>(view: FileView, section: S): ServerVersion<EnterpriseFile[S]> {
  const meta = view.sections[section];
  const content = view.file[section] as EnterpriseFile[S];
  return useMemo(
    () => ({ content, revision: meta.revision, updatedAt: meta.updatedAt, updatedBy: meta.updatedBy }),
    [content, meta.revision, meta.updatedAt, meta.updatedBy],
  );
}

function savedNeedIds(needs: NeedsSection): Set<string> {
  return new Set(DIRECTIONS.flatMap((direction) => needs[direction].map((item) => item.id)));
}

function LoadedFileEditor({ pilotEnterpriseId, view, writer }: { pilotEnterpriseId: string; view: FileView; writer: FileWriter | undefined }) {
  const { t } = useFileTranslation();
  const basic = useSectionAutosave(pilotEnterpriseId, "basic", useServerVersion(view, "basic"));
  const needs = useSectionAutosave(pilotEnterpriseId, "needs", useServerVersion(view, "needs"));
  const results = useSectionAutosave(pilotEnterpriseId, "results", useServerVersion(view, "results"));
  const evaluation = useSectionAutosave(pilotEnterpriseId, "evaluation", useServerVersion(view, "evaluation"));
  const { entry, sections } = view;

  // What each section shows: the draft where the caller writes, the saved version elsewhere.
  const shown: EnterpriseFile = {
    basic: sections.basic.editable ? basic.draft : view.file.basic,
    needs: sections.needs.editable ? needs.draft : view.file.needs,
    results: sections.results.editable ? results.draft : view.file.results,
    evaluation: sections.evaluation.editable ? evaluation.draft : view.file.evaluation,
  };
  const completeness = fileCompleteness(shown);
  const savedIds = useMemo(() => savedNeedIds(needs.server.content), [needs.server.content]);
  const county = countyByCode(entry.countyId);
  const common = { entry, writer, savedIds, editor: view.editor ?? null };

  return (
    <Flex vertical gap={16} data-testid="enterprise-file">
      <Card>
        <Flex vertical gap={8}>
          <Typography.Title level={4} style={{ margin: 0, textAlign: "center" }} data-testid="file-title">
            {enterpriseFileTitle(county?.name ?? "")}
          </Typography.Title>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: "name", label: FILE_FIELD_LABELS.enterpriseName, children: entry.enterprise.name },
              { key: "creditCode", label: FILE_FIELD_LABELS.creditCode, children: entry.enterprise.creditCode },
            ]}
          />
          <Flex gap={16} wrap align="center">
            <Typography.Text strong>{t("completeness")}</Typography.Text>
            <Progress
              style={{ flex: 1, minWidth: 200, margin: 0 }}
              percent={completeness.percentage}
              status={completeness.complete ? "success" : "normal"}
              data-testid="file-completeness"
              data-percentage={completeness.percentage}
            />
          </Flex>
          <Flex gap={16} wrap>
            {FILE_SECTION_KEYS.map((key) => (
              <Typography.Text key={key} type="secondary" data-testid={`file-completeness-${key}`}>
                {FILE_SECTION_TITLES[key]}：
                {t("sectionFilled", { filled: completeness.sections[key].filled, required: completeness.sections[key].required })}
              </Typography.Text>
            ))}
          </Flex>
        </Flex>
      </Card>
      <FileSectionCard
        section="basic"
        editor={basic}
        meta={sections.basic}
        saved={view.file.basic}
        renderForm={(props) => <BasicSectionForm {...props} {...common} onChange={basic.change} />}
      />
      <FileSectionCard
        section="needs"
        editor={needs}
        meta={sections.needs}
        saved={view.file.needs}
        renderForm={(props) => <NeedsSectionForm {...props} {...common} onChange={needs.change} />}
      />
      <FileSectionCard
        section="results"
        editor={results}
        meta={sections.results}
        saved={view.file.results}
        renderForm={(props) => <ResultsSectionForm {...props} {...common} onChange={results.change} />}
      />
      <FileSectionCard
        section="evaluation"
        editor={evaluation}
        meta={sections.evaluation}
        saved={view.file.evaluation}
        renderForm={(props) => <EvaluationSectionForm {...props} {...common} onChange={evaluation.change} />}
      />
      <Card size="small" title={t("notes")}>
        <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="file-template-notes">
          {FILE_TEMPLATE_NOTES.map((note) => (
            <li key={note}>
              <Typography.Text type="secondary">{note}</Typography.Text>
            </li>
          ))}
        </ol>
      </Card>
    </Flex>
  );
}

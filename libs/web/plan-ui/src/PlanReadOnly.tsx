import {
  computePlan,
  formatRatio,
  isRichTextEmpty,
  PLAN_COMMENT_GENERAL,
  PLAN_COVER_LABELS,
  PLAN_FIELD_LABELS,
  PLAN_SECTION_KEYS,
  PLAN_SECTION_TITLES,
  PLAN_TABLE_ROWS,
  planCommentTargetLabel,
  planRowLabelCells,
  planFieldValues,
  planSubIndustriesLine,
  subIndustryDisplayName,
  type ImplementationPlanContent,
  type PlanCluster,
  type PlanComputed,
  type PlanRatio,
  type PlanSubIndustry,
} from "@dtpilot/domain";
import { Card, Descriptions, Flex, Table, Typography, type TableColumnsType } from "antd";
import { useMemo, type ReactNode } from "react";
import { AnnotatedValue, PlanFieldComments, planCommentsByTarget } from "./PlanComments";
import { usePlanTranslation } from "./plan-i18n";
import { RichTextView } from "./RichTextView";
import type { PlanComment, PlanCommentSlot, PlanView } from "./types";

export interface PlanReadOnlyProps {
  plan: PlanView;
  /**
   * The comments to show beside `target`. By default: the plan's comments on it made on the viewed version or an
   * earlier one (a county reading its returned plan sees what the reviewers said about each field).
   */
  commentsFor?: (target: string) => readonly PlanComment[];
  /** Rendered beside every field and section a comment may point at (a reviewer's "add comment" control). */
  commentSlot?: PlanCommentSlot;
}

/** Puts the comments and the slot of a target beside a value. */
type Annotate = (target: string | undefined, value: ReactNode) => ReactNode;

/** The target of comments on the data table's computed 合计 column. */
const TOTALS_TARGET = "dataTable.totals";

/**
 * A plan version as its reader sees it: the cover, sections 一–五 and the 实施方案主要数据表 laid out like the template
 * (one column per sub-industry, then 合计; B and the shares computed), with the reviewers' comments beside each
 * field and section.
 */
export function PlanReadOnly({ plan, commentsFor, commentSlot }: PlanReadOnlyProps) {
  const { t } = usePlanTranslation();
  const content = plan.version.content;
  const byTarget = useMemo(() => planCommentsByTarget(plan.comments, plan.version.number), [plan.comments, plan.version.number]);
  const labels = useMemo(() => new Map(planFieldValues(content).map((entry) => [entry.path, entry.label])), [content]);

  const annotate: Annotate = (target, value) => {
    if (!target) return value;
    const comments = commentsFor ? commentsFor(target) : (byTarget.get(target) ?? []);
    const label = labels.get(target) ?? planCommentTargetLabel(content, target);
    return (
      <AnnotatedValue target={target} comments={comments} slot={commentSlot?.(target, label)}>
        {value}
      </AnnotatedValue>
    );
  };

  const empty = <Typography.Text type="secondary">{t("empty")}</Typography.Text>;
  const text = (value: string) => (value.trim() ? <span style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{value}</span> : empty);

  // 总体意见 shows when there are some, or when the reviewer screen puts something there.
  const generalComments = commentsFor ? commentsFor(PLAN_COMMENT_GENERAL) : (byTarget.get(PLAN_COMMENT_GENERAL) ?? []);
  const generalSlot = commentSlot?.(PLAN_COMMENT_GENERAL, planCommentTargetLabel(content, PLAN_COMMENT_GENERAL));

  return (
    <Flex vertical gap={16} data-testid="plan-read-only" data-version={plan.version.number}>
      {generalComments.length > 0 || generalSlot ? (
        <Card size="small" title={t("readOnly.generalComments")} extra={generalSlot} data-testid="plan-general">
          <PlanFieldComments target={PLAN_COMMENT_GENERAL} comments={generalComments} />
        </Card>
      ) : null}

      <Card title={t("readOnly.cover")} data-testid="plan-cover">
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 240 } }}
          items={[
            { key: "countyName", label: PLAN_COVER_LABELS.countyName, children: annotate("cover.countyName", text(content.cover.countyName)) },
            {
              key: "recommendingCity",
              label: PLAN_COVER_LABELS.recommendingCity,
              children: annotate("cover.recommendingCity", text(content.cover.recommendingCity)),
            },
            { key: "subIndustries", label: PLAN_COVER_LABELS.subIndustries, children: text(planSubIndustriesLine(content.dataTable)) },
            { key: "contact", label: PLAN_COVER_LABELS.contact, children: annotate("cover.contact", text(content.cover.contact)) },
          ]}
        />
      </Card>

      {PLAN_SECTION_KEYS.map((key) => {
        const target = `sections.${key}`;
        const doc = content.sections[key];
        return (
          <Card key={key} title={PLAN_SECTION_TITLES[key]} data-testid={`plan-section-${key}`}>
            {annotate(target, isRichTextEmpty(doc) ? empty : <RichTextView doc={doc} />)}
          </Card>
        );
      })}

      <Card title={t("readOnly.dataTable")} data-testid="plan-data-table">
        <Flex vertical gap={16}>
          <PlanDataTableView content={content} annotate={annotate} text={text} />
          <Descriptions
            bordered
            size="small"
            column={1}
            layout="vertical"
            items={[
              {
                key: "chainTransformationMode",
                label: <span data-plan-label="">{PLAN_FIELD_LABELS.chainTransformationMode}</span>,
                children: annotate("dataTable.chainTransformationMode", text(content.dataTable.chainTransformationMode)),
              },
              {
                key: "distinctivePractices",
                label: <span data-plan-label="">{PLAN_FIELD_LABELS.distinctivePractices}</span>,
                children: annotate("dataTable.distinctivePractices", text(content.dataTable.distinctivePractices)),
              },
            ]}
          />
        </Flex>
      </Card>
    </Flex>
  );
}

interface Column {
  clusterIndex: number;
  subIndustryIndex: number;
  cluster: PlanCluster;
  row: PlanSubIndustry;
  computed: PlanComputed;
}

interface Cell {
  value: ReactNode;
  /** The field's path, when a comment may point at it. */
  target?: string;
}

interface DataRow {
  key: string;
  kind: "heading" | "whole" | "values";
  label: ReactNode;
  cells: Cell[];
  total: ReactNode;
}

/** Marks a label of the template, so a test can read the labels in the order the view shows them. */
const TEMPLATE_LABEL = { "data-plan-label": "" };

function Label({ lines, group }: { lines: readonly string[]; group?: string }) {
  const [main, note] = lines;
  return (
    <Flex vertical>
      {group ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} {...TEMPLATE_LABEL}>
          {group}
        </Typography.Text>
      ) : null}
      <span {...TEMPLATE_LABEL}>{main}</span>
      {note ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} {...TEMPLATE_LABEL}>
          {note}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

function ratioText(ratio: PlanRatio) {
  return <span data-ratio="">{formatRatio(ratio)}</span>;
}

/**
 * The 主要数据表 in the domain's layout (PLAN_TABLE_ROWS), one value column per “集群—细分行业” and a 合计 column; a block
 * heading spanning rows in the documents is a heading row here, a merged group is named on its first row.
 */
function PlanDataTableView({
  content,
  annotate,
  text,
}: {
  content: ImplementationPlanContent;
  annotate: Annotate;
  text: (value: string) => ReactNode;
}) {
  const { t } = usePlanTranslation();
  const table = content.dataTable;
  const computation = useMemo(() => computePlan(table), [table]);

  const columns: Column[] = computation.subIndustries.flatMap(({ clusterIndex, subIndustryIndex, computed }) => {
    const cluster = table.clusters[clusterIndex];
    const row = cluster?.subIndustries[subIndustryIndex];
    return cluster && row ? [{ clusterIndex, subIndustryIndex, cluster, row, computed }] : [];
  });
  const rowPath = (column: Column) => `dataTable.clusters.${column.clusterIndex}.subIndustries.${column.subIndustryIndex}`;
  const { totals, totalComputed } = computation;

  const rows: DataRow[] = [];
  const values = (key: string, label: ReactNode, cell: (column: Column) => Cell, total: ReactNode = null) =>
    rows.push({ key, kind: "values", label, cells: columns.map(cell), total });

  for (const [index, row] of PLAN_TABLE_ROWS.entries()) {
    const labelCells = planRowLabelCells(index);
    const block = labelCells.find((cell) => cell.column === "block");
    if (block && row.block) {
      rows.push({ key: row.block, kind: "heading", label: <Typography.Text strong {...TEMPLATE_LABEL}>{block.lines[0]}</Typography.Text>, cells: [], total: null });
    }
    const group = labelCells.find((cell) => cell.column === "group")?.lines[0];
    const lines = labelCells.find((cell) => cell.column === "label")?.lines ?? [row.label];
    const label = <Label lines={lines} {...(group ? { group } : {})} />;
    switch (row.kind) {
      case "countyName":
        rows.push({ key: row.kind, kind: "whole", label, cells: [{ value: text(table.countyName) }], total: null });
        break;
      case "clusterName":
        values(row.kind, label, (column) =>
          // A cluster's name is one field, shown over each of its sub-industries; comments sit beside its first one.
          column.subIndustryIndex === 0
            ? { value: text(column.cluster.name), target: `dataTable.clusters.${column.clusterIndex}.name` }
            : { value: text(column.cluster.name) },
        );
        break;
      case "subIndustryName":
        values(row.kind, label, (column) => ({
          value: column.row.name.trim() ? subIndustryDisplayName(column.cluster, column.row) : text(""),
          target: `${rowPath(column)}.name`,
        }));
        break;
      case "industrialChain1650":
        values(row.kind, label, (column) => ({ value: text(column.row.industrialChain1650), target: `${rowPath(column)}.industrialChain1650` }));
        break;
      case "industrialOutputValue":
        values(
          row.kind,
          label,
          (column) => ({ value: text(column.row.base.industrialOutputValue), target: `${rowPath(column)}.base.industrialOutputValue` }),
          totals.industrialOutputValue ?? "—",
        );
        break;
      case "count": {
        const value = (column: Column) => (row.part === "base" ? column.row.base[row.field] : column.row.targets[row.field]);
        values(row.field, label, (column) => ({ value: value(column), target: `${rowPath(column)}.${row.part}.${row.field}` }), totals[row.field]);
        break;
      }
      case "plannedTotal":
        values(row.kind, label, (column) => ({ value: column.computed.plannedTotal }), totalComputed.plannedTotal);
        break;
      case "share":
        values(
          row.share,
          row.formulaText ? (
            <Flex gap={8} wrap align="baseline">
              <span {...TEMPLATE_LABEL}>{row.label}</span>
              <Typography.Text type="secondary" title={t("readOnly.formula")} {...TEMPLATE_LABEL}>
                {row.formulaText}
              </Typography.Text>
            </Flex>
          ) : (
            label
          ),
          (column) => ({ value: ratioText(column.computed[row.share]) }),
          ratioText(totalComputed[row.share]),
        );
        break;
    }
  }

  const span = columns.length + 1;
  const tableColumns: TableColumnsType<DataRow> = [
    {
      key: "label",
      title: t("readOnly.item"),
      width: 300,
      fixed: "start",
      onCell: (row) => ({ colSpan: row.kind === "heading" ? span + 1 : 1 }),
      render: (_, row) => row.label,
    },
    ...columns.map((column, index) => ({
      key: `column-${index}`,
      title: subIndustryDisplayName(column.cluster, column.row),
      width: 200,
      onCell: (row: DataRow) => ({ colSpan: row.kind === "heading" ? 0 : row.kind === "whole" ? (index === 0 ? span : 0) : 1 }),
      render: (_: unknown, row: DataRow) => {
        const cell = row.kind === "whole" ? row.cells[0] : row.cells[index];
        return cell ? annotate(cell.target, cell.value) : null;
      },
    })),
    {
      key: "total",
      title: annotate(TOTALS_TARGET, t("readOnly.total")),
      width: 160,
      onCell: (row) => ({ colSpan: row.kind === "values" ? 1 : 0 }),
      render: (_, row) => row.total,
    },
  ];

  return (
    <Table<DataRow>
      rowKey="key"
      size="small"
      bordered
      pagination={false}
      columns={tableColumns}
      dataSource={rows}
      scroll={{ x: "max-content" }}
      data-testid="plan-data-table-grid"
    />
  );
}

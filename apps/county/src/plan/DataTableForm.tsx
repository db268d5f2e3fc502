import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  charCount,
  formatRatio,
  industrialSystem1650Options,
  PLAN_CLUSTERS_MAX,
  PLAN_FIELD_LABELS,
  PLAN_NAME_MAX_CHARS,
  PLAN_SECTION_TITLES,
  PLAN_TABLE_ROWS,
  PLAN_TEXT_MAX_CHARS,
  planRowLabelCells,
  subIndustryDisplayName,
  type PlanComputation,
  type PlanComputed,
  type PlanDataTable,
  type PlanFieldError,
  type PlanSubIndustry,
  type PlanTableRow,
} from "@dtpilot/domain";
import { AutoComplete, Button, Flex, Input, Popconfirm, Typography, theme } from "antd";
import { memo, type CSSProperties, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CountField, FieldCell, fieldTestId } from "./PlanFields";
import {
  addCluster,
  addSubIndustry,
  dataTablePath,
  removeCluster,
  removeSubIndustry,
  subIndustryPath,
  withBaseCount,
  withClusterName,
  withSubIndustry,
  withTarget,
} from "./plan-form-state";

const OPTIONS_1650 = industrialSystem1650Options().map((value) => ({ value }));

type CountRow = Extract<PlanTableRow, { kind: "count" }>;

/** Marks a label of the template, so a test can read the labels in the order the form shows them. */
const TEMPLATE_LABEL = { "data-plan-label": "" };

interface Column {
  clusterIndex: number;
  subIndustryIndex: number;
  row: PlanSubIndustry;
  displayName: string;
  computed: PlanComputed;
}

interface DataTableFormProps {
  table: PlanDataTable;
  computation: PlanComputation;
  errors: ReadonlyMap<string, PlanFieldError[]>;
  onChange: (change: (table: PlanDataTable) => PlanDataTable) => void;
}

/**
 * 附：实施方案主要数据表 in the domain's layout (PLAN_TABLE_ROWS, as the documents print it): the guide's items down the
 * side, one column per sub-industry (细分行业, under its 特色产业集群), and a 合计 column when there are several. Totals
 * and ratios are computed by @dtpilot/domain, never typed.
 */
export const DataTableForm = memo(function DataTableForm({ table, computation, errors, onChange }: DataTableFormProps) {
  const { t } = useTranslation("county");
  const { token } = theme.useToken();

  const columns: Column[] = table.clusters.flatMap((cluster, clusterIndex) =>
    cluster.subIndustries.map((row, subIndustryIndex) => ({
      clusterIndex,
      subIndustryIndex,
      row,
      displayName: subIndustryDisplayName(cluster, row),
      computed:
        computation.subIndustries.find((entry) => entry.clusterIndex === clusterIndex && entry.subIndustryIndex === subIndustryIndex)
          ?.computed ?? computation.totalComputed,
    })),
  );
  const showTotals = columns.length > 1;
  const width = 2 + columns.length + (showTotals ? 1 : 0);

  const border = `1px solid ${token.colorBorderSecondary}`;
  const cell: CSSProperties = { border, padding: "6px 8px", verticalAlign: "top", minWidth: 200 };
  const labelCell: CSSProperties = {
    ...cell,
    minWidth: 0,
    width: 300,
    textAlign: "left",
    fontWeight: 500,
    background: token.colorFillAlter,
  };
  const headingCell: CSSProperties = { ...labelCell, width: undefined, textAlign: "center", letterSpacing: "0.3em", background: token.colorFillSecondary };
  const totalCell: CSSProperties = { ...cell, background: token.colorFillQuaternary, fontVariantNumeric: "tabular-nums" };

  const changeRow = (column: Column, change: (row: PlanSubIndustry) => PlanSubIndustry) =>
    onChange((current) => withSubIndustry(current, column.clusterIndex, column.subIndustryIndex, change));

  const countCells = (row: CountRow) => (
    <>
      {columns.map((column) => {
        const path = subIndustryPath(column.clusterIndex, column.subIndustryIndex, row.part, row.field);
        return (
          <td key={path} style={cell}>
            <CountField
              path={path}
              label={row.label}
              value={row.part === "base" ? column.row.base[row.field] : column.row.targets[row.field]}
              errors={errors.get(path)}
              onChange={(value) =>
                changeRow(column, (current) =>
                  row.part === "base" ? withBaseCount(current, row.field, value) : withTarget(current, row.field, value),
                )
              }
            />
          </td>
        );
      })}
      {showTotals ? (
        <td style={totalCell} {...(row.part === "targets" ? { "data-testid": `plan-total-${row.field}` } : {})}>
          {computation.totals[row.field]}
        </td>
      ) : null}
    </>
  );

  const computedValue = (computed: PlanComputed, key: keyof PlanComputed) =>
    key === "plannedTotal" ? String(computed.plannedTotal) : formatRatio(computed[key]);

  const computedCells = (key: keyof PlanComputed) => (
    <>
      {columns.map((column) => (
        <td key={`${column.clusterIndex}-${column.subIndustryIndex}`} style={totalCell}>
          <span data-testid={`plan-computed-${column.clusterIndex}-${column.subIndustryIndex}-${key}`}>{computedValue(column.computed, key)}</span>
        </td>
      ))}
      {showTotals ? (
        <td style={totalCell}>
          <span data-testid={`plan-computed-totals-${key}`}>{computedValue(computation.totalComputed, key)}</span>
        </td>
      ) : null}
    </>
  );

  const countyNameCells = () => (
    <>
      <td colSpan={width - 2} style={cell} data-testid="plan-field-dataTable.countyName">
        {table.countyName}
      </td>
    </>
  );
  const clusterNameCells = () => (
    <>
      {table.clusters.map((cluster, clusterIndex) => {
        const path = dataTablePath("clusters", clusterIndex, "name");
        return (
          <td key={path} colSpan={cluster.subIndustries.length} style={cell}>
            <Flex vertical gap={6}>
              <FieldCell path={path} errors={errors.get(path)}>
                <Input
                  id={path}
                  aria-label={PLAN_FIELD_LABELS.clusterName}
                  data-testid={fieldTestId(path)}
                  maxLength={PLAN_NAME_MAX_CHARS}
                  value={cluster.name}
                  onChange={(event) => onChange((current) => withClusterName(current, clusterIndex, event.target.value))}
                />
              </FieldCell>
              <Flex gap={4} wrap>
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => onChange((current) => addSubIndustry(current, clusterIndex))}
                  data-testid={`plan-add-subindustry-${clusterIndex}`}
                >
                  {t("plan.dataTable.addSubIndustry")}
                </Button>
                {table.clusters.length > 1 ? (
                  <Popconfirm
                    title={t("plan.dataTable.removeClusterConfirm")}
                    okText={t("plan.dataTable.remove")}
                    cancelText={t("plan.cancel")}
                    onConfirm={() => onChange((current) => removeCluster(current, clusterIndex))}
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} data-testid={`plan-remove-cluster-${clusterIndex}`}>
                      {t("plan.dataTable.removeCluster")}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            </Flex>
          </td>
        );
      })}
      {showTotals ? <td style={totalCell} /> : null}
    </>
  );
  const subIndustryNameCells = () => (
    <>
      {columns.map((column) => {
        const path = subIndustryPath(column.clusterIndex, column.subIndustryIndex, "name");
        const siblings = table.clusters[column.clusterIndex]?.subIndustries.length ?? 1;
        return (
          <td key={path} style={cell}>
            <Flex vertical gap={4}>
              <FieldCell path={path} errors={errors.get(path)}>
                <Input
                  id={path}
                  aria-label={PLAN_FIELD_LABELS.subIndustryName}
                  data-testid={fieldTestId(path)}
                  maxLength={PLAN_NAME_MAX_CHARS}
                  placeholder={t("plan.dataTable.subIndustryPlaceholder")}
                  value={column.row.name}
                  onChange={(event) => changeRow(column, (row) => ({ ...row, name: event.target.value }))}
                />
              </FieldCell>
              <Typography.Text type="secondary" data-testid={`plan-subindustry-display-${column.clusterIndex}-${column.subIndustryIndex}`}>
                {column.displayName}
              </Typography.Text>
              {siblings > 1 ? (
                <Popconfirm
                  title={t("plan.dataTable.removeSubIndustryConfirm")}
                  okText={t("plan.dataTable.remove")}
                  cancelText={t("plan.cancel")}
                  onConfirm={() => onChange((current) => removeSubIndustry(current, column.clusterIndex, column.subIndustryIndex))}
                >
                  <Button
                    size="small"
                    danger
                    type="text"
                    icon={<DeleteOutlined />}
                    data-testid={`plan-remove-subindustry-${column.clusterIndex}-${column.subIndustryIndex}`}
                  >
                    {t("plan.dataTable.removeSubIndustry")}
                  </Button>
                </Popconfirm>
              ) : null}
            </Flex>
          </td>
        );
      })}
      {showTotals ? <td style={totalCell} /> : null}
    </>
  );
  const industrialChain1650Cells = () => (
    <>
      {columns.map((column) => {
        const path = subIndustryPath(column.clusterIndex, column.subIndustryIndex, "industrialChain1650");
        return (
          <td key={path} style={cell}>
            <FieldCell path={path} errors={errors.get(path)}>
              <AutoComplete
                options={OPTIONS_1650}
                value={column.row.industrialChain1650}
                onChange={(value: string) => changeRow(column, (row) => ({ ...row, industrialChain1650: value }))}
                showSearch={{
                  filterOption: (input, option) => String(option?.value ?? "").includes(input.trim()),
                }}
                popupMatchSelectWidth={false}
                style={{ width: "100%" }}
              >
                <Input id={path} aria-label={PLAN_FIELD_LABELS.industrialChain1650} data-testid={fieldTestId(path)} maxLength={PLAN_NAME_MAX_CHARS} />
              </AutoComplete>
            </FieldCell>
          </td>
        );
      })}
      {showTotals ? <td style={totalCell} /> : null}
    </>
  );
  const industrialOutputValueCells = () => (
    <>
      {columns.map((column) => {
        const path = subIndustryPath(column.clusterIndex, column.subIndustryIndex, "base", "industrialOutputValue");
        return (
          <td key={path} style={cell}>
            <FieldCell path={path} errors={errors.get(path)}>
              <Input
                id={path}
                inputMode="decimal"
                autoComplete="off"
                aria-label={PLAN_FIELD_LABELS.industrialOutputValue}
                data-testid={fieldTestId(path)}
                maxLength={40}
                value={column.row.base.industrialOutputValue}
                onChange={(event) =>
                  changeRow(column, (row) => ({ ...row, base: { ...row.base, industrialOutputValue: event.target.value } }))
                }
              />
            </FieldCell>
          </td>
        );
      })}
      {showTotals ? (
        <td style={totalCell} data-testid="plan-total-industrialOutputValue">
          {computation.totals.industrialOutputValue ?? "—"}
        </td>
      ) : null}
    </>
  );

  const valueCells = (row: PlanTableRow) => {
    switch (row.kind) {
      case "countyName":
        return countyNameCells();
      case "clusterName":
        return clusterNameCells();
      case "subIndustryName":
        return subIndustryNameCells();
      case "industrialChain1650":
        return industrialChain1650Cells();
      case "industrialOutputValue":
        return industrialOutputValueCells();
      case "count":
        return countCells(row);
      case "plannedTotal":
        return computedCells("plannedTotal");
      case "share":
        return computedCells(row.share);
    }
  };

  /** The row's label cells after its block (a heading row here): the group (拟改造企业, 占比) and the label. */
  const labelHeaders = (row: PlanTableRow, index: number) => {
    const derived = row.kind === "share";
    return planRowLabelCells(index)
      .filter((label) => label.column !== "block")
      .map((label) => {
        if (label.column === "group") {
          return (
            <th key="group" rowSpan={label.down} style={{ ...labelCell, width: 96, ...(derived ? { fontWeight: 400 } : {}) }} scope={label.down > 1 ? "rowgroup" : "row"}>
              <span {...TEMPLATE_LABEL}>{label.lines[0]}</span>
            </th>
          );
        }
        const [main, note] = label.lines;
        return (
          <th key="label" colSpan={label.across > 1 ? 2 : undefined} style={derived ? { ...labelCell, fontWeight: 400, paddingLeft: 24 } : labelCell} scope="row">
            {row.kind === "share" && row.formulaText ? (
              <Typography.Text type="secondary" {...TEMPLATE_LABEL}>
                {main}
              </Typography.Text>
            ) : (
              <span {...TEMPLATE_LABEL}>{main}</span>
            )}
            {note ? (
              <Typography.Text type="secondary" style={{ display: "block", fontWeight: 400 }} {...TEMPLATE_LABEL}>
                {note}
              </Typography.Text>
            ) : null}
            {row.kind === "share" && row.share === "aboveScaleStandardLevelShare" ? (
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {t("plan.dataTable.standardLevelFormula")}
              </Typography.Text>
            ) : null}
          </th>
        );
      });
  };

  const heading = (key: string, label: ReactNode) => (
    <tr key={key}>
      <th colSpan={width} style={headingCell}>
        {label}
      </th>
    </tr>
  );

  /** A block starts with its heading row; section 二's rows, which the template's table lacks, under its title. */
  const tableRows = PLAN_TABLE_ROWS.flatMap((row, index) => {
    const block = planRowLabelCells(index).find((label) => label.column === "block");
    const previous = PLAN_TABLE_ROWS[index - 1];
    return [
      ...(block && row.block ? [heading(row.block, <span {...TEMPLATE_LABEL}>{block.lines[0]}</span>)] : []),
      ...(row.goals && !previous?.goals ? [heading("goals", PLAN_SECTION_TITLES.goals)] : []),
      <tr key={index}>
        {labelHeaders(row, index)}
        {valueCells(row)}
      </tr>,
    ];
  });

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Button
          icon={<PlusOutlined />}
          disabled={table.clusters.length >= PLAN_CLUSTERS_MAX}
          onClick={() => onChange(addCluster)}
          data-testid="plan-add-cluster"
        >
          {t("plan.dataTable.addCluster")}
        </Button>
        <Typography.Text type="secondary">{t("plan.dataTable.clustersHint", { max: PLAN_CLUSTERS_MAX })}</Typography.Text>
      </Flex>
      <div style={{ overflowX: "auto" }} data-plan-path="dataTable.totals">
        <table style={{ borderCollapse: "collapse", width: "100%", minWidth: 300 + 220 * (width - 2) }} data-testid="plan-data-table">
          <thead>
            <tr>
              <th colSpan={2} style={headingCell}>
                {t("plan.dataTable.item")}
              </th>
              {columns.map((column) => (
                <th
                  key={`${column.clusterIndex}-${column.subIndustryIndex}`}
                  style={{ ...headingCell, letterSpacing: 0 }}
                  scope="col"
                  data-testid={`plan-subindustry-${column.clusterIndex}-${column.subIndustryIndex}`}
                >
                  {column.row.name.trim() || table.clusters[column.clusterIndex]?.name.trim()
                    ? column.displayName
                    : t("plan.dataTable.untitledSubIndustry", { number: columns.indexOf(column) + 1 })}
                </th>
              ))}
              {showTotals ? (
                <th style={{ ...headingCell, letterSpacing: 0 }} scope="col">
                  {t("plan.dataTable.totals")}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>{tableRows}</tbody>
        </table>
      </div>
      <LimitedText field="chainTransformationMode" table={table} errors={errors} onChange={onChange} />
      <LimitedText field="distinctivePractices" table={table} errors={errors} onChange={onChange} />
    </Flex>
  );
});

/** “链式”转型模式 / 特色做法及模式: free text, counted in characters against 不超过200字 (red past it, never cut). */
function LimitedText({
  field,
  table,
  errors,
  onChange,
}: {
  field: "chainTransformationMode" | "distinctivePractices";
  table: PlanDataTable;
  errors: ReadonlyMap<string, PlanFieldError[]>;
  onChange: DataTableFormProps["onChange"];
}) {
  const path = dataTablePath(field);
  return (
    <div>
      <label htmlFor={path} style={{ display: "block", marginBottom: 4, fontWeight: 500 }} {...TEMPLATE_LABEL}>
        {PLAN_FIELD_LABELS[field]}
      </label>
      <FieldCell path={path} errors={errors.get(path)}>
        <Input.TextArea
          id={path}
          aria-label={PLAN_FIELD_LABELS[field]}
          data-testid={fieldTestId(path)}
          autoSize={{ minRows: 3, maxRows: 10 }}
          value={table[field]}
          onChange={(event) => onChange((current) => ({ ...current, [field]: event.target.value }))}
          count={{
            max: PLAN_TEXT_MAX_CHARS,
            strategy: charCount,
            show: ({ count, maxLength }) => (
              <span data-testid={`plan-count-${path}`} data-over={count > (maxLength ?? PLAN_TEXT_MAX_CHARS) ? "true" : "false"}>
                {count}/{maxLength ?? PLAN_TEXT_MAX_CHARS}
              </span>
            ),
          }}
        />
      </FieldCell>
    </div>
  );
}

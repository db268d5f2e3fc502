import { LIST_PAGE_SIZES } from "@dtpilot/domain";
import { Flex, Table, Tag, type TableColumnsType, type TableProps } from "antd";
import type { HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CompletenessCell } from "./CompletenessCell";
import { ROSTER_SORT_KEYS, type RosterSort, type RosterSortKey } from "./roster-filters";
import type { PilotEnterpriseView } from "./roster-types";

/** A row as shown: the entry and its 序号 in the whole (filtered, sorted) list, counted across pages. */
export type RosterRow = PilotEnterpriseView & { serial: number };

function isSortKey(key: unknown): key is RosterSortKey {
  return typeof key === "string" && (ROSTER_SORT_KEYS as readonly string[]).includes(key);
}

export interface RosterPagination {
  page: number;
  pageSize: number;
  total: number;
}

/**
 * One page of the roster, as the server filtered, sorted and paged it: the table's sorter and pagination are
 * controlled, and each change goes back to the page (and its URL) to be asked for.
 */
export function RosterTable({
  rows,
  loading,
  sort,
  pagination,
  onSort,
  onPage,
  basePath,
}: {
  rows: RosterRow[];
  loading: boolean;
  sort: RosterSort | null;
  pagination: RosterPagination;
  onSort: (sort: RosterSort | null) => void;
  onPage: (page: number, pageSize: number) => void;
  basePath: string;
}) {
  const { t } = useTranslation("county");
  const sortOrder = (key: RosterSortKey) => (sort?.key === key ? sort.direction : null);
  const none = t("common.none", { ns: "common" });

  const columns: TableColumnsType<RosterRow> = [
    { key: "serial", title: t("roster.columns.serial"), dataIndex: "serial", width: 64 },
    {
      key: "name",
      title: t("roster.columns.name"),
      sorter: true,
      sortOrder: sortOrder("name"),
      render: (_, row) => <Link to={`${basePath}/roster/${row.id}`}>{row.enterprise.name}</Link>,
    },
    { key: "creditCode", title: t("roster.columns.creditCode"), render: (_, row) => <span style={{ fontFamily: "monospace" }}>{row.enterprise.creditCode}</span> },
    { key: "subIndustry", title: t("roster.columns.subIndustry"), dataIndex: "subIndustry" },
    { key: "scale", title: t("roster.table.scale"), render: (_, row) => t(`roster.scales.${row.scale}`) },
    { key: "specialised", title: t("roster.table.specialised"), render: (_, row) => (row.specialised ? t("roster.yes") : t("roster.no")) },
    {
      key: "revenue",
      title: t("roster.columns.lastYearRevenue"),
      align: "right",
      sorter: true,
      sortOrder: sortOrder("revenue"),
      render: (_, row) => row.lastYearRevenue ?? none,
    },
    {
      key: "providers",
      title: t("roster.table.providers"),
      render: (_, row) =>
        row.providers.length > 0 ? (
          <Flex gap={4} wrap>
            {row.providers.map((provider) => (
              <Tag key={provider.id}>{provider.name}</Tag>
            ))}
          </Flex>
        ) : (
          none
        ),
    },
    {
      key: "completeness",
      title: t("roster.table.completeness"),
      sorter: true,
      sortOrder: sortOrder("completeness"),
      render: (_, row) => <CompletenessCell entry={row} />,
    },
    {
      key: "status",
      title: t("roster.table.status"),
      render: (_, row) => <Tag color={row.status === "ACTIVE" ? "green" : "default"}>{t(`roster.statuses.${row.status}`)}</Tag>,
    },
  ];

  const onChange: TableProps<RosterRow>["onChange"] = (changed, _filters, sorter, extra) => {
    if (extra.action === "sort") {
      const chosen = Array.isArray(sorter) ? sorter[0] : sorter;
      onSort(chosen?.order && isSortKey(chosen.columnKey) ? { key: chosen.columnKey, direction: chosen.order } : null);
    } else if (extra.action === "paginate") {
      onPage(changed.current ?? 1, changed.pageSize ?? pagination.pageSize);
    }
  };

  return (
    <Table<RosterRow>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      columns={columns}
      onChange={onChange}
      scroll={{ x: "max-content" }}
      pagination={{
        current: pagination.page,
        pageSize: pagination.pageSize,
        total: pagination.total,
        showSizeChanger: true,
        pageSizeOptions: LIST_PAGE_SIZES.map(String),
        showTotal: (count) => t("roster.shown", { count }),
      }}
      data-testid="roster-table"
      onRow={(row) => ({ "data-testid": `roster-row-${row.enterprise.creditCode}` }) as HTMLAttributes<HTMLElement>}
    />
  );
}

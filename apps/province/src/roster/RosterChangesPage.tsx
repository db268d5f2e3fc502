import { ENTERPRISE_SCALE_LABELS, ROSTER_CHANGE_KINDS, ROSTER_CHANGE_STATES, currentBatch, type RosterChangeKind, type RosterChangeState } from "@dtpilot/domain";
import { Can, subjectOf, useTRPC } from "@dtpilot/data-access";
import { currentLanguage, formatDateTime, PageLayout, QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import { useEmptiedPageGoesBack, usePagedList } from "@dtpilot/ui/paging";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Flex, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

type Decision = "APPROVE" | "REFUSE";
const STATUS_COLOURS = { PENDING: "processing", APPROVED: "success", REFUSED: "error" } as const;

/** The table's filters; another county starts again without them. */
interface Filter {
  status?: RosterChangeState;
  kind?: RosterChangeKind;
}

/**
 * 名单调整备案: a county's roster change requests (增加/删除/替换 with the county's reason), which its city approves
 * (备案同意) or refuses with a reason; the province and reviewers read the history. One page at a time from the server,
 * filtered by status and kind, with how many await a decision; the roster's size and state come with the list.
 */
export function RosterChangesPage() {
  const { t } = useTranslation("province");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const counties = useQuery(trpc.geography.listCounties.queryOptions());
  const batches = useQuery(trpc.geography.listBatches.queryOptions());
  const batch = useMemo(() => (batches.data ? currentBatch(batches.data, new Date()) : null), [batches.data]);
  const pilots = useMemo(
    () => (counties.data ?? []).filter((county) => batch !== null && county.pilots.some((pilot) => pilot.batchId === batch.id)),
    [counties.data, batch],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const countyId = chosen ?? pilots[0]?.code ?? null;
  const list = usePagedList<Filter>({});
  const { status, kind } = list.filter;
  const changes = useQuery({
    ...trpc.roster.listRosterChanges.queryOptions(
      { countyId: countyId ?? "", ...(status ? { status } : {}), ...(kind ? { kind } : {}), page: list.page, pageSize: list.pageSize },
      // The page on screen stays while the next one loads; another county's never stands in for this one's.
      { placeholderData: (previous) => (previous?.county.code === countyId ? previous : undefined) },
    ),
    enabled: countyId !== null,
  });
  // A decision can empty the last page of a filtered list: it goes back to the last page that has requests.
  useEmptiedPageGoesBack(list, changes.data, changes.isPlaceholderData);

  const [deciding, setDeciding] = useState<{ requestId: string; decision: Decision } | null>(null);
  const [comment, setComment] = useState("");
  const decide = useMutation(
    trpc.roster.decideRosterChange.mutationOptions({
      onSuccess: () => {
        setDeciding(null);
        setComment("");
        // Every roster query: the change lists (any page or filter) and the roster an approval changed.
        void queryClient.invalidateQueries({ queryKey: trpc.roster.pathKey() });
      },
    }),
  );

  if (counties.isPending || batches.isPending) return <RemoteLoading />;
  if (counties.isError) return <QueryErrorResult error={counties.error} onRetry={() => void counties.refetch()} />;
  const language = currentLanguage();
  const roster = changes.data?.roster;

  return (
    <PageLayout title={t("rosterChanges.title")}>
      <Flex vertical gap={16}>
        <Card>
          <Space wrap>
            <Typography.Text>{t("rosterChanges.county")}</Typography.Text>
            <Select
              style={{ minWidth: 200 }}
              value={countyId ?? undefined}
              onChange={(code: string) => {
                setChosen(code);
                list.reset({});
              }}
              options={pilots.map((county) => ({ value: county.code, label: `${county.city.name} ${county.name}` }))}
              data-testid="roster-changes-county"
              notFoundContent={t("rosterChanges.noCounties")}
            />
            {roster ? (
              <Typography.Text type="secondary" data-testid="roster-changes-roster">
                {t("rosterChanges.rosterSize", { count: roster.activeEntries, minimum: roster.minimum })}
                {roster.frozen ? ` · ${t("rosterChanges.frozen")}` : ""}
              </Typography.Text>
            ) : null}
          </Space>
        </Card>
        {changes.isError ? <QueryErrorResult error={changes.error} onRetry={() => void changes.refetch()} /> : null}
        <Card
          title={t("rosterChanges.requests")}
          extra={
            changes.data ? (
              <Tag color={changes.data.pendingCount > 0 ? "processing" : "default"} data-testid="roster-changes-pending">
                {t("rosterChanges.pending", { count: changes.data.pendingCount })}
              </Tag>
            ) : null
          }
        >
          <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
            <Radio.Group
              optionType="button"
              size="small"
              value={status ?? "ALL"}
              onChange={(event) => list.setFilter({ status: event.target.value === "ALL" ? undefined : (event.target.value as RosterChangeState) })}
              options={[
                { value: "ALL", label: t("rosterChanges.allStatuses") },
                ...ROSTER_CHANGE_STATES.map((value) => ({ value, label: t(`rosterChanges.statuses.${value}`) })),
              ]}
              data-testid="roster-changes-status"
            />
            <Select
              size="small"
              style={{ minWidth: 140 }}
              allowClear
              placeholder={t("rosterChanges.allKinds")}
              value={kind}
              onChange={(value: RosterChangeKind | undefined) => list.setFilter({ kind: value })}
              options={ROSTER_CHANGE_KINDS.map((value) => ({ value, label: t(`rosterChanges.kinds.${value}`) }))}
              data-testid="roster-changes-kind"
            />
          </Flex>
          <Table
            rowKey="id"
            size="small"
            loading={countyId !== null && (changes.isPending || changes.isPlaceholderData)}
            dataSource={changes.data?.items ?? []}
            pagination={list.pagination(changes.data?.total ?? 0, (count) => t("rosterChanges.total", { count }))}
            locale={{ emptyText: <Empty description={t("rosterChanges.none")} /> }}
            data-testid="roster-changes-table"
            onRow={(change) => ({ "data-testid": `roster-change-${change.id}`, "data-status": change.status }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: "kind", title: t("rosterChanges.kind"), render: (_, change) => <Tag>{t(`rosterChanges.kinds.${change.kind}`)}</Tag> },
              {
                key: "what",
                title: t("rosterChanges.what"),
                render: (_, change) => (
                  <Flex vertical>
                    {change.addition ? (
                      <span>
                        {t("rosterChanges.add")}：{change.addition.name}（{change.addition.creditCode}，{change.addition.subIndustry}，
                        {ENTERPRISE_SCALE_LABELS[change.addition.scale]}）
                      </span>
                    ) : null}
                    {change.removedPilotEnterpriseId ? (
                      <span>
                        {t("rosterChanges.remove")}：{change.removedEnterprise ? `${change.removedEnterprise.name}（${change.removedEnterprise.creditCode}）` : "—"}
                      </span>
                    ) : null}
                  </Flex>
                ),
              },
              { key: "reason", title: t("rosterChanges.reason"), dataIndex: "reason" },
              {
                key: "requested",
                title: t("rosterChanges.requested"),
                render: (_, change) => `${change.requestedBy.displayName} · ${formatDateTime(change.createdAt, language)}`,
              },
              {
                key: "status",
                title: t("rosterChanges.status"),
                render: (_, change) => (
                  <Flex vertical>
                    <Tag color={STATUS_COLOURS[change.status]}>{t(`rosterChanges.statuses.${change.status}`)}</Tag>
                    {change.decidedAt ? (
                      <Typography.Text type="secondary">
                        {change.decidedBy?.displayName} · {formatDateTime(change.decidedAt, language)}
                        {change.decisionComment ? `：${change.decisionComment}` : ""}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
              {
                key: "actions",
                title: t("rosterChanges.actions"),
                render: (_, change) =>
                  change.status === "PENDING" ? (
                    <Can I="review" this={subjectOf("RosterChangeRequest", { countyId: change.countyId })}>
                      <Space>
                        <Button type="primary" size="small" onClick={() => setDeciding({ requestId: change.id, decision: "APPROVE" })} data-testid="roster-change-approve">
                          {t("rosterChanges.approve")}
                        </Button>
                        <Button danger size="small" onClick={() => setDeciding({ requestId: change.id, decision: "REFUSE" })} data-testid="roster-change-refuse">
                          {t("rosterChanges.refuse")}
                        </Button>
                      </Space>
                    </Can>
                  ) : null,
              },
            ]}
          />
        </Card>
      </Flex>
      <Modal
        open={deciding !== null}
        title={deciding?.decision === "APPROVE" ? t("rosterChanges.approveTitle") : t("rosterChanges.refuseTitle")}
        okText={t("rosterChanges.confirm")}
        okButtonProps={{ "data-testid": "roster-change-confirm", disabled: deciding?.decision === "REFUSE" && !comment.trim() } as never}
        confirmLoading={decide.isPending}
        onCancel={() => setDeciding(null)}
        onOk={() => deciding && decide.mutate({ ...deciding, ...(comment.trim() ? { comment: comment.trim() } : {}) })}
      >
        <Flex vertical gap={8}>
          <Input.TextArea
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            placeholder={deciding?.decision === "REFUSE" ? t("rosterChanges.refuseReason") : t("rosterChanges.approveComment")}
            maxLength={1000}
            showCount
            data-testid="roster-change-comment"
          />
          {decide.isError ? <Alert type="error" showIcon title={decide.error.message} /> : null}
        </Flex>
      </Modal>
    </PageLayout>
  );
}

import { ENTERPRISE_SCALE_LABELS, ROSTER_CHANGE_STATES, normaliseCreditCode, parseRevenue, type PilotEnterpriseInput, type RosterChangeState } from "@dtpilot/domain";
import { useTRPC } from "@dtpilot/data-access";
import { apiErrorField, currentLanguage, formatDateTime } from "@dtpilot/ui";
import { useEmptiedPageGoesBack, usePagedList } from "@dtpilot/ui/paging";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Form, Input, Modal, Radio, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useWholeRoster } from "./use-whole-roster";

type Kind = "ADD" | "REMOVE" | "REPLACE";
const STATUS_COLOURS = { PENDING: "processing", APPROVED: "success", REFUSED: "error" } as const;

interface ChangeForm {
  kind: Kind;
  reason: string;
  removedPilotEnterpriseId?: string;
  name?: string;
  creditCode?: string;
  subIndustry?: string;
  scale?: "ABOVE" | "BELOW";
  specialised?: boolean;
  lastYearRevenue?: string;
}

/**
 * 名单调整: once the plan is approved the roster changes only through a request the city approves (备案同意). The
 * county asks here — 增加, 删除 or 替换, with the reason — and sees its requests with their decisions, a page at a
 * time from the server, optionally only those of one status.
 */
export function RosterChangesCard({ frozen, subIndustries }: { frozen: boolean; subIndustries: readonly string[] }) {
  const { t } = useTranslation("county");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = usePagedList<{ status?: RosterChangeState }>({});
  const { status } = list.filter;
  const changes = useQuery(
    // The page on screen stays while the next one loads.
    trpc.roster.listRosterChanges.queryOptions({ ...(status ? { status } : {}), page: list.page, pageSize: list.pageSize }, { placeholderData: keepPreviousData }),
  );
  useEmptiedPageGoesBack(list, changes.data, changes.isPlaceholderData);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ChangeForm>();
  const kind = Form.useWatch("kind", form) ?? "ADD";
  const request = useMutation(
    trpc.roster.requestRosterChange.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        form.resetFields();
        // Every roster query, the change list's pages and filters among them; the new request shows first.
        list.setPage(1);
        void queryClient.invalidateQueries({ queryKey: trpc.roster.pathKey() });
      },
      onError: (error) => {
        const field = apiErrorField(error)?.split(".").pop();
        if (field) form.setFields([{ name: field as keyof ChangeForm, errors: [error.message] }]);
      },
    }),
  );
  const language = currentLanguage();
  // The roster table shows one page: the entries to choose one for removal from are read from the whole roster, and
  // only while the form is choosing one.
  const roster = useWholeRoster(open && kind !== "ADD");
  const active = (roster.entries ?? []).filter((entry) => entry.status === "ACTIVE");

  const submit = (values: ChangeForm) => {
    const revenue = parseRevenue(values.lastYearRevenue ?? "");
    const addition: PilotEnterpriseInput | undefined =
      values.kind === "REMOVE"
        ? undefined
        : {
            name: values.name?.trim() ?? "",
            creditCode: normaliseCreditCode(values.creditCode ?? ""),
            subIndustry: values.subIndustry ?? "",
            scale: values.scale ?? "ABOVE",
            specialised: values.specialised ?? false,
            lastYearRevenue: revenue.ok ? revenue.value : (values.lastYearRevenue ?? "").trim(),
          };
    request.mutate({
      kind: values.kind,
      reason: values.reason,
      ...(addition ? { addition } : {}),
      ...(values.kind !== "ADD" && values.removedPilotEnterpriseId ? { removedPilotEnterpriseId: values.removedPilotEnterpriseId } : {}),
    });
  };

  return (
    <Card
      title={t("roster.changes.title")}
      data-testid="roster-changes"
      extra={
        frozen ? (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="roster-change-request">
            {t("roster.changes.request")}
          </Button>
        ) : null
      }
    >
      <Flex gap={16} wrap align="center" justify="space-between" style={{ marginBottom: 16 }}>
        <Radio.Group
          optionType="button"
          size="small"
          value={status ?? "ALL"}
          onChange={(event) => list.setFilter({ status: event.target.value === "ALL" ? undefined : (event.target.value as RosterChangeState) })}
          options={[
            { value: "ALL", label: t("roster.changes.all") },
            ...ROSTER_CHANGE_STATES.map((value) => ({ value, label: t(`roster.changes.statuses.${value}`) })),
          ]}
          data-testid="roster-changes-status"
        />
        {changes.data && changes.data.pendingCount > 0 ? (
          <Typography.Text type="secondary" data-testid="roster-changes-pending">
            {t("roster.changes.pending", { count: changes.data.pendingCount })}
          </Typography.Text>
        ) : null}
      </Flex>
      {changes.isError ? <Alert type="error" showIcon title={changes.error.message} style={{ marginBottom: 16 }} /> : null}
      <Table
        rowKey="id"
        size="small"
        loading={changes.isPending || changes.isPlaceholderData}
        dataSource={changes.data?.items ?? []}
        pagination={list.pagination(changes.data?.total ?? 0, (count) => t("roster.changes.total", { count }))}
        locale={{ emptyText: t("roster.changes.none") }}
        data-testid="roster-changes-table"
        columns={[
          { key: "kind", title: t("roster.changes.kind"), render: (_, change) => t(`roster.changes.kinds.${change.kind}`) },
          {
            key: "what",
            title: t("roster.changes.what"),
            render: (_, change) => (
              <>
                {change.addition ? <div>{t("roster.changes.adds", { name: change.addition.name, scale: ENTERPRISE_SCALE_LABELS[change.addition.scale] })}</div> : null}
                {change.removedPilotEnterpriseId ? <div>{t("roster.changes.removes", { name: change.removedEnterprise?.name ?? "—" })}</div> : null}
              </>
            ),
          },
          { key: "reason", title: t("roster.changes.reason"), dataIndex: "reason" },
          { key: "createdAt", title: t("roster.changes.requestedAt"), render: (_, change) => formatDateTime(change.createdAt, language) },
          {
            key: "status",
            title: t("roster.changes.status"),
            render: (_, change) => (
              <>
                <Tag color={STATUS_COLOURS[change.status]} data-testid={`roster-change-status-${change.id}`}>
                  {t(`roster.changes.statuses.${change.status}`)}
                </Tag>
                {change.decisionComment ? <Typography.Text type="secondary">{change.decisionComment}</Typography.Text> : null}
              </>
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t("roster.changes.request")}
        okText={t("roster.changes.submit")}
        okButtonProps={{ "data-testid": "roster-change-submit" } as never}
        confirmLoading={request.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden={false}
      >
        <Form form={form} layout="vertical" initialValues={{ kind: "ADD", specialised: false, scale: "ABOVE" }} onFinish={submit}>
          <Form.Item name="kind" label={t("roster.changes.kind")}>
            <Radio.Group optionType="button" options={(["ADD", "REMOVE", "REPLACE"] as const).map((value) => ({ value, label: t(`roster.changes.kinds.${value}`) }))} />
          </Form.Item>
          {kind !== "ADD" ? (
            <Form.Item name="removedPilotEnterpriseId" label={t("roster.changes.removed")} rules={[{ required: true, message: t("roster.changes.removedRequired") }]}>
              <Select showSearch optionFilterProp="label" loading={roster.isPending} options={active.map((entry) => ({ value: entry.id, label: entry.enterprise.name }))} />
            </Form.Item>
          ) : null}
          {kind !== "REMOVE" ? (
            <>
              <Form.Item name="name" label={t("roster.columns.name")} rules={[{ required: true, message: t("roster.changes.required") }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="creditCode" label={t("roster.columns.creditCode")} rules={[{ required: true, message: t("roster.changes.required") }]}>
                <Input maxLength={20} />
              </Form.Item>
              <Form.Item name="subIndustry" label={t("roster.columns.subIndustry")} rules={[{ required: true, message: t("roster.changes.required") }]}>
                <Select options={subIndustries.map((value) => ({ value, label: value }))} />
              </Form.Item>
              <Form.Item name="scale" label={t("roster.columns.scale")}>
                <Radio.Group options={(["ABOVE", "BELOW"] as const).map((value) => ({ value, label: ENTERPRISE_SCALE_LABELS[value] }))} />
              </Form.Item>
              <Form.Item name="specialised" label={t("roster.columns.specialised")}>
                <Radio.Group options={[{ value: true, label: t("roster.yes") }, { value: false, label: t("roster.no") }]} />
              </Form.Item>
              <Form.Item name="lastYearRevenue" label={t("roster.columns.lastYearRevenue")} rules={[{ required: true, message: t("roster.changes.required") }]}>
                <Input inputMode="decimal" />
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="reason" label={t("roster.changes.reason")} rules={[{ required: true, whitespace: true, message: t("roster.changes.reasonRequired") }]}>
            <Input.TextArea maxLength={1000} showCount data-testid="roster-change-reason" />
          </Form.Item>
          {request.isError && !apiErrorField(request.error) ? <Alert type="error" showIcon title={request.error.message} /> : null}
        </Form>
      </Modal>
    </Card>
  );
}

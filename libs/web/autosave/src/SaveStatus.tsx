import { CheckCircleOutlined, EditOutlined, ExclamationCircleOutlined, LoadingOutlined } from "@ant-design/icons";
import { Typography } from "antd";
import type { ReactNode } from "react";
import type { SaveStatus as Status } from "./autosaver";

/**
 * One line saying where the draft stands: 已保存 / 保存中… / 有未保存的修改 / the failure or conflict. The words come
 * from the form (each area has its own), the look is shared; a failure's message shows on hover.
 */
export function SaveStatus({
  status,
  labels,
  error,
  testId,
}: {
  status: Status;
  labels: Record<Status, ReactNode>;
  error?: string | null;
  testId: string;
}) {
  const props = { "data-testid": testId, "data-status": status, role: "status", "aria-live": "polite" as const };
  switch (status) {
    case "saved":
      return (
        <Typography.Text type="secondary" {...props}>
          <CheckCircleOutlined /> {labels.saved}
        </Typography.Text>
      );
    case "saving":
      return (
        <Typography.Text type="secondary" {...props}>
          <LoadingOutlined /> {labels.saving}
        </Typography.Text>
      );
    case "dirty":
      return (
        <Typography.Text type="warning" {...props}>
          <EditOutlined /> {labels.dirty}
        </Typography.Text>
      );
    case "conflict":
      return (
        <Typography.Text type="danger" {...props}>
          <ExclamationCircleOutlined /> {labels.conflict}
        </Typography.Text>
      );
    case "error":
      return (
        <Typography.Text type="danger" {...props} title={error ?? undefined}>
          <ExclamationCircleOutlined /> {labels.error}
        </Typography.Text>
      );
  }
}

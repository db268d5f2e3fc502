import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from "@ant-design/icons";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatClock } from "./plan-form-state";
import type { AutosaveSnapshot } from "./plan-autosaver";

/** 已保存 14:03:12 / 保存中… / 有未保存的修改 / the failure, as one line in the plan's header. */
export function SaveStatus({ snapshot }: { snapshot: AutosaveSnapshot }) {
  const { t } = useTranslation("county");
  const props = { "data-testid": "plan-save-status", "data-status": snapshot.status, role: "status", "aria-live": "polite" as const };
  switch (snapshot.status) {
    case "saved":
      return (
        <Typography.Text type="secondary" {...props}>
          <CheckCircleOutlined /> {t("plan.save.saved", { time: formatClock(snapshot.savedAt) })}
        </Typography.Text>
      );
    case "saving":
      return (
        <Typography.Text type="secondary" {...props}>
          <LoadingOutlined /> {t("plan.save.saving")}
        </Typography.Text>
      );
    case "dirty":
      return (
        <Typography.Text type="warning" {...props}>
          {t("plan.save.dirty")}
        </Typography.Text>
      );
    case "error":
      return (
        <Typography.Text type="danger" {...props}>
          <ExclamationCircleOutlined /> {t("plan.save.failed")}
        </Typography.Text>
      );
    case "conflict":
      return (
        <Typography.Text type="danger" {...props}>
          <ExclamationCircleOutlined /> {t("plan.save.conflict")}
        </Typography.Text>
      );
  }
}

import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { apiErrorCode } from "@dtpilot/domain";

export type ErrorKind = "forbidden" | "notFound" | "server";

const STATUS = { forbidden: "403", notFound: "404", server: "error" } as const;

/** A full-width error page: 403, 404 or a failure, with an optional action (back home, retry). */
export function ErrorResult({
  kind,
  description,
  onRetry,
  homeHref,
}: {
  kind: ErrorKind;
  description?: string;
  onRetry?: () => void;
  homeHref?: string;
}) {
  const { t } = useTranslation("common");
  const title = { forbidden: t("errors.forbiddenTitle"), notFound: t("errors.notFoundTitle"), server: t("errors.serverTitle") }[kind];
  const fallback = { forbidden: t("errors.forbiddenDescription"), notFound: t("errors.notFoundDescription"), server: "" }[kind];
  const actions = [
    onRetry ? (
      <Button key="retry" type="primary" onClick={onRetry}>
        {t("errors.retry")}
      </Button>
    ) : null,
    homeHref ? (
      <Button key="home" href={homeHref}>
        {t("errors.backHome")}
      </Button>
    ) : null,
  ].filter(Boolean);
  return <Result status={STATUS[kind]} title={title} subTitle={description ?? fallback} extra={actions.length ? actions : undefined} />;
}

/** Shows a failed API call: its localised message, as "not found" / "forbidden" when the API says so. */
export function QueryErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const code = apiErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === "NOT_FOUND") return <ErrorResult kind="notFound" description={message} />;
  if (code === "FORBIDDEN") return <ErrorResult kind="forbidden" description={message} />;
  return <ErrorResult kind="server" description={message} {...(onRetry ? { onRetry } : {})} />;
}

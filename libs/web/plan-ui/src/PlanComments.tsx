import { Flex, theme, Typography } from "antd";
import type { ReactNode } from "react";
import { formatDateTime } from "@dtpilot/ui";
import { planLanguage, usePlanTranslation } from "./plan-i18n";
import type { PlanComment } from "./types";

/**
 * The plan's comments by target (field path, section, "general", "dataTable.totals"), oldest first. With
 * `uptoVersion`, only those made on that version or earlier: a version never shows comments made after it.
 */
export function planCommentsByTarget(comments: readonly PlanComment[], uptoVersion?: number): Map<string, PlanComment[]> {
  const byTarget = new Map<string, PlanComment[]>();
  for (const comment of comments) {
    if (uptoVersion !== undefined && comment.versionNumber > uptoVersion) continue;
    const list = byTarget.get(comment.target) ?? [];
    list.push(comment);
    byTarget.set(comment.target, list);
  }
  return byTarget;
}

/** Reviewers' comments on one field or section, each with its author, version and time; nothing when there are none. */
export function PlanFieldComments({ target, comments }: { target: string; comments: readonly PlanComment[] }) {
  const { t } = usePlanTranslation();
  const { token } = theme.useToken();
  if (comments.length === 0) return null;
  const language = planLanguage();
  return (
    <Flex
      vertical
      gap={4}
      data-testid={`plan-comments-${target}`}
      role="note"
      aria-label={t("comments.title")}
      style={{
        marginTop: 4,
        padding: "4px 8px",
        background: token.colorWarningBg,
        borderInlineStart: `3px solid ${token.colorWarning}`,
        borderRadius: token.borderRadiusSM,
        textAlign: "start",
      }}
    >
      {comments.map((comment) => (
        <div key={comment.id} data-testid="plan-comment">
          <Typography.Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{comment.body}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
            {t("comments.meta", {
              author: comment.author.displayName,
              role: t(`roles.${comment.actorRole}`, { ns: "common" }),
              version: t("version", { number: comment.versionNumber }),
              time: formatDateTime(comment.createdAt, language),
            })}
          </Typography.Text>
        </div>
      ))}
    </Flex>
  );
}

/** A value with, beside it, what a reviewer screen adds (`slot`) and, under it, the comments on it. */
export function AnnotatedValue({
  target,
  comments,
  slot,
  children,
}: {
  target?: string;
  comments: readonly PlanComment[];
  slot?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div data-testid={target ? `plan-field-${target}` : undefined}>
      <Flex gap={4} align="start" justify="space-between">
        <div style={{ minWidth: 0, flex: 1 }}>{children}</div>
        {slot ?? null}
      </Flex>
      {target ? <PlanFieldComments target={target} comments={comments} /> : null}
    </div>
  );
}

import { planCommentTargetLabel, PLAN_COMMENT_GENERAL, type ImplementationPlanContent } from "@dtpilot/domain";
import { currentLanguage, formatDateTime } from "@dtpilot/ui";
import { PlanFieldComments } from "@dtpilot/plan-ui";
import { Button, Card, Flex, Typography } from "antd";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { commentsByTarget, newestFirst } from "./plan-form-state";
import type { PlanComment } from "./plan-types";

const CommentsContext = createContext<ReadonlyMap<string, PlanComment[]>>(new Map());

/** Makes the reviewers' comments available to the fields they target (FieldComments). */
export function PlanCommentsProvider({ comments, children }: { comments: readonly PlanComment[]; children: ReactNode }) {
  const byTarget = useMemo(() => commentsByTarget(comments), [comments]);
  return <CommentsContext.Provider value={byTarget}>{children}</CommentsContext.Provider>;
}

/** Attribute that marks where a field sits, so the summary can scroll to the field a comment concerns. */
export const PLAN_PATH_ATTRIBUTE = "data-plan-path";

function scrollToPath(path: string) {
  const target = document.querySelector(`[${PLAN_PATH_ATTRIBUTE}="${CSS.escape(path)}"]`);
  target?.scrollIntoView({ behavior: "smooth", block: "center" });
}

function useCommentMeta() {
  const { t } = useTranslation("county");
  const language = currentLanguage();
  return (comment: PlanComment) =>
    t("plan.comments.meta", {
      role: t(`roles.${comment.actorRole}`, { ns: "common" }),
      author: comment.author.displayName,
      time: formatDateTime(comment.createdAt, language),
      version: comment.versionNumber,
    });
}

/** The comments on one field or section, shown beside it (newest first). */
export function FieldComments({ path }: { path: string }) {
  const comments = useContext(CommentsContext).get(path);
  if (!comments?.length) return null;
  return <PlanFieldComments target={path} comments={comments} />;
}

/** 设区市/省工信厅退回意见: every comment, newest first, with the field it concerns (a link to it). */
export function ReturnCommentsSummary({ comments, content }: { comments: readonly PlanComment[]; content: ImplementationPlanContent }) {
  const { t } = useTranslation("county");
  const meta = useCommentMeta();
  const ordered = useMemo(() => newestFirst(comments), [comments]);
  if (ordered.length === 0) return null;
  return (
    <Card title={t("plan.comments.summaryTitle")} size="small" data-testid="plan-comments-summary">
      <Flex vertical gap={8}>
        {ordered.map((comment, index) => (
          <Flex
            key={comment.id}
            justify="space-between"
            align="start"
            gap={8}
            data-testid="plan-comment-summary-item"
            data-target={comment.target}
            style={index > 0 ? { borderTop: "1px solid rgba(5, 5, 5, 0.06)", paddingTop: 8 } : undefined}
          >
            <Flex vertical gap={2}>
              <Typography.Text strong>{planCommentTargetLabel(content, comment.target)}</Typography.Text>
              <Typography.Text style={{ whiteSpace: "pre-wrap" }}>{comment.body}</Typography.Text>
              <Typography.Text type="secondary">{meta(comment)}</Typography.Text>
            </Flex>
            {comment.target === PLAN_COMMENT_GENERAL ? null : (
              <Button size="small" type="link" onClick={() => scrollToPath(comment.target)}>
                {t("plan.comments.goTo")}
              </Button>
            )}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

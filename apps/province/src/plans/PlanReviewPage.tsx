import { PLAN_COMMENT_GENERAL, type PlanEvent } from "@dtpilot/domain";
import { useTRPC } from "@dtpilot/data-access";
import { apiErrorField, currentLanguage, formatDateTime, PageLayout, QueryErrorResult, RemoteLoading } from "@dtpilot/ui";
import {
  PlanDocumentDownloads,
  PlanHistory,
  PlanReadOnly,
  PlanStateTag,
  PlanVersionDiff,
  type PlanCommentSlot,
  usePlanTranslation,
  type PlanView,
} from "@dtpilot/plan-ui";
import { ArrowLeftOutlined, DeleteOutlined, MessageOutlined } from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Badge, Button, Card, Col, Descriptions, Empty, Flex, Input, Modal, Row, Select, Tabs, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

/** What a city or the province may decide on a plan; a county's 提交 is not among them. */
type ReviewDecision = Exclude<PlanEvent, "SUBMIT">;
const DECISION_ORDER: readonly ReviewDecision[] = ["RECOMMEND", "APPROVE", "RETURN"];
const DECISION_TESTIDS: Record<ReviewDecision, string> = { RECOMMEND: "review-recommend", APPROVE: "review-approve", RETURN: "review-return" };

/** A comment the reviewer is writing, on a field or section (its path) of the version under review. */
interface DraftComment {
  id: number;
  target: string;
  label: string;
  body: string;
}

/**
 * One county's plan for its reviewers: the plan with the comments made so far, its history, what changed between
 * versions and its documents; a city (推荐/退回修改) or the province (批准/退回修改) decides here, commenting on
 * fields and sections. A third-party reviewer reads it only.
 */
export function PlanReviewPage({ basePath }: { basePath: string }) {
  const { planId = "" } = useParams();
  // Another plan is another review: nothing written for one carries over to the next.
  return <PlanReview key={planId} planId={planId} basePath={basePath} />;
}

function PlanReview({ planId, basePath }: { planId: string; basePath: string }) {
  const { t } = useTranslation("province");
  const { t: tPlan } = usePlanTranslation();
  const trpc = useTRPC();
  // The version read; undefined: the current one (the only one a decision may concern).
  const [viewed, setViewed] = useState<number | undefined>(undefined);
  const plan = useQuery({
    ...trpc.plan.getPlan.queryOptions(viewed === undefined ? { planId } : { planId, versionNumber: viewed }),
    placeholderData: keepPreviousData,
  });
  const [general, setGeneral] = useState("");
  const [comments, setComments] = useState<DraftComment[]>([]);
  const [editing, setEditing] = useState<{ target: string; label: string } | null>(null);

  if (plan.isPending) return <RemoteLoading />;
  if (plan.isError) return <QueryErrorResult error={plan.error} onRetry={() => void plan.refetch()} />;

  const view = plan.data;
  const decisions = DECISION_ORDER.filter((decision) => view.allowedEvents.includes(decision));
  const reviewing = decisions.length > 0 && view.version.current;

  const commentSlot: PlanCommentSlot | undefined = reviewing
    ? (target, label) => {
        // The general comment is written in the review panel.
        if (target === PLAN_COMMENT_GENERAL) return null;
        const pending = comments.filter((comment) => comment.target === target).length;
        return (
          <Tooltip title={t("review.addComment")}>
            <Badge count={pending} size="small" offset={[-4, 4]}>
              <Button
                size="small"
                type="text"
                icon={<MessageOutlined />}
                aria-label={`${t("review.addComment")}：${label}`}
                data-testid={`comment-add-${target}`}
                onClick={() => setEditing({ target, label })}
              />
            </Badge>
          </Tooltip>
        );
      }
    : undefined;

  const language = currentLanguage();
  const planTabs = [
    {
      key: "plan",
      label: t("review.tabs.plan"),
      children: <PlanReadOnly plan={view} {...(commentSlot ? { commentSlot } : {})} />,
    },
    { key: "history", label: t("review.tabs.history"), children: <PlanHistory plan={view} /> },
    {
      key: "diff",
      label: t("review.tabs.diff"),
      children:
        view.versions.length > 1 ? (
          <PlanVersionDiff
            key={view.currentVersion}
            planId={view.id}
            versions={view.versions}
            defaultFrom={view.currentVersion - 1}
            defaultTo={view.currentVersion}
          />
        ) : (
          <Empty description={t("review.onlyOneVersion")} />
        ),
    },
  ];

  return (
    <PageLayout
      title={
        <Flex gap={12} align="center" wrap>
          <span>{t("review.title", { county: view.county.name })}</span>
          <PlanStateTag state={view.state} />
        </Flex>
      }
      extra={
        <Link to={`${basePath}/plans`}>
          <ArrowLeftOutlined /> {t("review.back")}
        </Link>
      }
    >
      <Card data-testid="plan-review-header">
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: "county", label: t("review.county"), children: view.county.name },
              { key: "city", label: t("review.city"), children: view.county.city.name },
              { key: "batch", label: t("review.batch"), children: view.batch.name },
              {
                key: "version",
                label: t("review.version"),
                children: (
                  <Select<number>
                    size="small"
                    value={view.version.number}
                    onChange={(number) => setViewed(number === view.currentVersion ? undefined : number)}
                    aria-label={t("review.viewVersion")}
                    data-testid="plan-version-select"
                    style={{ minWidth: 160 }}
                    options={view.versions.map((version) => ({
                      value: version.number,
                      label: `${tPlan("version", { number: version.number })}${version.number === view.currentVersion ? t("review.currentVersion") : ""}`,
                    }))}
                  />
                ),
              },
              { key: "updatedAt", label: t("review.updatedAt"), children: formatDateTime(view.version.updatedAt, language) },
              { key: "submittedAt", label: t("review.submittedAt"), children: formatDateTime(view.version.submittedAt, language) },
            ]}
          />
          <PlanDocumentDownloads key={view.id} planId={view.id} countyId={view.countyId} />
          {!view.version.current ? <Alert type="info" showIcon title={t("review.oldVersionNotice")} /> : null}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={reviewing ? 16 : 24}>
          <Card>
            <Tabs items={planTabs} data-testid="plan-review-tabs" />
          </Card>
        </Col>
        {reviewing ? (
          <Col xs={24} xl={8}>
            <div style={{ position: "sticky", top: 16 }}>
              <ReviewPanel
                plan={view}
                decisions={decisions}
                general={general}
                onGeneralChange={setGeneral}
                comments={comments}
                onRemove={(id) => setComments((list) => list.filter((comment) => comment.id !== id))}
                onDecided={() => {
                  setGeneral("");
                  setComments([]);
                  setViewed(undefined);
                }}
              />
            </div>
          </Col>
        ) : null}
      </Row>
      <CommentModal
        target={editing}
        onCancel={() => setEditing(null)}
        onAdd={(body) => {
          if (!editing) return;
          setComments((list) => [...list, { id: Date.now() + list.length, target: editing.target, label: editing.label, body }]);
          setEditing(null);
        }}
      />
    </PageLayout>
  );
}

function CommentModal({
  target,
  onCancel,
  onAdd,
}: {
  target: { target: string; label: string } | null;
  onCancel: () => void;
  onAdd: (body: string) => void;
}) {
  const { t } = useTranslation("province");
  const [body, setBody] = useState("");
  const close = () => {
    setBody("");
    onCancel();
  };
  return (
    <Modal
      open={target !== null}
      title={target ? t("review.addCommentTitle", { label: target.label }) : null}
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {t("review.cancel")}
        </Button>,
        <Button
          key="confirm"
          type="primary"
          disabled={body.trim() === ""}
          data-testid="comment-confirm"
          onClick={() => {
            onAdd(body.trim());
            setBody("");
          }}
        >
          {t("review.confirmComment")}
        </Button>,
      ]}
    >
      <Input.TextArea
        value={body}
        onChange={(event) => setBody(event.target.value)}
        placeholder={t("review.commentPlaceholder")}
        autoSize={{ minRows: 3, maxRows: 10 }}
        maxLength={2000}
        showCount
        autoFocus
        data-testid="comment-input"
      />
    </Modal>
  );
}

function ReviewPanel({
  plan,
  decisions,
  general,
  onGeneralChange,
  comments,
  onRemove,
  onDecided,
}: {
  plan: PlanView;
  decisions: readonly ReviewDecision[];
  general: string;
  onGeneralChange: (value: string) => void;
  comments: readonly DraftComment[];
  onRemove: (id: number) => void;
  onDecided: () => void;
}) {
  const { t } = useTranslation("province");
  const { t: tPlan } = usePlanTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<ReviewDecision | null>(null);
  const [stale, setStale] = useState(false);

  const payload = [
    ...(general.trim() ? [{ target: PLAN_COMMENT_GENERAL, body: general.trim() }] : []),
    ...comments.map((comment) => ({ target: comment.target, body: comment.body })),
  ];

  const review = useMutation(
    trpc.plan.reviewPlan.mutationOptions({
      onSuccess: (view, input) => {
        setPending(null);
        setStale(false);
        queryClient.setQueryData(trpc.plan.getPlan.queryKey({ planId: view.id }), view);
        void queryClient.invalidateQueries({ queryKey: trpc.plan.pathKey() });
        void message.success(t(`review.done.${input.decision}`));
        onDecided();
      },
      onError: (error) => {
        setPending(null);
        // Someone decided first, or the county's version moved on: read the plan again before deciding.
        if (apiErrorField(error) === "versionNumber") {
          setStale(true);
          void queryClient.invalidateQueries({ queryKey: trpc.plan.pathKey() });
        }
      },
    }),
  );

  const version = tPlan("version", { number: plan.version.number });

  return (
    <Card title={t("review.panelTitle")} data-testid="review-panel">
      <Flex vertical gap={16}>
        <Flex vertical gap={4}>
          <Typography.Text strong>{t("review.generalComment")}</Typography.Text>
          <Input.TextArea
            value={general}
            onChange={(event) => onGeneralChange(event.target.value)}
            placeholder={t("review.generalPlaceholder")}
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={2000}
            showCount
            aria-label={t("review.generalComment")}
            data-testid="review-general-comment"
          />
        </Flex>
        <Flex vertical gap={8}>
          <Typography.Text strong>
            {t("review.fieldComments")}（{comments.length}）
          </Typography.Text>
          {comments.length === 0 ? <Typography.Text type="secondary">{t("review.noFieldComments")}</Typography.Text> : null}
          {comments.map((comment) => (
            <Flex key={comment.id} gap={8} align="start" data-testid="review-field-comment" data-target={comment.target}>
              <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: "anywhere" }}>
                  {comment.label}
                </Typography.Text>
                <Typography.Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{comment.body}</Typography.Text>
              </Flex>
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("review.remove")}
                data-testid="comment-remove"
                onClick={() => onRemove(comment.id)}
              />
            </Flex>
          ))}
        </Flex>
        {stale ? <Alert type="warning" showIcon title={t("review.staleVersion")} /> : null}
        {review.isError && !stale ? <Alert type="error" showIcon title={review.error.message} data-testid="review-error" /> : null}
        <Flex gap={8} wrap>
          {decisions.map((decision) => {
            const blocked = decision === "RETURN" && payload.length === 0;
            return (
              <Tooltip key={decision} title={blocked ? t("review.returnNeedsComment") : null}>
                <Button
                  type={decision === "RETURN" ? "default" : "primary"}
                  danger={decision === "RETURN"}
                  disabled={blocked || review.isPending}
                  data-testid={DECISION_TESTIDS[decision]}
                  onClick={() => setPending(decision)}
                >
                  {t(`review.decisions.${decision}`)}
                </Button>
              </Tooltip>
            );
          })}
        </Flex>
        {decisions.includes("RETURN") && payload.length === 0 ? (
          <Typography.Text type="secondary" data-testid="review-return-hint">
            {t("review.returnNeedsComment")}
          </Typography.Text>
        ) : null}
      </Flex>
      <Modal
        open={pending !== null}
        title={pending ? t("review.confirmTitle", { decision: t(`review.decisions.${pending}`) }) : null}
        onCancel={() => setPending(null)}
        footer={[
          <Button key="cancel" onClick={() => setPending(null)}>
            {t("review.cancel")}
          </Button>,
          <Button
            key="confirm"
            type="primary"
            danger={pending === "RETURN"}
            loading={review.isPending}
            data-testid="review-confirm"
            onClick={() => {
              if (!pending) return;
              review.mutate({ planId: plan.id, versionNumber: plan.version.number, decision: pending, comments: payload });
            }}
          >
            {t("review.confirm")}
          </Button>,
        ]}
      >
        <Typography.Paragraph>
          {pending === "RETURN"
            ? t("review.confirmReturnBody", { county: plan.county.name, count: payload.length })
            : t("review.confirmBody", {
                county: plan.county.name,
                version,
                decision: pending ? t(`review.decisions.${pending}`) : "",
                count: payload.length,
              })}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}

import { planCommentTargetLabel, type PlanEvent } from "@dtpilot/domain";
import { Empty, Flex, Timeline, Typography, type TimelineItemProps } from "antd";
import { formatDateTime } from "@dtpilot/ui";
import { planLanguage, usePlanTranslation } from "./plan-i18n";
import { PlanStateTag } from "./PlanStateTag";
import type { PlanEventView, PlanView } from "./types";

const EVENT_COLOURS: Record<PlanEvent, string> = { SUBMIT: "blue", RETURN: "red", RECOMMEND: "cyan", APPROVE: "green" };

/** 审核记录: every step of the plan's workflow, oldest first — who, when, on which version, from → to, and what they said. */
export function PlanHistory({ plan }: { plan: PlanView }) {
  const { t } = usePlanTranslation();
  if (plan.events.length === 0) return <Empty description={t("history.none")} data-testid="plan-history" />;
  return (
    <Timeline
      data-testid="plan-history"
      items={plan.events.map((event) => ({
        key: event.id,
        color: EVENT_COLOURS[event.kind],
        content: <HistoryEntry plan={plan} event={event} />,
      }) satisfies TimelineItemProps)}
    />
  );
}

function HistoryEntry({ plan, event }: { plan: PlanView; event: PlanEventView }) {
  const { t } = usePlanTranslation();
  const language = planLanguage();
  // Comments name fields of the version they were made on; the labels come from the version shown, which a return
  // copies from the one reviewed, so they read the same.
  const content = plan.version.content;
  return (
    <Flex vertical gap={4} data-testid="plan-history-event" data-kind={event.kind} data-version={event.versionNumber}>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{t(`events.${event.kind}`)}</Typography.Text>
        <Typography.Text>
          {t("history.actor", { name: event.actor.displayName, role: t(`roles.${event.actorRole}`, { ns: "common" }) })}
        </Typography.Text>
        <Typography.Text type="secondary">{formatDateTime(event.createdAt, language)}</Typography.Text>
        <Typography.Text type="secondary">{t("version", { number: event.versionNumber })}</Typography.Text>
      </Flex>
      <Flex gap={4} align="center" wrap>
        <PlanStateTag state={event.fromState} testId="plan-history-from" />
        <span aria-hidden>→</span>
        <PlanStateTag state={event.toState} testId="plan-history-to" />
      </Flex>
      {event.comments.length > 0 ? (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {event.comments.map((comment) => (
            <li key={comment.id} data-testid="plan-history-comment" data-target={comment.target}>
              <Typography.Text type="secondary">{planCommentTargetLabel(content, comment.target)}：</Typography.Text>
              <Typography.Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{comment.body}</Typography.Text>
            </li>
          ))}
        </ul>
      ) : null}
    </Flex>
  );
}

import type { ReactNode } from "react";
import type { AppTRPCClient } from "@dtpilot/data-access";

/** A plan as `plan.getPlan` (and createPlan / submitPlan / reviewPlan) answers it. */
export type PlanView = Awaited<ReturnType<AppTRPCClient["plan"]["getPlan"]["query"]>>;

/** One reviewer's comment: the version it was made on, the field or section it names (`target`), its author. */
export type PlanComment = PlanView["comments"][number];

/** One step of the workflow (提交, 推荐, 退回修改, 批准) with the comments made with it. */
export type PlanEventView = PlanView["events"][number];

/**
 * What a reviewer screen puts beside a field or section of a read-only plan (an "add comment" control); `target` is
 * the field's dotted path (the comment's target), `label` its name in the guide's words.
 */
export type PlanCommentSlot = (target: string, label: string) => ReactNode;

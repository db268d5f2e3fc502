import type { PlanState } from "@dtpilot/domain";
import { Tag } from "antd";
import { usePlanTranslation } from "./plan-i18n";

const STATE_COLOURS: Record<PlanState, string> = {
  DRAFT: "default",
  SUBMITTED: "processing",
  RETURNED_BY_CITY: "warning",
  RECOMMENDED: "cyan",
  RETURNED_BY_PROVINCE: "volcano",
  APPROVED: "success",
};

/** A plan's state (草稿, 已提交设区市, …, 省工信厅已批准) as a coloured tag; `testId` defaults to "plan-state". */
export function PlanStateTag({ state, testId = "plan-state" }: { state: PlanState; testId?: string }) {
  const { t } = usePlanTranslation();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid={testId} data-state={state}>
      {t(`states.${state}`)}
    </Tag>
  );
}

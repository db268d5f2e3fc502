import { router } from "../../kernel/trpc";
import { createPlan } from "./create-plan";
import { diffPlanVersions } from "./diff-plan-versions";
import { getCurrentPlan } from "./get-current-plan";
import { getPlan } from "./get-plan";
import { listPlans } from "./list-plans";
import { requestPlanDocument } from "./request-plan-document";
import { reviewPlan } from "./review-plan";
import { savePlan } from "./save-plan";
import { submitPlan } from "./submit-plan";

export const planRouter = router({
  getCurrentPlan,
  createPlan,
  savePlan,
  submitPlan,
  reviewPlan,
  listPlans,
  getPlan,
  diffPlanVersions,
  requestPlanDocument,
});

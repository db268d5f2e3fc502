import type { MessagesLike } from "@dtpilot/ui";
import type { provinceZhCN } from "./zh-CN";

export const provinceEn: MessagesLike<typeof provinceZhCN> = {
  nav: { counties: "Pilot counties" },
  counties: {
    title: "Pilot counties",
    currentBatch: "Current pilot batch",
    noBatch: "No pilot batch yet",
    visible: "Counties",
    inBatch: "Piloting in this batch",
    unit: "",
    regionSummary: "{{count}} counties, {{pilots}} piloting in this batch",
    legendInBatch: "Pilot county of this batch",
    legendOther: "Other county",
    none: "No county to show",
  },
};

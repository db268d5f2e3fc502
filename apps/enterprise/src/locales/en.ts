import type { MessagesLike } from "@dtpilot/ui";
import type { enterpriseZhCN } from "./zh-CN";

export const enterpriseEn: MessagesLike<typeof enterpriseZhCN> = {
  nav: { profile: "Enterprise profile" },
  profile: {
    title: "Enterprise profile",
    name: "Enterprise name",
    creditCode: "Unified social credit code",
    location: "City and county",
    region: "Region",
  },
};

import type { MessagesLike } from "@dtpilot/ui";
import type { enterpriseZhCN } from "./zh-CN";

export const enterpriseEn: MessagesLike<typeof enterpriseZhCN> = {
  nav: { profile: "Enterprise profile", file: "Enterprise file" },
  profile: {
    title: "Enterprise profile",
    name: "Enterprise name",
    creditCode: "Unified social credit code",
    location: "City and county",
    region: "Region",
  },
  file: {
    title: "Enterprise file (transformation information form)",
    notOnRoster: "Your enterprise is not on a pilot roster yet, so it has no file",
  },
};

import type { AreaRules } from "../rule-writer";

/** Accounts: every signed-in user reads and updates their own account (password, profile), nobody else's. */
export const identityRules: AreaRules = (principal, { allow }) => {
  allow(["read", "update"], "User", { id: principal.userId });
};

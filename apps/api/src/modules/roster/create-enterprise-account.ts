import { createEnterpriseAccount as open, findEnterpriseAccounts, hashPassword } from "@dtpilot/db";
import { randomInt } from "node:crypto";
import { passwordProblemFor } from "../identity/password-policy";
import { appError } from "../../kernel/errors";
import { can } from "../../kernel/permission";
import { recordProcedure } from "../../kernel/record-procedure";
import { pilotEnterprise } from "./load-pilot-enterprise";
import { createEnterpriseAccountInput, createEnterpriseAccountOutput } from "./roster.types";

/** Letters and digits that cannot be misread on paper (no 0/O, 1/l/I). */
const PASSWORD_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";

/** A random 12-character initial password with letters and digits that the password rule allows, told to the county once. */
export function initialPassword(identities: readonly string[]): string {
  for (;;) {
    const password = Array.from({ length: 12 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join("");
    if (/[A-Za-z]/.test(password) && /\d/.test(password) && passwordProblemFor(password, identities) === null) return password;
  }
}

/**
 * The county opens the account of an enterprise on its roster so the enterprise can sign in to its app: the
 * sign-in name is the enterprise's credit code, and the initial password is shown to the county user once (it is
 * stored only as a hash) and must be changed at first sign-in. An enterprise that already has an account gets none twice.
 */
export const createEnterpriseAccount = recordProcedure(createEnterpriseAccountInput, pilotEnterprise, can("update", "PilotEnterprise"))
  .output(createEnterpriseAccountOutput)
  .mutation(async ({ ctx }) => {
    // Only a county team updates its roster's entries (the ability says so): an overseer reads them, no more.
    const entry = ctx.record;
    if (entry.status !== "ACTIVE") throw appError("BAD_REQUEST", "roster.change.notOnRoster", { field: "pilotEnterpriseId" });
    if ((await findEnterpriseAccounts(ctx.data, entry.enterprise.id)).length > 0) throw appError("CONFLICT", "roster.account.exists");
    const password = initialPassword([entry.enterprise.creditCode, entry.enterprise.name]);
    const opened = await open(ctx.data, {
      enterpriseId: entry.enterprise.id,
      username: entry.enterprise.creditCode,
      displayName: entry.enterprise.name,
      passwordHash: await hashPassword(password),
    });
    if (!opened) throw appError("CONFLICT", "roster.account.exists");
    // The initial password is in the answer only, never in the record.
    ctx.audit.changes([{ field: "account.username", before: null, after: opened.username }]);
    return { username: opened.username, initialPassword: password };
  });

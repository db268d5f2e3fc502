/**
 * The domain's password rule (libs/shared/domain identity/password-policy.ts) with the common-password list shipped with
 * the app (@zxcvbn-ts/language-common, 49k passwords), for every place the API sets a password.
 */
import { MIN_PASSWORD_LENGTH, passwordProblem, type PasswordProblem } from "@dtpilot/domain";
import { dictionary } from "@zxcvbn-ts/language-common";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary["passwords-common"].map((password) => password.toLowerCase()));

/** The first problem with the password for an account with these names, or null. */
export function passwordProblemFor(password: string, identities: readonly string[]): PasswordProblem | null {
  return passwordProblem(password, { identities, isCommon: (lower) => COMMON_PASSWORDS.has(lower) });
}

/**
 * Refuses a password the rule does not allow with a 400 naming `field`, localised like any input error
 * ("新密码：过于常见，…").
 */
export function assertPasswordAllowed(password: string, identities: readonly string[], field = "newPassword"): void {
  const rule = z.string().superRefine((value, check) => {
    const problem = passwordProblemFor(value, identities);
    if (problem) check.addIssue({ code: "custom", message: `password.${problem}`, minimum: MIN_PASSWORD_LENGTH });
  });
  // Through a schema, so the error formatter localises it like every input error and names the field.
  const result = z.object({ [field]: rule }).safeParse({ [field]: password });
  if (!result.success) throw new TRPCError({ code: "BAD_REQUEST", message: "password rule", cause: result.error });
}

/**
 * Accounts, as the demo seed represents each role (seedDemo): a user and one membership carrying exactly the scope
 * columns its role needs (the membership_scope_matches_role check) — the province and reviewers none (a reviewer's
 * counties are ReviewerAssignments for the batch), a city officer its city, a county team its county, an enterprise
 * user its enterprise, a provider user its provider. Every generated user shares one password hash (hashed once per
 * run, see SCALE_PASSWORD in main.ts); enterprise accounts opened by the county sign in with their credit code.
 */
import type { Role, Scope } from "@dtpilot/domain";
import type { Random } from "../random";
import type { RowSet } from "../rows";

export interface Account {
  userId: string;
  membershipId: string;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  /** Still on the initial password the county was shown: it must change it before anything else. */
  mustChangePassword: boolean;
}

export interface AccountInput {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  createdAt: Date;
  /** An enterprise account still on the initial password the county was shown. */
  mustChangePassword?: boolean;
  passwordChangedAt?: Date;
}

/** The membership's scope columns for a scope (the rest null). */
function scopeColumns(scope: Scope) {
  return {
    cityCode: scope.kind === "city" ? scope.cityId : null,
    countyId: scope.kind === "county" ? scope.countyId : null,
    enterpriseId: scope.kind === "enterprise" ? scope.enterpriseId : null,
    providerId: scope.kind === "provider" ? scope.providerId : null,
  };
}

export function addAccount(rows: RowSet, random: Random, passwordHash: string, input: AccountInput): Account {
  const userId = random.uuid();
  const membershipId = random.uuid();
  rows.add("user", {
    id: userId,
    username: input.username,
    displayName: input.displayName,
    passwordHash,
    locale: "zh-CN",
    disabled: false,
    passwordChangedAt: input.passwordChangedAt ?? input.createdAt,
    // The membership's insert raises it (the session_access_version trigger), as it does for the app's accounts.
    accessVersion: 1,
    mustChangePassword: input.mustChangePassword ?? false,
    createdAt: input.createdAt,
  });
  rows.add("membership", { id: membershipId, userId, role: input.role, ...scopeColumns(input.scope), createdAt: input.createdAt });
  return {
    userId,
    membershipId,
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    scope: input.scope,
    mustChangePassword: input.mustChangePassword ?? false,
  };
}

/**
 * Roles and the scope of data each role membership reaches.
 * The session decides the scope; a client never chooses its county.
 */
export const ROLES = [
  "PROVINCE_ADMIN", // 省工信厅
  "REVIEWER", // 第三方机构（受省工信厅委托）
  "CITY_OFFICER", // 设区市工信主管部门
  "COUNTY_ADMIN", // 试点县（市、区）工信主管部门
  "ENTERPRISE_USER", // 试点企业
  "PROVIDER_USER", // 数字化服务商
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** What a role membership can reach. County ids are the tenant keys. */
export type Scope =
  | { kind: "province" }
  | { kind: "reviewer"; countyIds: readonly string[] }
  | { kind: "city"; cityId: string; countyIds: readonly string[] }
  | { kind: "county"; countyId: string }
  | { kind: "enterprise"; enterpriseId: string; countyId: string }
  | { kind: "provider"; providerId: string };

export type ScopeKind = Scope["kind"];

/** The scope kind each role must carry; a membership whose scope does not match its role is invalid. */
export const SCOPE_KIND_OF_ROLE: Record<Role, ScopeKind> = {
  PROVINCE_ADMIN: "province",
  REVIEWER: "reviewer",
  CITY_OFFICER: "city",
  COUNTY_ADMIN: "county",
  ENTERPRISE_USER: "enterprise",
  PROVIDER_USER: "provider",
};

/** A signed-in user's acting identity: who, in which role, over which scope. */
export interface Principal {
  userId: string;
  role: Role;
  scope: Scope;
}

/**
 * County ids whose county-owned rows this scope may read.
 * `"all"` for the province; an empty list means none.
 */
export function readableCountyIds(scope: Scope): readonly string[] | "all" {
  switch (scope.kind) {
    case "province":
      return "all";
    case "reviewer":
    case "city":
      return scope.countyIds;
    case "county":
      return [scope.countyId];
    case "enterprise":
    case "provider":
      // Enterprises and providers read only the rows they are party to, matched by their own ids.
      return [];
  }
}

/** The one county this scope may write county-owned rows for, if any. */
export function writableCountyId(scope: Scope): string | null {
  return scope.kind === "county" ? scope.countyId : null;
}

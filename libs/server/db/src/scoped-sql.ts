/**
 * Typed raw reads for the hottest paths, for this library's repositories only (index.ts does not export this file).
 *
 * A Prisma query costs the API 0.6–0.9 ms of CPU (its query compiler runs on every call, then its runtime maps the
 * result) against 0.06–0.08 ms for the same statement sent by `pg`; `$queryRaw` still pays 0.35 ms of it. Where a
 * procedure answers many requests, its reads are written here as SQL and sent on the scoped transaction's own
 * connection (scoped-connection.ts): same transaction, same row-level security, no compiler. Each such read states
 * its row type, mirrors the tenant handle's CASL filter with `accessibleWhere` (RLS applies underneath as everywhere),
 * and is tested against the Prisma read it replaces.
 *
 * Values come back as `pg` reads them — a `numeric` or `int8` as a string (cast what should be a number:
 * `count(*)::int`) — except timestamps and dates, which are Dates in UTC, as Prisma stores and reads them.
 */
import { createHash } from "node:crypto";
import type { Action } from "@dtpilot/permissions";
import pg from "pg";
import { Prisma } from "./generated/prisma/client";
import type { ModelName, TenantDb } from "./tenant-db";
import { connectionOf } from "./tenant-transaction";

export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const join = Prisma.join;
export const empty = Prisma.empty;

/** Prisma's DateTime columns are `timestamp(3)` (no zone) holding UTC, and `date`: read both as UTC, as Prisma does. */
const TIMESTAMP_OID = 1114;
const DATE_OID = 1082;

/** A timestamp or date as PostgreSQL writes it in text or inside JSON (no zone: UTC), as a Date. */
export function utcDate(value: string): Date {
  if (value.length === 10) return new Date(`${value}T00:00:00.000Z`);
  return new Date(`${value.replace(" ", "T")}Z`);
}

/** utcDate for a nullable value. */
export function utcDateOrNull(value: string | null): Date | null {
  return value === null ? null : utcDate(value);
}

const UTC_TYPES = {
  getTypeParser: (oid: number, format?: string) => {
    if (oid === TIMESTAMP_OID || oid === DATE_OID) return utcDate;
    return pg.types.getTypeParser(oid, format as "text");
  },
} as pg.CustomTypesConfig;

/** Prepared once per connection under a name derived from the text, so PostgreSQL parses each read once. */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 500;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name) return name;
  if (statementNames.size >= MAX_NAMED_STATEMENTS) return undefined;
  name = `dt_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
  statementNames.set(text, name);
  return name;
}

/**
 * The rows of `query`, read on the connection of the handle's scoped transaction (withScope on the library's pool).
 * `Row` is the caller's statement of what the SQL selects. Parameters are typed by PostgreSQL from where they stand
 * (`id = $1` on a uuid column is a uuid), as with any prepared statement.
 */
export async function rows<Row extends object>(db: TenantDb, query: Sql): Promise<Row[]> {
  const connection = connectionOf(db);
  if (!connection) throw new Error("a raw read needs a transaction opened by withScope on the library's pool (createAppDatabase)");
  const name = statementName(query.text);
  const result = await connection.current().query<Row>({ ...(name ? { name } : {}), text: query.text, values: query.values, types: UTC_TYPES });
  return result.rows;
}

const COLUMN = /^[A-Za-z][A-Za-z0-9]*$/;

function column(alias: string, field: string): Sql {
  if (!COLUMN.test(alias) || !COLUMN.test(field)) throw new Error(`not a column: ${alias}.${field}`);
  return Prisma.raw(`${alias}."${field}"`);
}

/**
 * The SQL condition on `alias` (a row of `model`) that `db.accessible(action, model)` is as a Prisma filter: true with an
 * unconditional rule, false without any rule, else any rule's equalities (one list parameter when the rules differ in
 * one field only, e.g. a city's counties); for a provider, pilot enterprises and their file sections only where it
 * is linked (the handle's linkedOnly).
 */
export function accessibleWhere(db: TenantDb, action: Action, model: ModelName, alias: string): Sql {
  const conditions = db.conditionsFor(action, model);
  let allowed: Sql;
  if (conditions === "all") allowed = sql`true`;
  else if (conditions.length === 0) allowed = sql`false`;
  else {
    const fields = Object.keys(conditions[0]!);
    const sameField = fields.length === 1 && conditions.every((condition) => Object.keys(condition).length === 1 && fields[0]! in condition);
    allowed = sameField
      ? sql`${column(alias, fields[0]!)} = any(${conditions.map((condition) => condition[fields[0]!])})`
      : sql`(${join(
          conditions.map((condition) => sql`(${join(Object.entries(condition).map(([field, value]) => sql`${column(alias, field)} = ${value}`), " and ")})`),
          " or ",
        )})`;
  }
  const scope = db.scope;
  if (scope.kind !== "provider" || (model !== "PilotEnterprise" && model !== "EnterpriseFileSection")) return allowed;
  const pilotEnterpriseId = column(alias, model === "PilotEnterprise" ? "id" : "pilotEnterpriseId");
  return sql`(${allowed} and exists (select 1 from "EnterpriseProviderLink" link
                                      where link."pilotEnterpriseId" = ${pilotEnterpriseId} and link."providerId" = ${scope.providerId}::uuid))`;
}

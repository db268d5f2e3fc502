/**
 * 审计记录: the pure rules of what a mutation leaves in the audit trail — which organisation a scope acts for, what
 * is kept of an input (its ids and short values), and how declared changes are bounded. Never a secret: values under
 * a password/token-like key are replaced by REDACTED and file contents by their size, here, for every procedure.
 */
import { stripIllegalCharacters } from "../input-text";
import type { Role, Scope, ScopeKind } from "../scope";

/** A value as kept in an audit record (plain JSON). */
export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };

/** One changed field: a dotted path, its label where the domain has one, and the values before and after. */
export interface AuditChange {
  field: string;
  label?: string;
  before: AuditValue;
  after: AuditValue;
  /** On the last entry of a list cut short: how many changes were left off. */
  omitted?: number;
}

/** The outcome of a mutation that committed; a refused or failed attempt keeps its error code instead. */
export const AUDIT_SUCCESS = "SUCCESS";

/** What stands in for a secret. */
export const AUDIT_REDACTED = "[redacted]";

/** How much of a value, a list or an input a record keeps. */
export const AUDIT_LIMITS = {
  /** Characters of one text value. */
  textLength: 200,
  /** Changes per record. */
  changes: 200,
  /** Items of one list value. */
  listItems: 20,
  /** Levels of nesting kept inside one value. */
  depth: 3,
  /** Keys of an input summary. */
  inputKeys: 30,
} as const;

/** The largest page of audit records one request may read. */
export const AUDIT_PAGE_SIZE_MAX = 100;

// Passwords (current, new, initial), session or reset tokens, secrets, cookies, password hashes.
const SECRET_KEY = /passw|token|secret|cookie|credential|hash/i;
// File contents sent as base64: kept as their size only.
const FILE_CONTENT_KEY = /^file$|base64/i;
const ID_KEY = /(^id|Id|Ids)$/;

/** Whether a key (or the last segment of a dotted field path) names a secret whose value is never kept. */
export function isSecretAuditKey(key: string): boolean {
  return SECRET_KEY.test(key.split(".").at(-1) ?? key);
}

/** Keys a reader (superjson, a JS client) refuses or treats specially: kept with a marker, never as themselves. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** An input's key as the record keeps it: bounded, and harmless to whoever reads the record. */
function recordKey(key: string): string {
  return PROTOTYPE_KEYS.has(key) ? `[${key}]` : truncateText(key);
}

/** Text bounded for the record, without characters PostgreSQL's jsonb refuses (U+0000, a surrogate cut in half). */
function truncateText(text: string): string {
  return stripIllegalCharacters(text.length <= AUDIT_LIMITS.textLength ? text : `${text.slice(0, AUDIT_LIMITS.textLength)}…`);
}

/** The size in bytes of a base64 text's contents. */
function base64Bytes(text: string): number {
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((text.length * 3) / 4) - padding);
}

/** A value made safe and small: secrets redacted, file contents as their size, texts, lists and nesting bounded. */
export function sanitiseAuditValue(value: unknown, depth = 0): AuditValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return truncateText(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return { bytes: value.byteLength };
  if (typeof value !== "object") return null;
  if (depth >= AUDIT_LIMITS.depth) return "…";
  if (Array.isArray(value)) {
    const kept = value.slice(0, AUDIT_LIMITS.listItems).map((item) => sanitiseAuditValue(item, depth + 1));
    return value.length > AUDIT_LIMITS.listItems ? [...kept, `…(+${value.length - AUDIT_LIMITS.listItems})`] : kept;
  }
  const result: Record<string, AuditValue> = {};
  for (const [key, item] of Object.entries(value).slice(0, AUDIT_LIMITS.inputKeys)) result[recordKey(key)] = sanitiseEntry(key, item, depth + 1);
  return result;
}

function sanitiseEntry(key: string, value: unknown, depth: number): AuditValue {
  if (isSecretAuditKey(key)) return AUDIT_REDACTED;
  if (FILE_CONTENT_KEY.test(key) && typeof value === "string") return { bytes: base64Bytes(value) };
  return sanitiseAuditValue(value, depth);
}

/**
 * What a record keeps of a procedure's input when the procedure declares nothing else: the ids (any key ending in
 * `id`/`Id`/`Ids`) and the short scalar values, secrets redacted, file contents as their size; nested objects and
 * lists only as their shape (`{…}`, `{ items: n }`) — the changes a procedure declares carry the content.
 */
export function summariseAuditInput(input: unknown): Record<string, AuditValue> {
  if (input === null || input === undefined || typeof input !== "object" || Array.isArray(input)) {
    return input === undefined || input === null ? {} : { value: sanitiseAuditValue(Array.isArray(input) ? { items: input.length } : input) };
  }
  const summary: Record<string, AuditValue> = {};
  for (const [rawKey, value] of Object.entries(input).slice(0, AUDIT_LIMITS.inputKeys)) {
    const key = recordKey(rawKey);
    if (isSecretAuditKey(key) || (FILE_CONTENT_KEY.test(key) && typeof value === "string") || ID_KEY.test(key)) {
      summary[key] = sanitiseEntry(key, value, 1);
    } else if (Array.isArray(value)) summary[key] = { items: value.length };
    else if (value !== null && typeof value === "object" && !(value instanceof Date)) summary[key] = "{…}";
    else summary[key] = sanitiseAuditValue(value);
  }
  return summary;
}

/** Declared changes bounded for the record: values sanitised, secrets redacted, at most AUDIT_LIMITS.changes. */
export function boundAuditChanges(changes: readonly { field: string; label?: string; before: unknown; after: unknown }[]): AuditChange[] {
  const bounded = changes.slice(0, AUDIT_LIMITS.changes).map((change): AuditChange => {
    const secret = isSecretAuditKey(change.field);
    return {
      field: truncateText(change.field),
      ...(change.label ? { label: truncateText(change.label) } : {}),
      before: secret ? AUDIT_REDACTED : sanitiseAuditValue(change.before),
      after: secret ? AUDIT_REDACTED : sanitiseAuditValue(change.after),
    };
  });
  const omitted = changes.length - bounded.length;
  return omitted > 0 ? [...bounded, { field: "…", before: null, after: null, omitted }] : bounded;
}

/** The organisation a signed-in user acts for, and the county its own data belongs to (if one). */
export interface AuditOrganisation {
  kind: ScopeKind;
  id: string | null;
  countyId: string | null;
}

export function auditOrganisationOf(scope: Scope): AuditOrganisation {
  switch (scope.kind) {
    case "province":
    case "reviewer":
      return { kind: scope.kind, id: null, countyId: null };
    case "city":
      return { kind: "city", id: scope.cityId, countyId: null };
    case "county":
      return { kind: "county", id: scope.countyId, countyId: scope.countyId };
    case "enterprise":
      return { kind: "enterprise", id: scope.enterpriseId, countyId: scope.countyId };
    case "provider":
      return { kind: "provider", id: scope.providerId, countyId: null };
  }
}

/**
 * A record as shown to a reader who may not see its target's content (a county's plan while it is a never-submitted
 * draft, for its city and the province): who did what to which record stays; the values before and after and the
 * input's details do not.
 */
export function withoutAuditedContent<T extends { changes: readonly AuditChange[]; input: Record<string, AuditValue> }>(record: T): T {
  return {
    ...record,
    changes: record.changes.map((change) => ({ ...change, before: AUDIT_REDACTED, after: AUDIT_REDACTED })),
    input: Object.fromEntries(Object.keys(record.input).map((key) => [key, ID_KEY.test(key) ? record.input[key]! : AUDIT_REDACTED])),
  };
}

/** An audit record's fields as appended (values already sanitised and bounded by the functions above). */
export interface AuditEntry {
  actorId: string | null;
  /** The username as typed at sign-in; otherwise null, and the record takes the actor's current username. */
  username: string | null;
  role: Role | null;
  orgKind: string | null;
  orgId: string | null;
  countyId: string | null;
  procedure: string;
  targetType: string | null;
  targetId: string | null;
  changes: AuditChange[];
  input: Record<string, AuditValue>;
  outcome: string;
  requestId: string | null;
  clientAddress: string | null;
}

import { describe, expect, it } from "vitest";
import {
  AUDIT_LIMITS,
  AUDIT_REDACTED,
  auditOrganisationOf,
  boundAuditChanges,
  isSecretAuditKey,
  sanitiseAuditValue,
  summariseAuditInput,
} from "./audit-record";

describe("audit input summary", () => {
  it("never keeps a password or token, at any depth", () => {
    const summary = summariseAuditInput({ username: "county-haian", password: "Demo@2025", currentPassword: "a1", newPassword: "b2", token: "t" });
    expect(summary).toEqual({ username: "county-haian", password: AUDIT_REDACTED, currentPassword: AUDIT_REDACTED, newPassword: AUDIT_REDACTED, token: AUDIT_REDACTED });
    const nested = sanitiseAuditValue({ account: { initialPassword: "x9", sessionToken: "s", passwordHash: "h", name: "n" } });
    expect(JSON.stringify(nested)).not.toMatch(/x9|"s"|"h"/);
    expect(nested).toEqual({ account: { initialPassword: AUDIT_REDACTED, sessionToken: AUDIT_REDACTED, passwordHash: AUDIT_REDACTED, name: "n" } });
  });

  it("keeps no character PostgreSQL's jsonb refuses (a refused attempt's input may hold any), in keys or values", () => {
    const summary = summariseAuditInput({ ["user\u0000name"]: "a\u0000b\uFFFE", nested: "x" });
    expect(summary).toEqual({ username: "ab", nested: "x" });
    const cut = sanitiseAuditValue("字".repeat(AUDIT_LIMITS.textLength - 1) + "😀");
    expect(JSON.stringify(cut)).not.toMatch(/\\ud83d/i);
    expect(sanitiseAuditValue({ ["k\u0001"]: "v" })).toEqual({ k: "v" });
  });

  it("keeps keys like __proto__ and constructor only marked, so reading the record back never fails (superjson refuses them)", () => {
    const input = JSON.parse('{"__proto__": {"x": 1}, "constructor": "c", "nested": {"prototype": "p"}}') as unknown;
    const summary = summariseAuditInput(input);
    expect(Object.keys(summary).sort()).toEqual(["[__proto__]", "[constructor]", "nested"]);
    expect(sanitiseAuditValue(input)).toEqual({ "[__proto__]": { x: 1 }, "[constructor]": "c", nested: { "[prototype]": "p" } });
  });

  it("keeps file contents sent as base64 as their size only", () => {
    const file = Buffer.from("0123456789").toString("base64");
    expect(summariseAuditInput({ file })).toEqual({ file: { bytes: 10 } });
    expect(sanitiseAuditValue({ contentBase64: Buffer.from("abcd").toString("base64") })).toEqual({ contentBase64: { bytes: 4 } });
  });

  it("keeps ids and short values, and only the shape of nested content", () => {
    const summary = summariseAuditInput({
      planId: "p-1",
      pilotEnterpriseIds: ["a", "b"],
      baseRevision: 3,
      decision: "APPROVE",
      content: { cover: { title: "x" } },
      comments: [{ target: "general", body: "…" }],
    });
    expect(summary).toEqual({ planId: "p-1", pilotEnterpriseIds: ["a", "b"], baseRevision: 3, decision: "APPROVE", content: "{…}", comments: { items: 1 } });
    expect(summariseAuditInput(undefined)).toEqual({});
    expect(summariseAuditInput({})).toEqual({});
  });

  it("bounds texts, lists, nesting and the number of keys", () => {
    const long = "长".repeat(AUDIT_LIMITS.textLength + 50);
    expect(sanitiseAuditValue(long)).toBe(`${"长".repeat(AUDIT_LIMITS.textLength)}…`);
    const list = sanitiseAuditValue(Array.from({ length: 25 }, (_, i) => i)) as unknown[];
    expect(list).toHaveLength(AUDIT_LIMITS.listItems + 1);
    expect(list.at(-1)).toBe("…(+5)");
    expect(sanitiseAuditValue({ a: { b: { c: { d: 1 } } } })).toEqual({ a: { b: { c: "…" } } });
    const wide = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(summariseAuditInput(wide))).toHaveLength(AUDIT_LIMITS.inputKeys);
  });
});

describe("audit changes", () => {
  it("keeps each field's label and values before and after, truncated", () => {
    expect(boundAuditChanges([{ field: "cover.countyName", label: "县（市、区）", before: "a", after: "x".repeat(500) }])).toEqual([
      { field: "cover.countyName", label: "县（市、区）", before: "a", after: `${"x".repeat(AUDIT_LIMITS.textLength)}…` },
    ]);
  });

  it("redacts the values of a secret field", () => {
    expect(boundAuditChanges([{ field: "account.password", before: "old", after: "new" }])).toEqual([
      { field: "account.password", before: AUDIT_REDACTED, after: AUDIT_REDACTED },
    ]);
    expect(isSecretAuditKey("newPassword")).toBe(true);
    expect(isSecretAuditKey("dataTable.clusters.0.name")).toBe(false);
  });

  it("keeps at most the limit of changes and says how many were left off", () => {
    const many = Array.from({ length: AUDIT_LIMITS.changes + 7 }, (_, i) => ({ field: `f${i}`, before: i, after: i + 1 }));
    const bounded = boundAuditChanges(many);
    expect(bounded).toHaveLength(AUDIT_LIMITS.changes + 1);
    expect(bounded.at(-1)).toEqual({ field: "…", before: null, after: null, omitted: 7 });
  });
});

describe("the organisation a scope acts for", () => {
  it("names each scope's organisation and the county its own data belongs to", () => {
    expect(auditOrganisationOf({ kind: "province" })).toEqual({ kind: "province", id: null, countyId: null });
    expect(auditOrganisationOf({ kind: "reviewer", countyIds: ["320281"] })).toEqual({ kind: "reviewer", id: null, countyId: null });
    expect(auditOrganisationOf({ kind: "city", cityId: "3202", countyIds: ["320281"] })).toEqual({ kind: "city", id: "3202", countyId: null });
    expect(auditOrganisationOf({ kind: "county", countyId: "320281" })).toEqual({ kind: "county", id: "320281", countyId: "320281" });
    expect(auditOrganisationOf({ kind: "enterprise", enterpriseId: "e", countyId: "320281" })).toEqual({ kind: "enterprise", id: "e", countyId: "320281" });
    expect(auditOrganisationOf({ kind: "provider", providerId: "p" })).toEqual({ kind: "provider", id: "p", countyId: null });
  });
});

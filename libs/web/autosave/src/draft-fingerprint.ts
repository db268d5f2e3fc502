/**
 * Whether two drafts hold the same values, as one string per draft. Object keys may come in any order (the
 * database's JSON reorders them), and a missing key equals null (a schema fills the one with the other).
 */

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((entry) => canonical(entry) ?? null);
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== null && entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => [key, canonical(entry)] as const);
    return Object.fromEntries(entries);
  }
  return value ?? null;
}

/** A string equal for equal drafts. */
export function draftFingerprint(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? "null";
}

export function sameDraft(a: unknown, b: unknown): boolean {
  return a === b || draftFingerprint(a) === draftFingerprint(b);
}

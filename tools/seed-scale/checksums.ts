/**
 * Per-table checksums of what a run wrote: an MD5 over every row's text in key order (row hashes first, so the
 * national tables stay within string_agg's limits). Equal seeds give equal checksums — except User.passwordHash,
 * left out: the run hashes the shared password once with a fresh random salt, as every stored hash must have.
 */
import { createHash } from "node:crypto";
import type pg from "pg";
import { LOAD_ORDER, TABLES } from "./tables";

const KEY: Record<string, string> = { City: "code", County: "code" };
const ROW_TEXT: Record<string, string> = { User: `(to_jsonb(t) - 'passwordHash')::text` };

export async function tableChecksums(client: pg.ClientBase): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const key of LOAD_ORDER) {
    const table = TABLES[key].name;
    const result = await client.query<{ rows: number; sum: string | null }>(
      `select count(*)::int as rows, md5(string_agg(md5(${ROW_TEXT[table] ?? "t::text"}), '' order by t."${KEY[table] ?? "id"}")) as sum from "${table}" t`,
    );
    const row = result.rows[0]!;
    sums[table] = `${row.rows}:${row.sum ?? "-"}`;
  }
  return sums;
}

/** One digest of all the tables' checksums, to compare runs at a glance. */
export function overallChecksum(sums: Record<string, string>): string {
  const text = Object.entries(sums)
    .map(([table, sum]) => `${table}=${sum}`)
    .join("\n");
  return createHash("md5").update(text).digest("hex");
}

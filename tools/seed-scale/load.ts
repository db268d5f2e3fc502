/**
 * Bulk loading with COPY … FROM STDIN (text format) as the schema owner. COPY fires the tables' triggers and checks
 * every constraint and foreign key like an INSERT, so the rows are held to the app's rules; the owner bypasses
 * row-level security only as the migrations and the seed do (see verify.ts for the app role's view of them).
 */
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { RowSet } from "./rows";
import { TABLES, type ColumnKind, type TableKey, type TableSpec } from "./tables";

const NULL = "\\N";
/** Lines are sent in pieces of about this many characters. */
const PIECE_CHARS = 1 << 20;

const NEEDS_ESCAPE = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\n\r\t]/g, (char) => ESCAPES[char]!) : text;
}

/** "2025-09-05 09:12:33.000": timestamp(3) without time zone holds UTC, as Prisma writes it. */
function timestampText(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

function encode(kind: ColumnKind, value: unknown): string {
  if (value === null || value === undefined) return NULL;
  switch (kind) {
    case "text":
    case "decimal":
      return escapeText(value as string);
    case "int":
      return String(value);
    case "bool":
      return value ? "t" : "f";
    case "timestamp":
      return timestampText(value as Date);
    case "date":
      return (value as Date).toISOString().slice(0, 10);
    case "json":
      return escapeText(JSON.stringify(value));
    case "bytea":
      // bytea's hex input \x…, its backslash escaped for COPY's text format.
      return `\\\\x${Buffer.from(value as Uint8Array).toString("hex")}`;
  }
}

function* copyText<Row>(spec: TableSpec<Row>, rows: readonly Row[]): Generator<string> {
  let piece = "";
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    piece += spec.columns.map((column) => encode(spec.kinds[column], record[column])).join("\t") + "\n";
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = "";
    }
  }
  if (piece) yield piece;
}

export async function copyRows<Row>(client: pg.ClientBase, spec: TableSpec<Row>, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = spec.columns.map((column) => `"${spec.databaseNames[column] ?? column}"`).join(", ");
  const stream = client.query(copyFrom(`COPY "${spec.name}" (${columns}) FROM STDIN`));
  await pipeline(Readable.from(copyText(spec, rows)), stream);
}

/** Loads a chunk's rows, table by table in load order, in one transaction: a chunk lands whole or not at all. */
export async function loadRows(client: pg.ClientBase, rows: RowSet, loaded: Map<TableKey, number>): Promise<void> {
  await client.query("BEGIN");
  try {
    for (const table of rows.tables()) {
      await copyRows(client, TABLES[table] as TableSpec<unknown>, rows.of(table));
      loaded.set(table, (loaded.get(table) ?? 0) + rows.count(table));
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

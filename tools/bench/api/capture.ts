/**
 * The capture pass's bookkeeping: the statements one request made (the lines sql-capture.mjs appended while it ran,
 * the bench calling one procedure at a time), grouped per connection in the order they were sent — each group is one
 * transaction (or a lone statement) — and what a replay must change: ids the API generated for the request.
 */
import { open } from "node:fs/promises";

export interface CapturedStatement {
  seq: number;
  connection: number;
  /** When it was sent (ms, the capturing process's monotonic clock). */
  at: number;
  text: string;
  values: unknown[];
  rowMode?: "array";
  ms: number;
  rows: number | null;
  error?: string;
}

/** Reads the capture file from `offset`; returns the statements since and the new offset. */
export async function readCaptured(file: string, offset: number): Promise<{ statements: CapturedStatement[]; offset: number }> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(size - offset);
    if (buffer.length > 0) await handle.read(buffer, 0, buffer.length, offset);
    const statements = buffer
      .toString("utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as CapturedStatement)
      .sort((a, b) => a.seq - b.seq);
    return { statements, offset: size };
  } finally {
    await handle.close();
  }
}

/** A statement that only controls the transaction (a BEGIN sent with the scope's statement is a query as well). */
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SET TRANSACTION\b[^;]*)\s*;?\s*$/i;

export function isTransactionControl(text: string): boolean {
  return TRANSACTION_CONTROL.test(text);
}

/** Consecutive runs of statements on one connection, in the order they started (a transaction holds its connection). */
export function groupByConnection(statements: CapturedStatement[]): CapturedStatement[][] {
  const groups: CapturedStatement[][] = [];
  const inTransaction = new Map<number, CapturedStatement[]>();
  for (const statement of statements) {
    let group = inTransaction.get(statement.connection);
    if (!group) {
      group = [];
      groups.push(group);
      // A statement outside a transaction is a group of its own.
      if (/^\s*BEGIN\b/i.test(statement.text)) inTransaction.set(statement.connection, group);
    }
    group.push(statement);
    // A transaction ends its group; the connection's next statement starts another.
    if (/^\s*(COMMIT|ROLLBACK)\b/i.test(statement.text)) inTransaction.delete(statement.connection);
  }
  return groups;
}

export interface StatementCounts {
  /** Round trips to PostgreSQL: every statement, BEGIN and COMMIT included. */
  statements: number;
  /** Statements that are not only transaction control: the scope set-up (sent with BEGIN) and the reads and writes. */
  queries: number;
  transactions: number;
  /** Sum of the statements' round-trip times as the capturing API saw them, one request alone (indicative: the
   *  capture process's own event loop and the machine's load are in it). */
  dbMs: number;
  /** How long the request held connections: from each group's first statement sent to its last answered (a
   *  transaction keeps its connection while the API works between statements). */
  heldMs: number;
}

export function countStatements(statements: CapturedStatement[]): StatementCounts {
  return {
    statements: statements.length,
    queries: statements.filter((statement) => !isTransactionControl(statement.text)).length,
    transactions: statements.filter((statement) => /^\s*BEGIN\b/i.test(statement.text)).length,
    dbMs: Math.round(statements.reduce((sum, statement) => sum + statement.ms, 0) * 1000) / 1000,
    heldMs:
      Math.round(
        groupByConnection(statements).reduce((sum, group) => sum + (group.at(-1)!.at + group.at(-1)!.ms - group[0]!.at), 0) * 1000,
      ) / 1000,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids the API made up for the request (e.g. a new export's id): uuid parameters that differ between two captures of
 * the same call at the same place. The bare replay gives them new values each time, as the API does, so its INSERTs
 * do not collide.
 */
export function freshValues(first: CapturedStatement[], second: CapturedStatement[]): string[] {
  const fresh = new Set<string>();
  if (first.length !== second.length) return [];
  first.forEach((statement, index) => {
    const other = second[index]!;
    statement.values.forEach((value, position) => {
      const again = other.values[position];
      if (typeof again === "string" && UUID.test(again) && value !== again) fresh.add(again);
    });
  });
  return [...fresh];
}

/** A statement as the report shows it: the SQL on one line, shortened. */
export function statementSummary(statement: CapturedStatement): string {
  const text = statement.text.replace(/\s+/g, " ").trim();
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

import { describe, expect, it } from "vitest";
import { countStatements, isTransactionControl, type CapturedStatement } from "./capture";

const statement = (seq: number, text: string, at: number, ms = 1): CapturedStatement => ({ seq, connection: 1, at, text, values: [], ms, rows: null });

describe("the capture's counts", () => {
  it("count a BEGIN sent with the scope's statement as a round trip and a query, a bare BEGIN or COMMIT as a round trip only", () => {
    expect(isTransactionControl("BEGIN")).toBe(true);
    expect(isTransactionControl("COMMIT")).toBe(true);
    expect(isTransactionControl("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")).toBe(true);
    expect(isTransactionControl("BEGIN; select set_config('app.scope_kind', 'county', true), true as live")).toBe(false);
    const counts = countStatements([
      statement(1, "BEGIN; select set_config('app.scope_kind', 'county', true), true as live", 0),
      statement(2, 'select u.id from "User" u where u.id = $1', 2),
      statement(3, "COMMIT", 4),
    ]);
    expect(counts).toMatchObject({ statements: 3, queries: 2, transactions: 1, dbMs: 3, heldMs: 5 });
  });
});

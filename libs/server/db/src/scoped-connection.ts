/**
 * The connection under a scoped transaction (library-private: index.ts does not export this file).
 *
 * Prisma's pg adapter opens an interactive transaction by checking a client out of the pool and sending `BEGIN` on
 * it, then sends each query of the transaction as its own round trip, and `COMMIT` last. A request used to spend a
 * round trip on `BEGIN` and another on the statement that sets its scope (the RLS settings and the session's grant
 * check). Here the pool's clients answer the `BEGIN` of a transaction that `withScope` opens with both statements in
 * one round trip (`BEGIN; select set_config(…)…` as one simple query), and remember which client it was, so the
 * library's raw reads (scoped-sql.ts) run on the same connection, in the same transaction, without Prisma's query
 * compiler. Which transaction is `withScope`'s is known from the async context it opened it in; a `BEGIN` sent in
 * any other context goes out as it is.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

/** The statement a scope begins with, and what its `BEGIN` found once it was sent. */
export interface PendingScope {
  /** One statement setting the scope; its `live` column says whether the session's grant holds. */
  readonly statement: string;
  began?: { connection: ScopedConnection; live: boolean };
}

/** The connection of one open scoped transaction, usable until the transaction's work is over. */
export class ScopedConnection {
  private open = true;

  constructor(
    readonly client: ScopedClient,
    private readonly lease: number,
  ) {}

  /** The client while this transaction still holds it; throws once the work is over or the client went back to the pool. */
  current(): ScopedClient {
    if (!this.open || leaseOf(this.client) !== this.lease) throw new Error("the scoped transaction is over: its connection is not this request's any more");
    return this.client;
  }

  close(): void {
    this.open = false;
  }
}

const pendingScopes = new AsyncLocalStorage<PendingScope>();

/** Runs `open` (which opens the scope's transaction) so that the transaction's `BEGIN` carries the scope's statement. */
export function openingScope<T>(pending: PendingScope, open: () => Promise<T>): Promise<T> {
  return pendingScopes.run(pending, open);
}

/** How many times a client went back to the pool: a transaction's connection is valid for one lease only. */
const leases = new WeakMap<pg.ClientBase, number>();

function leaseOf(client: pg.ClientBase): number {
  return leases.get(client) ?? 0;
}

type QueryFunction = (this: pg.Client, ...args: unknown[]) => unknown;

function isBegin(config: unknown): boolean {
  return typeof config === "object" && config !== null && (config as { text?: unknown }).text === "BEGIN";
}

/** A pool client that sends a scoped transaction's `BEGIN` together with the scope's statement. */
export class ScopedClient extends pg.Client {}

const query = pg.Client.prototype.query as QueryFunction;

Object.defineProperty(ScopedClient.prototype, "query", {
  configurable: true,
  writable: true,
  value: function scopedQuery(this: ScopedClient, ...args: unknown[]): unknown {
    const pending = pendingScopes.getStore();
    // Only the adapter's BEGIN of withScope's own transaction (it asks with a promise: no callback).
    if (!pending || pending.began || !isBegin(args[0]) || args.some((arg) => typeof arg === "function")) return query.apply(this, args);
    const connection = new ScopedConnection(this, leaseOf(this));
    const sent = query.call(this, `BEGIN; ${pending.statement}`) as Promise<pg.QueryResult[]>;
    return sent.then((results) => {
      const [begin, scope] = results;
      pending.began = { connection, live: scope?.rows[0]?.live === true };
      return begin;
    });
  },
});

/** The pool the app's Prisma client runs on: its clients are ScopedClients, and each return to the pool is counted. */
export function createScopedPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ ...config, Client: ScopedClient });
  pool.on("release", (_error, client) => leases.set(client, leaseOf(client) + 1));
  return pool;
}

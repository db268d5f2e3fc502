/**
 * The scoped transaction behind a tenant handle, for the repositories of this library only: index.ts does not
 * export this file, and ESLint refuses raw transaction access elsewhere. Callers hold the handle, never the
 * transaction, so every query they cause goes through a repository that applies the handle's filters.
 */
import type { ScopedConnection } from "./scoped-connection";
import type { ScopedTransaction } from "./tenant-scope";

const transactions = new WeakMap<object, ScopedTransaction>();
const connections = new WeakMap<ScopedTransaction, ScopedConnection>();

export function attachTransaction(tenant: object, tx: ScopedTransaction): void {
  transactions.set(tenant, tx);
}

/** The transaction a tenant handle runs in. */
export function transactionOf(tenant: object): ScopedTransaction {
  const tx = transactions.get(tenant);
  if (!tx) throw new Error("not a tenant handle");
  return tx;
}

/** Records the connection a scoped transaction runs on (withScope), for the library's raw reads. */
export function attachConnection(tx: ScopedTransaction, connection: ScopedConnection): void {
  connections.set(tx, connection);
}

/** The connection of the transaction a tenant handle runs in; undefined on a client whose pool is not the library's. */
export function connectionOf(tenant: object): ScopedConnection | undefined {
  return connections.get(transactionOf(tenant));
}


import type { Database } from "../client";
import type { TenantDb } from "../tenant-db";
import { transactionOf } from "../tenant-transaction";

export function listBatches(db: TenantDb) {
  return transactionOf(db).batch.findMany({
    where: db.accessible("read", "Batch"),
    select: { id: true, name: true, startsOn: true, endsOn: true },
    orderBy: { startsOn: "desc" },
  });
}

/** Every batch's period, read at sign-in before a scope exists (batches are reference data, not county-owned). */
export function listBatchPeriodsForSignIn(db: Database) {
  return db.batch.findMany({ select: { id: true, name: true, startsOn: true, endsOn: true } });
}

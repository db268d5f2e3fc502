import type { TenantDb } from "../tenant-db";

export function listBatches(db: TenantDb) {
  return db.tx.batch.findMany({
    where: db.accessible("read", "Batch"),
    select: { id: true, name: true, startsOn: true, endsOn: true },
    orderBy: { startsOn: "desc" },
  });
}

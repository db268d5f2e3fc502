import type { TenantDb } from "../tenant-db";
import { transactionOf } from "../tenant-transaction";

const ENTERPRISE_FIELDS = {
  id: true,
  name: true,
  creditCode: true,
  countyId: true,
  county: { select: { name: true, city: { select: { name: true } } } },
} as const;

export function listEnterprises(db: TenantDb, filter: { countyId?: string | undefined }) {
  return transactionOf(db).enterprise.findMany({
    where: { AND: [filter.countyId ? { countyId: filter.countyId } : {}, db.accessible("read", "Enterprise")] },
    select: ENTERPRISE_FIELDS,
    orderBy: [{ countyId: "asc" }, { name: "asc" }],
  });
}

export function findEnterprise(db: TenantDb, enterpriseId: string) {
  return transactionOf(db).enterprise.findFirst({
    where: { AND: [{ id: enterpriseId }, db.accessible("read", "Enterprise")] },
    select: ENTERPRISE_FIELDS,
  });
}

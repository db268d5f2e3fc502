import type { TenantDb } from "../tenant-db";
import { transactionOf } from "../tenant-transaction";

/** Counties this principal may see, with their city and region and the batches they pilot in, by division code. */
export function listVisibleCounties(db: TenantDb) {
  return transactionOf(db).county.findMany({
    where: db.accessible("read", "County"),
    select: {
      code: true,
      name: true,
      kind: true,
      city: { select: { code: true, name: true, region: true } },
      pilots: { where: db.accessible("read", "PilotCounty"), select: { batchId: true } },
    },
    orderBy: { code: "asc" },
  });
}

/** One county's profile: its city and region, and the batches it takes part in with its enterprise count. */
export async function findCountyProfile(db: TenantDb, countyCode: string) {
  const county = await transactionOf(db).county.findFirst({
    where: { AND: [{ code: countyCode }, db.accessible("read", "County")] },
    select: {
      code: true,
      name: true,
      kind: true,
      city: { select: { code: true, name: true, region: true } },
      pilots: {
        where: db.accessible("read", "PilotCounty"),
        select: { batch: { select: { id: true, name: true, startsOn: true, endsOn: true } } },
        orderBy: { batch: { startsOn: "desc" } },
      },
    },
  });
  if (!county) return null;
  const enterpriseCount = await transactionOf(db).enterprise.count({
    where: { AND: [{ countyId: countyCode }, db.accessible("read", "Enterprise")] },
  });
  const { pilots, ...profile } = county;
  return { ...profile, batches: pilots.map((pilot) => pilot.batch), enterpriseCount };
}

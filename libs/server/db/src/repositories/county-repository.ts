import type { CountyKind, Region } from "../generated/prisma/client";
import { accessibleWhere, rows, sql, utcDate } from "../scoped-sql";
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

interface CountyBatchesRow {
  code: string;
  name: string;
  kind: CountyKind;
  cityCode: string;
  cityName: string;
  cityRegion: Region;
  batches: { id: string; name: string; startsOn: string; endsOn: string }[];
}

/**
 * A county with its city and region and the batches it pilots in, newest first: findCountyProfile without the
 * enterprise count, in one raw read (scoped-sql.ts) with the handle's filters on the county and its pilots, for the
 * county's plan page (every visit reads it).
 */
export async function findCountyBatches(db: TenantDb, countyCode: string) {
  const [row] = await rows<CountyBatchesRow>(
    db,
    sql`select co.code, co.name, co.kind::text as kind, ci.code as "cityCode", ci.name as "cityName", ci.region::text as "cityRegion",
               coalesce((select json_agg(json_build_object('id', b.id, 'name', b.name, 'startsOn', b."startsOn", 'endsOn', b."endsOn")
                                         order by b."startsOn" desc)
                           from "PilotCounty" pc join "Batch" b on b.id = pc."batchId"
                          where pc."countyId" = co.code and ${accessibleWhere(db, "read", "PilotCounty", "pc")}), '[]') as batches
          from "County" co
          join "City" ci on ci.code = co."cityCode"
         where co.code = ${countyCode} and ${accessibleWhere(db, "read", "County", "co")}`,
  );
  if (!row) return null;
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    city: { code: row.cityCode, name: row.cityName, region: row.cityRegion },
    batches: row.batches.map((batch) => ({ id: batch.id, name: batch.name, startsOn: utcDate(batch.startsOn), endsOn: utcDate(batch.endsOn) })),
  };
}

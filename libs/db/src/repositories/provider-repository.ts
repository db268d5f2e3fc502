import type { TenantDb } from "../tenant-db";

/** A provider's profile with the counties it serves that this principal may see. */
export function findProvider(db: TenantDb, providerId: string) {
  return db.tx.provider.findFirst({
    where: { AND: [{ id: providerId }, db.accessible("read", "Provider")] },
    select: {
      id: true,
      name: true,
      creditCode: true,
      capability: true,
      industry: true,
      origin: true,
      counties: {
        where: db.accessible("read", "ProviderCounty"),
        select: { county: { select: { code: true, name: true, city: { select: { name: true, region: true } } } } },
        orderBy: { countyId: "asc" },
      },
    },
  });
}

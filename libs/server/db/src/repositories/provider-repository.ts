import type { TenantDb } from "../tenant-db";
import { transactionOf } from "../tenant-transaction";

/** A provider's profile with the counties it serves that this principal may see. */
export function findProvider(db: TenantDb, providerId: string) {
  return transactionOf(db).provider.findFirst({
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

/** The providers serving a county (those the principal may see), by name: the county's choice of providers to link. */
export function listProvidersServing(db: TenantDb, countyId: string) {
  return transactionOf(db).provider.findMany({
    where: { AND: [{ counties: { some: { AND: [{ countyId }, db.accessible("read", "ProviderCounty")] } } }, db.accessible("read", "Provider")] },
    select: { id: true, name: true, capability: true, industry: true, origin: true },
    orderBy: { name: "asc" },
  });
}

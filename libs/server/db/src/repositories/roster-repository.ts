/**
 * The roster 试点企业改造名单: pilot enterprises per county and batch, with their provider links and the revisions of
 * their file sections (for completeness). Reads go through the tenant handle's filter and RLS (a provider reaches only
 * the enterprises it is linked to: the handle adds that condition).
 */
import type { PilotEnterpriseInput } from "@dtpilot/domain";
import { Prisma } from "../generated/prisma/client";
import type { TenantDb } from "../tenant-db";
import { transactionOf } from "../tenant-transaction";

const PILOT_ENTERPRISE_SELECT = {
  id: true,
  countyId: true,
  batchId: true,
  subIndustry: true,
  scale: true,
  specialised: true,
  lastYearRevenue: true,
  contactName: true,
  contactPhone: true,
  status: true,
  transformationStartedOn: true,
  createdAt: true,
  removedAt: true,
  enterprise: { select: { id: true, name: true, creditCode: true } },
  providerLinks: { select: { provider: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
  fileSections: { select: { section: true, content: true, revision: true, updatedAt: true } },
} as const satisfies Prisma.PilotEnterpriseSelect;

export type PilotEnterpriseRecord = Prisma.PilotEnterpriseGetPayload<{ select: typeof PILOT_ENTERPRISE_SELECT }>;

/** A county's roster for a batch, in the order entries were added (removed entries included, marked). */
export function listPilotEnterprises(db: TenantDb, where: { countyId: string; batchId: string }) {
  return transactionOf(db).pilotEnterprise.findMany({
    where: { AND: [where, db.accessible("read", "PilotEnterprise")] },
    select: PILOT_ENTERPRISE_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export function findPilotEnterprise(db: TenantDb, pilotEnterpriseId: string) {
  return transactionOf(db).pilotEnterprise.findFirst({
    where: { AND: [{ id: pilotEnterpriseId }, db.accessible("read", "PilotEnterprise")] },
    select: PILOT_ENTERPRISE_SELECT,
  });
}

/** Credit codes already on the batch's roster (active entries), for duplicate checks. */
export async function enrolledCreditCodes(db: TenantDb, where: { countyId: string; batchId: string }): Promise<Set<string>> {
  const rows = await transactionOf(db).pilotEnterprise.findMany({
    where: { AND: [where, { status: "ACTIVE" }, db.accessible("read", "PilotEnterprise")] },
    select: { enterprise: { select: { creditCode: true } } },
  });
  return new Set(rows.map((row) => row.enterprise.creditCode));
}

export type AddPilotEnterpriseResult = { ok: true; pilotEnterpriseId: string } | { ok: false; reason: "ENROLLED" | "REGISTERED_ELSEWHERE" };

/**
 * Puts one enterprise on the roster, by the rules of addPilotEnterprises: its organisation is found by credit code in
 * the county (or registered there), then enrolled for the batch. Refused when the code is already enrolled, or
 * belongs to another county's enterprise.
 */
export async function addPilotEnterprise(
  db: TenantDb,
  data: { countyId: string; batchId: string; entry: PilotEnterpriseInput; addedById: string },
): Promise<AddPilotEnterpriseResult> {
  const { entry, ...rest } = data;
  const added = await addPilotEnterprises(db, { ...rest, entries: [entry] });
  if (!added.ok) return { ok: false, reason: added.reason };
  const pilot = await transactionOf(db).pilotEnterprise.findFirstOrThrow({
    where: { batchId: data.batchId, enterprise: { countyId: data.countyId, creditCode: entry.creditCode } },
    select: { id: true },
  });
  return { ok: true, pilotEnterpriseId: pilot.id };
}

/**
 * The credit codes among `codes` that belong to an enterprise registered in another county than `countyId` (RLS hides
 * those enterprises; a SECURITY DEFINER function answers this one question, naming no county).
 */
export async function creditCodesRegisteredElsewhere(db: TenantDb, countyId: string, codes: readonly string[]): Promise<string[]> {
  const rows = await transactionOf(db).$queryRaw<{ code: string }[]>`
    select code from unnest(${codes}::text[]) as code where app_credit_code_registered_elsewhere(code, ${countyId})`;
  return rows.map((row) => row.code);
}

export type AddPilotEnterprisesResult = { ok: true; count: number } | { ok: false; reason: "ENROLLED" | "REGISTERED_ELSEWHERE"; creditCode: string };

/**
 * Enrols entries (one, or an import's thousands) in a handful of statements whatever their number: each enterprise is
 * found by credit code in the county or registered there, then enrolled for the batch; one taken off the roster
 * before comes back on its own row, with its file and history. Refused when a code is already enrolled, or belongs
 * to another county's enterprise. All or nothing: on a refusal the caller fails the request and the transaction
 * rolls back.
 */
export async function addPilotEnterprises(
  db: TenantDb,
  data: { countyId: string; batchId: string; entries: readonly PilotEnterpriseInput[]; addedById: string },
): Promise<AddPilotEnterprisesResult> {
  const codes = data.entries.map((entry) => entry.creditCode);
  const [elsewhere] = await creditCodesRegisteredElsewhere(db, data.countyId, codes);
  if (elsewhere) return { ok: false, reason: "REGISTERED_ELSEWHERE", creditCode: elsewhere };

  const known = await transactionOf(db).enterprise.findMany({
    where: { AND: [{ countyId: data.countyId, creditCode: { in: codes } }, db.accessible("read", "Enterprise")] },
    select: { creditCode: true },
  });
  const knownCodes = new Set(known.map((enterprise) => enterprise.creditCode));
  await transactionOf(db).enterprise.createMany({
    data: data.entries
      .filter((entry) => !knownCodes.has(entry.creditCode))
      .map((entry) => ({ countyId: data.countyId, name: entry.name, creditCode: entry.creditCode })),
  });
  const enterprises = await transactionOf(db).enterprise.findMany({
    where: { AND: [{ countyId: data.countyId, creditCode: { in: codes } }, db.accessible("read", "Enterprise")] },
    select: { id: true, creditCode: true },
  });
  const idOf = new Map(enterprises.map((enterprise) => [enterprise.creditCode, enterprise.id]));
  const existing = await transactionOf(db).pilotEnterprise.findMany({
    where: { batchId: data.batchId, enterpriseId: { in: enterprises.map((enterprise) => enterprise.id) } },
    select: { id: true, enterpriseId: true, status: true },
  });
  const enrolled = existing.find((pilot) => pilot.status === "ACTIVE");
  if (enrolled) {
    return { ok: false, reason: "ENROLLED", creditCode: enterprises.find((enterprise) => enterprise.id === enrolled.enterpriseId)!.creditCode };
  }
  const removed = new Map(existing.map((pilot) => [pilot.enterpriseId, pilot.id]));
  const fields = (entry: PilotEnterpriseInput) => ({
    subIndustry: entry.subIndustry,
    scale: entry.scale,
    specialised: entry.specialised,
    lastYearRevenue: new Prisma.Decimal(entry.lastYearRevenue),
    contactName: entry.contactName ?? null,
    contactPhone: entry.contactPhone ?? null,
  });
  // Back on the roster after a removal: the same row, so its file and history stay with it (rare; one by one).
  for (const entry of data.entries) {
    const pilotEnterpriseId = removed.get(idOf.get(entry.creditCode)!);
    if (pilotEnterpriseId) await transactionOf(db).pilotEnterprise.update({ where: { id: pilotEnterpriseId }, data: { ...fields(entry), status: "ACTIVE", removedAt: null } });
  }
  await transactionOf(db).pilotEnterprise.createMany({
    data: data.entries
      .filter((entry) => !removed.has(idOf.get(entry.creditCode)!))
      .map((entry) => ({
        countyId: data.countyId,
        batchId: data.batchId,
        enterpriseId: idOf.get(entry.creditCode)!,
        addedById: data.addedById,
        ...fields(entry),
      })),
  });
  return { ok: true, count: data.entries.length };
}

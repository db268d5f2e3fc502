/**
 * The roster 试点企业改造名单: pilot enterprises per county and batch, with their provider links and their files'
 * completeness (stored beside each entry, see file-completeness.ts). Reads go through the tenant handle's filter and RLS
 * (a provider reaches only the enterprises it is linked to: the handle adds that condition). Lists are filtered,
 * ordered and paged here, in SQL, by the domain's one roster query (roster-query.ts).
 */
import { pageWindow, totalShownByPage, type PilotEnterpriseInput, type RosterFilter, type RosterSort } from "@dtpilot/domain";
import { emptyFileCompletenessColumns } from "../file-completeness";
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
  filePercentage: true,
  fileComplete: true,
  fileCompleteness: true,
  fileCompletenessVersion: true,
  enterprise: { select: { id: true, name: true, creditCode: true } },
  providerLinks: { select: { provider: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.PilotEnterpriseSelect;

export type PilotEnterpriseRecord = Prisma.PilotEnterpriseGetPayload<{ select: typeof PILOT_ENTERPRISE_SELECT }>;

type RosterWhere = { countyId: string; batchId: string };

/** The roster's own order: the order entries were added. */
const ROSTER_ORDER = [{ createdAt: "asc" }, { id: "asc" }] as const satisfies Prisma.PilotEnterpriseOrderByWithRelationInput[];

/** The entries a filter admits (roster-query.ts): a filter left out, or an empty list, admits all. */
export function rosterFilterWhere(filter: RosterFilter = {}): Prisma.PilotEnterpriseWhereInput {
  return {
    ...(filter.subIndustries && filter.subIndustries.length > 0 ? { subIndustry: { in: filter.subIndustries } } : {}),
    ...(filter.scale === undefined ? {} : { scale: filter.scale }),
    ...(filter.specialised === undefined ? {} : { specialised: filter.specialised }),
    ...(filter.complete === undefined ? {} : { fileComplete: filter.complete }),
    ...(filter.status === undefined ? {} : { status: filter.status }),
  };
}

/**
 * The order a sort asks for, ties in the roster's order. 企业名称 sorts by its column's collation (pinyin, numbers by
 * value); an entry without a revenue comes last in either direction.
 */
export function rosterOrderBy(sort: RosterSort | null | undefined): Prisma.PilotEnterpriseOrderByWithRelationInput[] {
  if (!sort) return [...ROSTER_ORDER];
  const direction = sort.direction === "ascend" ? "asc" : "desc";
  switch (sort.key) {
    case "name":
      return [{ enterprise: { name: direction } }, ...ROSTER_ORDER];
    case "revenue":
      return [{ lastYearRevenue: { sort: direction, nulls: "last" } }, ...ROSTER_ORDER];
    case "completeness":
      return [{ filePercentage: direction }, ...ROSTER_ORDER];
  }
}

function rosterCondition(db: TenantDb, where: RosterWhere, filter?: RosterFilter): Prisma.PilotEnterpriseWhereInput {
  return { AND: [where, rosterFilterWhere(filter), db.accessible("read", "PilotEnterprise")] };
}

/** A county's roster for a batch, filtered and ordered (by default every entry, removed ones included, as added). */
export function listPilotEnterprises(db: TenantDb, where: RosterWhere, query: { filter?: RosterFilter; sort?: RosterSort | null } = {}) {
  return transactionOf(db).pilotEnterprise.findMany({
    where: rosterCondition(db, where, query.filter),
    select: PILOT_ENTERPRISE_SELECT,
    orderBy: rosterOrderBy(query.sort),
  });
}

/**
 * One page of the roster as filtered and ordered, and how many entries the filter admits. A page past the last is
 * empty, with the total. The count is skipped when the page itself shows where the list ends.
 */
export async function listPilotEnterprisePage(
  db: TenantDb,
  where: RosterWhere,
  query: { filter?: RosterFilter; sort?: RosterSort | null; page: number; pageSize: number },
): Promise<{ entries: PilotEnterpriseRecord[]; total: number }> {
  const condition = rosterCondition(db, where, query.filter);
  const { skip, take } = pageWindow(query);
  const entries = await transactionOf(db).pilotEnterprise.findMany({
    where: condition,
    select: PILOT_ENTERPRISE_SELECT,
    orderBy: rosterOrderBy(query.sort),
    skip,
    take,
  });
  const total = totalShownByPage({ skip, take }, entries.length) ?? (await transactionOf(db).pilotEnterprise.count({ where: condition }));
  return { entries, total };
}

/**
 * What the roster's counts need of every entry (sub-industry, scale, 专精特新, status), in the roster's order: a few
 * short columns, never the file.
 */
export function listRosterCategories(db: TenantDb, where: RosterWhere) {
  return transactionOf(db).pilotEnterprise.findMany({
    where: rosterCondition(db, where),
    select: { subIndustry: true, scale: true, specialised: true, status: true },
    orderBy: [...ROSTER_ORDER],
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
    select: { id: true, name: true, creditCode: true },
  });
  const idOf = new Map(enterprises.map((enterprise) => [enterprise.creditCode, enterprise.id]));
  const nameOf = new Map(enterprises.map((enterprise) => [enterprise.creditCode, enterprise.name]));
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
        // A new entry's file is empty; one back after a removal keeps its file, and its completeness, above.
        ...emptyFileCompletenessColumns({ enterpriseName: nameOf.get(entry.creditCode)!, creditCode: entry.creditCode, countyId: data.countyId }),
      })),
  });
  return { ok: true, count: data.entries.length };
}

/**
 * The sections of an enterprise's file 改造信息表 (附2), each saved on its own with a revision: a save names the
 * revision it started from and is refused, overwriting nothing, when someone saved the section since. Which writer may
 * save which section when is the domain's rule (enterprise-file-editability.ts); RLS admits each writer's sections only.
 */
import { FILE_COMPLETENESS_VERSION } from "@dtpilot/domain";
import { storedFileCompleteness } from "../file-completeness";
import type { FileSection, Prisma } from "../generated/prisma/client";
import type { TenantDb } from "../tenant-db";
import { transactionOf } from "../tenant-transaction";

const SECTION_SELECT = {
  section: true,
  content: true,
  revision: true,
  updatedAt: true,
  updatedBy: { select: { displayName: true } },
} as const satisfies Prisma.EnterpriseFileSectionSelect;

export type FileSectionRecord = Prisma.EnterpriseFileSectionGetPayload<{ select: typeof SECTION_SELECT }>;

export function findFileSections(db: TenantDb, pilotEnterpriseId: string) {
  return transactionOf(db).enterpriseFileSection.findMany({
    where: { AND: [{ pilotEnterpriseId: pilotEnterpriseId }, db.accessible("read", "EnterpriseFileSection")] },
    select: SECTION_SELECT,
  });
}

export function findFileSection(db: TenantDb, pilotEnterpriseId: string, section: FileSection) {
  return transactionOf(db).enterpriseFileSection.findFirst({
    where: { AND: [{ pilotEnterpriseId: pilotEnterpriseId, section }, db.accessible("read", "EnterpriseFileSection")] },
    select: SECTION_SELECT,
  });
}

/** Whether the caller is a provider linked to the pilot enterprise. */
export async function isLinkedProvider(db: TenantDb, pilotEnterpriseId: string): Promise<boolean> {
  const scope = db.scope;
  if (scope.kind !== "provider") return false;
  const providerId = scope.providerId;
  const link = await transactionOf(db).enterpriseProviderLink.findFirst({
    where: { AND: [{ pilotEnterpriseId: pilotEnterpriseId, providerId }, db.accessible("read", "EnterpriseProviderLink")] },
    select: { id: true },
  });
  return link !== null;
}

export type SaveFileSectionResult = { ok: true; revision: number; updatedAt: Date } | { ok: false };

/**
 * Saves a section if it is still at `baseRevision` (0: not saved yet). Returns `{ ok: false }` when someone saved it
 * since: the caller answers with the current content, and nothing is overwritten. A save also stores the file's
 * completeness on the roster entry, in the same transaction (storeFileCompleteness).
 */
export async function saveFileSection(
  db: TenantDb,
  data: {
    countyId: string;
    pilotEnterpriseId: string;
    enterpriseId: string;
    section: FileSection;
    baseRevision: number;
    content: Prisma.InputJsonObject;
    editorId: string;
  },
): Promise<SaveFileSectionResult> {
  const key = { pilotEnterpriseId: data.pilotEnterpriseId, section: data.section };
  // The entry first, then the section: saves of two sections at once take turns, so each sums the other's.
  if (!(await lockEnterpriseFile(db, data.pilotEnterpriseId))) return { ok: false };
  const saved = await storeSection(db, data, key);
  if (saved.ok) await storeFileCompleteness(db, data.pilotEnterpriseId);
  return saved;
}

async function storeSection(
  db: TenantDb,
  data: { countyId: string; enterpriseId: string; baseRevision: number; content: Prisma.InputJsonObject; editorId: string },
  key: { pilotEnterpriseId: string; section: FileSection },
): Promise<SaveFileSectionResult> {
  if (data.baseRevision === 0) {
    // Conditional in the INSERT: of two first saves at once, the second finds the row and is refused (no 500).
    const created = await transactionOf(db).enterpriseFileSection.createMany({
      data: [{ ...key, countyId: data.countyId, enterpriseId: data.enterpriseId, content: data.content, updatedById: data.editorId }],
      skipDuplicates: true,
    });
    if (created.count !== 1) return { ok: false };
    const saved = await transactionOf(db).enterpriseFileSection.findUniqueOrThrow({ where: { pilotEnterpriseId_section: key }, select: { revision: true, updatedAt: true } });
    return { ok: true, ...saved };
  }
  const updated = await transactionOf(db).enterpriseFileSection.updateMany({
    where: { ...key, revision: data.baseRevision },
    data: { content: data.content, revision: { increment: 1 }, updatedById: data.editorId },
  });
  if (updated.count !== 1) return { ok: false };
  const saved = await transactionOf(db).enterpriseFileSection.findUniqueOrThrow({ where: { pilotEnterpriseId_section: key }, select: { revision: true, updatedAt: true } });
  return { ok: true, ...saved };
}

/**
 * Locks the pilot enterprise's row for the rest of the transaction, if the caller may write its file (the county, the
 * enterprise itself, a linked provider); false otherwise. Through a database function: only the county writes the row.
 */
async function lockEnterpriseFile(db: TenantDb, pilotEnterpriseId: string): Promise<boolean> {
  const [row] = await transactionOf(db).$queryRaw<{ locked: boolean }[]>`select app_lock_enterprise_file(${pilotEnterpriseId}::uuid) as locked`;
  return row?.locked === true;
}

/**
 * Recomputes the file's completeness from its stored sections and the entry's roster fields (the domain's rule) and
 * stores it on the roster entry.
 * Call with the entry locked (lockEnterpriseFile), after the file changed.
 */
async function storeFileCompleteness(db: TenantDb, pilotEnterpriseId: string): Promise<void> {
  // The sections with the entry's roster fields, in one query.
  const entry = await transactionOf(db).pilotEnterprise.findFirstOrThrow({
    where: { AND: [{ id: pilotEnterpriseId }, db.accessible("read", "PilotEnterprise")] },
    select: {
      countyId: true,
      enterprise: { select: { name: true, creditCode: true } },
      fileSections: { where: db.accessible("read", "EnterpriseFileSection"), select: { section: true, content: true } },
    },
  });
  const summary = storedFileCompleteness(entry.fileSections, {
    enterpriseName: entry.enterprise.name,
    creditCode: entry.enterprise.creditCode,
    countyId: entry.countyId,
  });
  const [row] = await transactionOf(db).$queryRaw<{ stored: boolean }[]>`
    select app_store_file_completeness(${pilotEnterpriseId}::uuid, ${summary.percentage}::int, ${summary.complete}::boolean,
      ${JSON.stringify(summary.sections)}::jsonb, ${FILE_COMPLETENESS_VERSION}::int) as stored`;
  // The lock admitted the caller, so the store does too; anything else is a bug, and the save must not commit without it.
  if (row?.stored !== true) throw new Error(`file completeness of ${pilotEnterpriseId} not stored`);
}

/** Links a provider to a pilot enterprise (the county does, until task books set it); a second link is a no-op. */
export async function linkProvider(db: TenantDb, data: { countyId: string; pilotEnterpriseId: string; providerId: string; linkedById: string }) {
  await transactionOf(db).enterpriseProviderLink.upsert({
    where: { pilotEnterpriseId_providerId: { pilotEnterpriseId: data.pilotEnterpriseId, providerId: data.providerId } },
    create: { countyId: data.countyId, pilotEnterpriseId: data.pilotEnterpriseId, providerId: data.providerId, linkedById: data.linkedById },
    update: {},
  });
}

/** Whether the provider serves the county (a provider may be linked only to enterprises of counties it serves). */
export async function providerServesCounty(db: TenantDb, providerId: string, countyId: string): Promise<boolean> {
  const served = await transactionOf(db).providerCounty.findFirst({
    where: { AND: [{ providerId, countyId }, db.accessible("read", "ProviderCounty")] },
    select: { id: true },
  });
  return served !== null;
}

/** Records when the transformation project started (改造后 sections may be filled from then on). */
export async function setTransformationStart(db: TenantDb, data: { countyId: string; pilotEnterpriseId: string; startedOn: Date | null }) {
  const updated = await transactionOf(db).pilotEnterprise.updateMany({
    where: { AND: [{ id: data.pilotEnterpriseId, countyId: data.countyId }, db.accessible("update", "PilotEnterprise")] },
    data: { transformationStartedOn: data.startedOn },
  });
  return updated.count === 1;
}

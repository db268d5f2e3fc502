/**
 * The sections of an enterprise's file 改造信息表 (附2), each saved on its own with a revision: a save names the
 * revision it started from and is refused, overwriting nothing, when someone saved the section since. Which writer may
 * save which section when is the domain's rule (enterprise-file-editability.ts); RLS admits each writer's sections only.
 */
import { FILE_COMPLETENESS_VERSION } from "@dtpilot/domain";
import { storedFileCompleteness } from "../file-completeness";
import { Prisma, type FileSection } from "../generated/prisma/client";
import { accessibleWhere, rows, sql, utcDate } from "../scoped-sql";
import type { TenantDb } from "../tenant-db";
import type { PilotEnterpriseRecord } from "./roster-repository";
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

interface EnterpriseFileRow {
  id: string;
  countyId: string;
  batchId: string;
  subIndustry: string;
  scale: PilotEnterpriseRecord["scale"];
  specialised: boolean;
  lastYearRevenue: string | null;
  contactName: string | null;
  contactPhone: string | null;
  status: PilotEnterpriseRecord["status"];
  transformationStartedOn: Date | null;
  createdAt: Date;
  removedAt: Date | null;
  filePercentage: number;
  fileComplete: boolean;
  fileCompleteness: Prisma.JsonValue;
  fileCompletenessVersion: number;
  enterpriseId: string;
  enterpriseName: string;
  enterpriseCreditCode: string;
  providers: { id: string; name: string }[];
  sections: { section: FileSection; content: Prisma.JsonValue; revision: number; updatedAt: string; updatedBy: string | null; readable: boolean }[];
  linked: boolean;
}

/** An enterprise's file as its page reads it: the roster entry, its sections, and whether the caller is a linked provider. */
export interface EnterpriseFileRecord {
  id: string;
  countyId: string;
  /** As findPilotEnterprise reads it (with its file's completeness as stored). */
  entry: PilotEnterpriseRecord;
  /** As findFileSections reads them (through the handle's filter too). */
  sections: FileSectionRecord[];
  /** As isLinkedProvider answers. */
  linkedToCaller: boolean;
}

/**
 * The file 改造信息表 of one pilot enterprise, with its roster entry: what findPilotEnterprise, findFileSections and
 * isLinkedProvider read, in one raw read (scoped-sql.ts) instead of three Prisma queries, with the handle's filters
 * (a provider: its linked enterprises only) and RLS underneath. Null when missing or outside the caller's scope.
 */
export async function findEnterpriseFile(db: TenantDb, pilotEnterpriseId: string): Promise<EnterpriseFileRecord | null> {
  const scope = db.scope;
  const linked =
    scope.kind === "provider"
      ? sql`exists (select 1 from "EnterpriseProviderLink" own
                     where own."pilotEnterpriseId" = pe.id and own."providerId" = ${scope.providerId}::uuid
                       and ${accessibleWhere(db, "read", "EnterpriseProviderLink", "own")})`
      : sql`false`;
  const [row] = await rows<EnterpriseFileRow>(
    db,
    sql`select pe.id, pe."countyId", pe."batchId", pe."subIndustry", pe.scale::text as scale, pe.specialised,
               pe."lastYearRevenue"::text as "lastYearRevenue", pe."contactName", pe."contactPhone", pe.status::text as status,
               pe."transformationStartedOn", pe."createdAt", pe."removedAt",
               pe."filePercentage", pe."fileComplete", pe."fileCompleteness", pe."fileCompletenessVersion",
               e.id as "enterpriseId", e.name as "enterpriseName", e."creditCode" as "enterpriseCreditCode",
               coalesce((select json_agg(json_build_object('id', pr.id, 'name', pr.name) order by l."createdAt", l.id)
                           from "EnterpriseProviderLink" l join "Provider" pr on pr.id = l."providerId"
                          where l."pilotEnterpriseId" = pe.id), '[]') as providers,
               coalesce((select json_agg(json_build_object(
                                  'section', s.section, 'content', s.content, 'revision', s.revision, 'updatedAt', s."updatedAt",
                                  'updatedBy', su."displayName", 'readable', ${accessibleWhere(db, "read", "EnterpriseFileSection", "s")}) order by s.section)
                           from "EnterpriseFileSection" s left join "User" su on su.id = s."updatedById"
                          where s."pilotEnterpriseId" = pe.id), '[]') as sections,
               ${linked} as linked
          from "PilotEnterprise" pe
          join "Enterprise" e on e.id = pe."enterpriseId"
         where pe.id = ${pilotEnterpriseId}::uuid and ${accessibleWhere(db, "read", "PilotEnterprise", "pe")}`,
  );
  if (!row) return null;
  const entry: PilotEnterpriseRecord = {
    id: row.id,
    countyId: row.countyId,
    batchId: row.batchId,
    subIndustry: row.subIndustry,
    scale: row.scale,
    specialised: row.specialised,
    lastYearRevenue: row.lastYearRevenue === null ? null : new Prisma.Decimal(row.lastYearRevenue),
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    status: row.status,
    transformationStartedOn: row.transformationStartedOn,
    createdAt: row.createdAt,
    removedAt: row.removedAt,
    filePercentage: row.filePercentage,
    fileComplete: row.fileComplete,
    fileCompleteness: row.fileCompleteness,
    fileCompletenessVersion: row.fileCompletenessVersion,
    enterprise: { id: row.enterpriseId, name: row.enterpriseName, creditCode: row.enterpriseCreditCode },
    providerLinks: row.providers.map((provider) => ({ provider })),
  };
  const sections = row.sections
    .filter((section) => section.readable)
    .map(({ section, content, revision, updatedAt, updatedBy }) => ({
      section,
      content,
      revision,
      updatedAt: utcDate(updatedAt),
      updatedBy: updatedBy === null ? null : { displayName: updatedBy },
    }));
  return { id: row.id, countyId: row.countyId, entry, sections, linkedToCaller: row.linked };
}

/**
 * An enterprise's file 改造信息表 as a caller sees it: each section's content and revision, what is wrong in it, how
 * complete it is, and whether the caller may edit it now — and if not, why (in the guide's words).
 */
import {
  findEnterpriseFile,
  findFileSections,
  isLinkedProvider,
  type EnterpriseFileRecord,
  type FileSectionRecord,
  type PilotEnterpriseRecord,
  type TenantDb,
} from "@dtpilot/db";
import {
  applyRosterFields,
  emptyEnterpriseFile,
  FILE_EDIT_REFUSAL_LABELS,
  FILE_SECTION_KEYS,
  FILE_SECTION_SCHEMAS,
  fileCompleteness,
  fileWriterOfRole,
  rosterFieldsOf,
  sectionEditability,
  validateFileSection,
  type EnterpriseFile,
  type FileEditContext,
  type FileSectionKey,
} from "@dtpilot/domain";
import type { RecordLoader } from "../../kernel/record-procedure";
import { SECTION_OF_KEY, toPilotEnterpriseView } from "../roster/roster-view";

/** The roster's values of section 一 (企业名称, 企业信用代码, 所属城市及县区): shown, never typed (the domain's rosterFieldsOf). */
export function entryRosterFields(entry: PilotEnterpriseRecord) {
  return rosterFieldsOf({ enterpriseName: entry.enterprise.name, creditCode: entry.enterprise.creditCode, countyId: entry.countyId });
}

/** What the domain's edit rule needs to know about the caller and the enterprise, without the section. */
export async function editContextOf(db: TenantDb, entry: PilotEnterpriseRecord): Promise<Omit<FileEditContext, "section"> | null> {
  return fileWriterOfRole(db.principal.role) ? editContextWith(db, entry, await isLinkedProvider(db, entry.id)) : null;
}

/** editContextOf, knowing already whether the caller is a provider linked to the enterprise. */
function editContextWith(db: TenantDb, entry: PilotEnterpriseRecord, linkedToEnterprise: boolean): Omit<FileEditContext, "section"> | null {
  const writer = fileWriterOfRole(db.principal.role);
  if (!writer) return null;
  const scope = db.scope;
  const started = entry.transformationStartedOn !== null && entry.transformationStartedOn.getTime() <= Date.now();
  return {
    writer,
    linkedToEnterprise,
    ownEnterprise: scope.kind === "enterprise" && scope.enterpriseId === entry.enterprise.id,
    onRoster: entry.status === "ACTIVE",
    transformationStarted: started,
  };
}

export function editabilityOf(context: Omit<FileEditContext, "section"> | null, section: FileSectionKey) {
  const decision = context ? sectionEditability({ ...context, section }) : ({ editable: false, reason: "NOT_A_WRITER" } as const);
  return decision.editable ? { editable: true as const, reason: null, reasonText: null } : { editable: false as const, reason: decision.reason, reasonText: FILE_EDIT_REFUSAL_LABELS[decision.reason] };
}

/** A stored section read through its schema; a section not saved yet is empty at revision 0. */
export function sectionContent<S extends FileSectionKey>(key: S, stored: FileSectionRecord | undefined): EnterpriseFile[S] {
  const parsed = stored ? FILE_SECTION_SCHEMAS[key].safeParse(stored.content) : null;
  return (parsed?.success ? parsed.data : emptyEnterpriseFile()[key]) as EnterpriseFile[S];
}

/** The file of a roster entry as the caller sees it (its sections and the caller's link read here). */
export async function fileView(db: TenantDb, entry: PilotEnterpriseRecord) {
  const stored = await findFileSections(db, entry.id);
  const context = await editContextOf(db, entry);
  return viewOf(db, entry, stored, context);
}

/** The file as findEnterpriseFile read it, with the entry, its sections and the caller's link (one read). */
export function enterpriseFileView(db: TenantDb, file: EnterpriseFileRecord) {
  return viewOf(db, file.entry, file.sections, editContextWith(db, file.entry, file.linkedToCaller));
}

function viewOf(db: TenantDb, entry: PilotEnterpriseRecord, stored: FileSectionRecord[], context: Omit<FileEditContext, "section"> | null) {
  const scope = db.scope;
  const file = emptyEnterpriseFile();
  const sections = {} as Record<
    FileSectionKey,
    { revision: number; updatedAt: Date | null; updatedBy: string | null; editable: boolean; reason: string | null; reasonText: string | null; errors: ReturnType<typeof validateFileSection> }
  >;
  for (const key of FILE_SECTION_KEYS) {
    const record = stored.find((candidate) => candidate.section === SECTION_OF_KEY[key]);
    let content = sectionContent(key, record);
    if (key === "basic") content = applyRosterFields(content as EnterpriseFile["basic"], entryRosterFields(entry)) as typeof content;
    (file as Record<FileSectionKey, unknown>)[key] = content;
    sections[key] = {
      revision: record?.revision ?? 0,
      updatedAt: record?.updatedAt ?? null,
      updatedBy: record?.updatedBy?.displayName ?? null,
      ...editabilityOf(context, key),
      errors: validateFileSection(key, content as never),
    };
  }
  // Who the caller writes as, so the editor shows others' items read-only (item-ownership.ts decides).
  const editor = context ? { writer: context.writer, providerId: scope.kind === "provider" ? scope.providerId : null } : null;
  return { entry: toPilotEnterpriseView(entry), editor, file, sections, completeness: fileCompleteness(file) };
}

export type FileView = ReturnType<typeof viewOf>;

/** The file named by `pilotEnterpriseId` with its roster entry (findEnterpriseFile), for the file page (recordProcedure). */
export const enterpriseFile: RecordLoader<EnterpriseFileRecord, "pilotEnterpriseId"> = {
  key: "pilotEnterpriseId",
  auditType: "PilotEnterprise",
  find: findEnterpriseFile,
};

import { findFileSection, saveFileSection as store } from "@dtpilot/db";
import {
  applyItemOwnership,
  applyRosterFields,
  DIRECTION_NEED_LABELS,
  FILE_FIELD_LABELS,
  validateFileSection,
  type EnterpriseFile,
  type OwnershipRefusal,
} from "@dtpilot/domain";
import { appError } from "../../kernel/errors";
import { recordProcedure } from "../../kernel/record-procedure";
import { pilotEnterprise } from "../roster/load-pilot-enterprise";
import { editabilityOf, editContextOf, entryRosterFields, sectionContent } from "./enterprise-file-view";
import { SECTION_OF_KEY } from "../roster/roster-view";
import { saveEnterpriseFileSectionInput, saveEnterpriseFileSectionOutput } from "./enterprise-file.types";

/**
 * Saves one section of an enterprise's file for a writer the domain allows now (else 403 with the reason). The save
 * names the revision it started from: when someone (the enterprise, its provider, the county) saved the section since,
 * nothing is overwritten and the answer carries their version, for the writer to merge.
 */
export const saveEnterpriseFileSection = recordProcedure(saveEnterpriseFileSectionInput, pilotEnterprise)
  .output(saveEnterpriseFileSectionOutput)
  .mutation(async ({ ctx, input }) => {
    const entry = ctx.record;
    ctx.audit.details({ section: input.section });
    const context = await editContextOf(ctx.data, entry);
    const editability = editabilityOf(context, input.section);
    if (!editability.editable) throw appError("FORBIDDEN", "file.notEditable", { params: { reason: editability.reasonText } });

    const section = SECTION_OF_KEY[input.section];
    const current = await findFileSection(ctx.data, entry.id, section);
    let content: EnterpriseFile[typeof input.section] = input.content;
    if (input.section === "basic") content = applyRosterFields(input.content, entryRosterFields(entry));
    // Each item stays its author's, checked against the stored version. A save started from an older revision is not
    // checked: it stores nothing, and the writer gets the current version to merge (then saves, and is checked).
    if ((current?.revision ?? 0) === input.baseRevision) {
      const scope = ctx.principal.scope;
      const editor = { writer: context!.writer, providerId: scope.kind === "provider" ? scope.providerId : null };
      const owned = applyItemOwnership(input.section, sectionContent(input.section, current ?? undefined), content, editor);
      if (!owned.ok) throw ownershipRefused(input.section, owned.refusals[0]!);
      content = owned.content;
    }

    // Someone saved since the writer's base: nothing is written (the stored section could hold items the ownership check
    // above never compared with), and the writer gets their version to merge.
    const stale = (current?.revision ?? 0) !== input.baseRevision;
    const saved = stale ? ({ ok: false } as const) : await store(ctx.data, {
      countyId: entry.countyId,
      pilotEnterpriseId: entry.id,
      enterpriseId: entry.enterprise.id,
      section,
      baseRevision: input.baseRevision,
      content: content as never,
      editorId: ctx.principal.userId,
    });
    if (!saved.ok) {
      const theirs = await findFileSection(ctx.data, entry.id, section);
      ctx.audit.details({ saved: false });
      return {
        ok: false as const,
        conflict: {
          revision: theirs?.revision ?? 0,
          content: sectionContent(input.section, theirs ?? undefined),
          updatedAt: theirs?.updatedAt ?? null,
          updatedBy: theirs?.updatedBy?.displayName ?? null,
        },
      };
    }
    ctx.audit.changes(changedSectionFields(input.section, sectionContent(input.section, current ?? undefined), content));
    ctx.audit.details({ revision: saved.revision });
    return { ok: true as const, revision: saved.revision, updatedAt: saved.updatedAt, content, errors: validateFileSection(input.section, content as never) };
  });

/** A change to another's statement: 403 naming the item and its list, at the item's field. */
function ownershipRefused(section: string, refusal: OwnershipRefusal) {
  const list = refusal.list === "providerEvaluations" ? FILE_FIELD_LABELS.providerEvaluations : DIRECTION_NEED_LABELS[refusal.list];
  return appError("FORBIDDEN", refusal.key, { params: { item: refusal.item, list }, field: [section, ...refusal.path].join(".") });
}

/** The section's top-level fields whose value this save changed, before → after (bounded by the audit trail). */
function changedSectionFields(section: string, before: unknown, after: unknown) {
  const old = (before ?? {}) as Record<string, unknown>;
  const next = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(old), ...Object.keys(next)])]
    .filter((key) => JSON.stringify(old[key]) !== JSON.stringify(next[key]))
    .map((key) => ({ field: `${section}.${key}`, before: old[key] ?? null, after: next[key] ?? null }));
}

import {
  FILE_SECTION_KEYS,
  FILE_SECTION_SCHEMAS,
  type EnterpriseFile,
  type fileCompleteness,
  type FileSectionKey,
  type FileWriter,
  type validateFileSection,
} from "@dtpilot/domain";
import { z } from "zod";
import { computed } from "../../kernel/output";
import { pilotEnterpriseOutput } from "../roster/roster.types";

const pilotEnterpriseId = z.uuid();
/** The revision the writer started from; 0 for a section never saved. */
const baseRevision = z.number().int().min(0);

export const getEnterpriseFileInput = z.object({ pilotEnterpriseId }).strict();

/** A section's content, read by that section's schema (issues are reported under `content.…`). */
type SectionSave = { [S in FileSectionKey]: { pilotEnterpriseId: string; baseRevision: number; section: S; content: EnterpriseFile[S] } }[FileSectionKey];

export const saveEnterpriseFileSectionInput = z
  .object({ pilotEnterpriseId, baseRevision, section: z.enum(FILE_SECTION_KEYS), content: z.unknown() })
  .strict()
  .transform((input, context): SectionSave => {
    const parsed = FILE_SECTION_SCHEMAS[input.section].safeParse(input.content);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) context.addIssue({ ...issue, path: ["content", ...issue.path] } as never);
      return z.NEVER;
    }
    return { ...input, content: parsed.data } as SectionSave;
  });

/* Outputs. */

const savedBy = { updatedBy: z.string().nullable() };

/**
 * A file as the caller sees it (enterprise-file-view.ts): the roster row, who the caller writes as, each section's
 * content (read through its schema), revision, errors and whether the caller may edit it now, and completeness.
 */
export const getEnterpriseFileOutput = z.object({
  entry: pilotEnterpriseOutput,
  editor: z.object({ writer: computed<FileWriter>(), providerId: z.string().nullable() }).nullable(),
  file: computed<EnterpriseFile>(),
  sections: z.record(
    z.enum(FILE_SECTION_KEYS),
    z.object({
      revision: z.number(),
      updatedAt: z.date().nullable(),
      ...savedBy,
      editable: z.boolean(),
      reason: z.string().nullable(),
      reasonText: z.string().nullable(),
      errors: computed<ReturnType<typeof validateFileSection>>(),
    }),
  ),
  completeness: computed<ReturnType<typeof fileCompleteness>>(),
});

/** Saved, with the section's new revision and errors; or refused because someone saved since, with their version. */
export const saveEnterpriseFileSectionOutput = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    revision: z.number(),
    updatedAt: z.date(),
    content: computed<EnterpriseFile[FileSectionKey]>(),
    errors: computed<ReturnType<typeof validateFileSection>>(),
  }),
  z.object({
    ok: z.literal(false),
    conflict: z.object({ revision: z.number(), content: computed<EnterpriseFile[FileSectionKey]>(), updatedAt: z.date().nullable(), ...savedBy }),
  }),
]);

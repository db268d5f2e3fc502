import { FILE_SECTION_KEYS, FILE_SECTION_SCHEMAS, type EnterpriseFile, type FileSectionKey } from "@dtpilot/domain";
import { z } from "zod";

const pilotId = z.uuid();
/** The revision the writer started from; 0 for a section never saved. */
const baseRevision = z.number().int().min(0);

export const getEnterpriseFileInput = z.object({ pilotId }).strict();

/** A section's content, read by that section's schema (issues are reported under `content.…`). */
type SectionSave = { [S in FileSectionKey]: { pilotId: string; baseRevision: number; section: S; content: EnterpriseFile[S] } }[FileSectionKey];

export const saveEnterpriseFileSectionInput = z
  .object({ pilotId, baseRevision, section: z.enum(FILE_SECTION_KEYS), content: z.unknown() })
  .strict()
  .transform((input, context): SectionSave => {
    const parsed = FILE_SECTION_SCHEMAS[input.section].safeParse(input.content);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) context.addIssue({ ...issue, path: ["content", ...issue.path] } as never);
      return z.NEVER;
    }
    return { ...input, content: parsed.data } as SectionSave;
  });

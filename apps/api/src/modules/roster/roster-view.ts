import type { PilotEnterpriseRecord } from "@dtpilot/db";
import { emptyEnterpriseFile, FILE_SECTION_SCHEMAS, fileCompleteness, type EnterpriseFile, type FileSectionKey } from "@dtpilot/domain";

/** The database's section names and the domain's. */
export const SECTION_OF_KEY = { basic: "BASIC", needs: "NEEDS", results: "RESULTS", evaluation: "EVALUATION" } as const satisfies Record<
  FileSectionKey,
  string
>;
const KEY_OF_SECTION = Object.fromEntries(Object.entries(SECTION_OF_KEY).map(([key, section]) => [section, key])) as Record<
  (typeof SECTION_OF_KEY)[FileSectionKey],
  FileSectionKey
>;

/** The file as saved so far: each stored section read through its schema, the others empty. */
export function fileOf(sections: PilotEnterpriseRecord["fileSections"]): EnterpriseFile {
  const file = emptyEnterpriseFile();
  for (const stored of sections) {
    const key = KEY_OF_SECTION[stored.section];
    const parsed = FILE_SECTION_SCHEMAS[key].safeParse(stored.content);
    if (parsed.success) (file as Record<FileSectionKey, unknown>)[key] = parsed.data;
  }
  return file;
}

/** A roster row as the apps show it: the entry, its enterprise, its providers and how complete its file is. */
export function toPilotEnterpriseView(entry: PilotEnterpriseRecord) {
  const { fileSections, providerLinks, lastYearRevenue, ...rest } = entry;
  const completeness = fileCompleteness(fileOf(fileSections));
  return {
    ...rest,
    lastYearRevenue: lastYearRevenue === null ? null : lastYearRevenue.toString(),
    providers: providerLinks.map((link) => link.provider),
    completeness: {
      percentage: completeness.percentage,
      complete: completeness.complete,
      sections: Object.fromEntries(
        Object.entries(completeness.sections).map(([key, section]) => [key, { complete: section.complete, filled: section.filled, required: section.required }]),
      ) as Record<FileSectionKey, { complete: boolean; filled: number; required: number }>,
    },
  };
}

export type PilotEnterpriseView = ReturnType<typeof toPilotEnterpriseView>;

/**
 * Computes the stored completeness of every roster entry whose memo is missing or of an older version than
 * FILE_COMPLETENESS_VERSION (rows from before the memo existed, or from before a change of the rules), through the
 * domain's rule (the stored sections with the entry's roster fields), in batches. Runs as the owner after migrating (tools/prepare-db.ts); idempotent, and a no-op when
 * every memo is current. Each batch locks its entries as a save does, so a save running meanwhile is never overwritten
 * with an older file's figure.
 */
import { FILE_COMPLETENESS_VERSION, type StoredFileSection } from "@dtpilot/domain";
import type { Database } from "./client";
import { storedFileCompleteness } from "./file-completeness";

export interface BackfillResult {
  /** Entries whose completeness was computed. */
  updated: number;
  batches: number;
}

export async function backfillFileCompleteness(owner: Database, options: { batchSize?: number } = {}): Promise<BackfillResult> {
  const batchSize = options.batchSize ?? 500;
  const result: BackfillResult = { updated: 0, batches: 0 };
  for (;;) {
    const updated = await owner.$transaction(async (tx) => {
      // SKIP LOCKED: an entry being saved right now is left to its save, which stores the current figure itself.
      const stale = await tx.$queryRaw<{ id: string; countyId: string; enterpriseName: string; creditCode: string }[]>`
        select p.id, p."countyId", e.name as "enterpriseName", e."creditCode" from "PilotEnterprise" p
          join "Enterprise" e on e.id = p."enterpriseId"
         where p."fileCompletenessVersion" < ${FILE_COMPLETENESS_VERSION}::int
         order by p.id limit ${batchSize}::int for no key update of p skip locked`;
      if (stale.length === 0) return 0;
      const ids = stale.map((row) => row.id);
      const rosterOf = new Map(stale.map(({ id, ...roster }) => [id, roster]));
      const sections = await tx.enterpriseFileSection.findMany({
        where: { pilotEnterpriseId: { in: ids } },
        select: { pilotEnterpriseId: true, section: true, content: true },
      });
      const byEntry = new Map<string, { section: StoredFileSection; content: unknown }[]>(ids.map((id) => [id, []]));
      for (const section of sections) byEntry.get(section.pilotEnterpriseId)!.push(section);
      const rows = [...byEntry].map(([id, stored]) => {
        const summary = storedFileCompleteness(stored, rosterOf.get(id)!);
        return { id, percentage: summary.percentage, complete: summary.complete, sections: summary.sections };
      });
      // One statement per batch; updatedAt stays (the entry itself did not change).
      await tx.$executeRaw`
        update "PilotEnterprise" p
           set "filePercentage" = r.percentage, "fileComplete" = r.complete, "fileCompleteness" = r.sections,
               "fileCompletenessVersion" = ${FILE_COMPLETENESS_VERSION}::int
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, percentage int, complete boolean, sections jsonb)
         where p.id = r.id`;
      return rows.length;
    });
    if (updated === 0) return result;
    result.updated += updated;
    result.batches++;
  }
}

/** Batch 试点批次（年度）: runs from September to October of the next year (每年度9月至下一年度10月). */
export interface BatchPeriod {
  id: string;
  name: string;
  startsOn: Date;
  endsOn: Date;
}

/**
 * The batch in progress on `today`; when none is, the most recent one that has started, else the earliest upcoming.
 * Dates compare by calendar day (the batch's end day is still inside it).
 */
export function currentBatch<B extends BatchPeriod>(batches: readonly B[], today: Date): B | null {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const now = day(today);
  const running = batches.filter((batch) => day(batch.startsOn) <= now && now <= day(batch.endsOn));
  const byStartDesc = (a: B, b: B) => b.startsOn.getTime() - a.startsOn.getTime();
  if (running.length > 0) return [...running].sort(byStartDesc)[0]!;
  const started = batches.filter((batch) => day(batch.startsOn) <= now).sort(byStartDesc);
  if (started.length > 0) return started[0]!;
  return [...batches].sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime())[0] ?? null;
}

/** ReviewerAssignment: the province assigns a reviewer (第三方机构) a county for one batch. */
export interface BatchAssignment {
  countyId: string;
  batchId: string;
}

/**
 * The counties a reviewer reaches: those assigned for the batch in progress (`currentBatch`). The province commissions
 * 绩效复核 batch by batch, so an assignment for another batch, earlier or later, grants nothing.
 */
export function countiesAssignedForCurrentBatch(
  assignments: readonly BatchAssignment[],
  batches: readonly BatchPeriod[],
  today: Date,
): string[] {
  const batch = currentBatch(batches, today);
  if (!batch) return [];
  return [...new Set(assignments.filter((assignment) => assignment.batchId === batch.id).map((assignment) => assignment.countyId))].sort();
}

/**
 * The cost of checking a session's grant on every request (issue 9): a scoped transaction with the check folded into
 * its first statement, against the same transaction without it. Sequential, against APP_DATABASE_URL (a seeded
 * database): `npx tsx tools/bench/session-check.bench.ts [rounds]`.
 */
import { createAppDatabase, withScope, type AccessGrant } from "@dtpilot/db";
import { createOwnerDatabase } from "@dtpilot/db/admin";

const rounds = Number(process.argv[2] ?? 2000);
const owner = createOwnerDatabase();
const db = createAppDatabase({ poolSize: 1 });
const membership = await owner.membership.findFirstOrThrow({
  where: { role: "COUNTY_ADMIN" },
  select: { id: true, countyId: true, user: { select: { id: true, accessVersion: true } } },
});
const grant: AccessGrant = { userId: membership.user.id, membershipId: membership.id, accessVersion: membership.user.accessVersion };
const scope = { kind: "county" as const, countyId: membership.countyId! };

/** Alternating the two, so load from other processes falls on both alike; the medians in ms. */
async function medians(): Promise<{ without: number; checked: number }> {
  const times: { without: number[]; checked: number[] } = { without: [], checked: [] };
  for (let i = 0; i < rounds; i++) {
    for (const kind of ["without", "checked"] as const) {
      const started = process.hrtime.bigint();
      await withScope(db, scope, (tx) => tx.county.count(), kind === "checked" ? grant : undefined);
      times[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { without: median(times.without), checked: median(times.checked) };
}

await medians(); // warm-up
const { without, checked } = await medians();
console.log(`${rounds} scoped transactions each: median ${without.toFixed(3)} ms without the check, ${checked.toFixed(3)} ms with it`);
await Promise.all([db.$disconnect(), owner.$disconnect()]);

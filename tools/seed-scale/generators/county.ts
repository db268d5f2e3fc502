/**
 * One pilot county's year, in the order it happens: the team's accounts and the providers serving the county; the
 * plan started, the roster entered under its sub-industries, the plan submitted and approved; providers linked to the
 * enterprises, their accounts opened, the projects started; roster changes asked for and decided; every file
 * written; the roster exported. Each generator draws from its own stream for this county (streamOf), so adding a
 * generator (task books, acceptance, evaluations…) changes none of the others' rows: add it here, after what it needs.
 */
import { day, isoDay, later, officeTime, officeTimeAfter } from "../clock";
import type { RowSet } from "../rows";
import { personName } from "../vocabulary/names";
import { addEnterpriseFile } from "./enterprise-files";
import { addRosterExports } from "./exports";
import { addPilotCounty, type ScaleCounty } from "./geography";
import { addAccount, type Account } from "./identity";
import { addApprovedPlan, planOutline } from "./plans";
import { addServedProviders } from "./providers";
import { addRosterChanges } from "./roster-changes";
import { addRosterRows, enrol, newPilotEnterprise, type PilotRecord } from "./roster";
import { streamOf, type ScaleRun } from "./run-context";

export interface CountySummary {
  county: ScaleCounty;
  team: Account[];
  pilots: PilotRecord[];
  /** Generated files checked by the domain (all of them, or none for a county left to sampling). */
  validatedFiles: number;
}

export async function generateCounty(run: ScaleRun, county: ScaleCounty, index: number, rows: RowSet): Promise<CountySummary> {
  const stream = (generator: string) => streamOf(run, generator, county.code);
  const { profile } = run;
  addPilotCounty(rows, stream("pilot-county"), run.batch, county);

  const teamStream = stream("team");
  const team = Array.from({ length: teamStream.int(...profile.countyUsers) }, (_, number) =>
    addAccount(rows, teamStream, run.passwordHash, {
      username: `county-${county.code}-${number + 1}`,
      displayName: `${county.name}工信局（${personName(teamStream)}）`,
      role: "COUNTY_ADMIN",
      scope: { kind: "county", countyId: county.code },
      createdAt: officeTime(teamStream, day("2025-08-04"), day("2025-08-29")),
    }),
  );
  const served = addServedProviders(rows, stream("served-providers"), run, county);

  // The plan is started early in September and first submitted two to three weeks later; the roster is entered between.
  const schedule = stream("schedule");
  const planCreated = officeTime(schedule, day("2025-09-02"), day("2025-09-09"));
  const firstSubmission = officeTimeAfter(schedule, planCreated, 14, 24);
  const outline = planOutline(stream("plan-outline"));

  const rosterStream = stream("roster");
  let serial = 0;
  const nextSerial = () => ++serial;
  const size = run.options.perCounty ?? rosterStream.int(...profile.rosterSize[county.city.region]);
  const pilots: PilotRecord[] = [];
  for (let number = 0; number < size; number++) {
    const row = outline[number % outline.length]!;
    const entry = newPilotEnterprise(rosterStream, county, row, nextSerial());
    const at = officeTime(rosterStream, officeTimeAfter(rosterStream, planCreated, 1, 2), firstSubmission);
    const enrolledAt = at < firstSubmission ? at : new Date(firstSubmission.getTime() - rosterStream.int(10, 600) * 60_000);
    pilots.push(enrol(rows, rosterStream, { county, entry, row, addedBy: rosterStream.pick(team), at: enrolledAt }));
  }

  const cityOfficers = run.cityOfficers.get(county.city.code)!;
  const planStream = stream("plan");
  const { approvedAt } = addApprovedPlan(rows, planStream, {
    county,
    batchId: run.batch.id,
    outline,
    pilots,
    team: { county: team, city: planStream.pick(cityOfficers), province: planStream.pick(run.provinceAdmins) },
    createdAt: planCreated,
    submittedAt: firstSubmission,
    cityReturnShare: profile.cityReturnShare,
    provinceReturnShare: profile.provinceReturnShare,
  });

  const changeStream = stream("roster-changes");
  const replacements = addRosterChanges(rows, changeStream, {
    county,
    batchId: run.batch.id,
    outline,
    pilots,
    countyTeam: team,
    city: changeStream.pick(cityOfficers),
    approvedAt,
    count: changeStream.int(...profile.changesPerCounty),
    nextSerial,
  });
  const everyone = [...pilots, ...replacements];

  // After the approval (or their own enrolment): providers linked, accounts opened, the project's start recorded.
  const workStream = stream("work");
  for (const pilot of everyone) {
    const from = later(pilot.createdAt, approvedAt);
    for (const provider of workStream.sample(served, workStream.chance(0.2) ? 2 : 1)) {
      const linkedAt = officeTimeAfter(workStream, from, 3, 30);
      // An enterprise off the roster gets no new provider (the API refuses it).
      if (pilot.removedAt && pilot.removedAt <= linkedAt) continue;
      pilot.providers.push(provider);
      rows.add("enterpriseProviderLink", {
        id: workStream.uuid(),
        countyId: county.code,
        pilotEnterpriseId: pilot.id,
        providerId: provider.id,
        linkedById: workStream.pick(team).userId,
        createdAt: linkedAt,
      });
    }
    if (pilot.status === "ACTIVE" && workStream.chance(profile.accountShare)) {
      const opened = officeTimeAfter(workStream, from, 5, 45);
      const changed = workStream.chance(0.8);
      pilot.account = addAccount(rows, workStream, run.passwordHash, {
        username: pilot.entry.creditCode,
        displayName: pilot.entry.name,
        role: "ENTERPRISE_USER",
        scope: { kind: "enterprise", enterpriseId: pilot.enterpriseId, countyId: county.code },
        createdAt: opened,
        mustChangePassword: !changed,
        passwordChangedAt: changed ? officeTimeAfter(workStream, opened, 0, 10) : opened,
      });
    }
    const started = officeTime(workStream, later(officeTimeAfter(workStream, from, 20, 40), day("2025-11-03")), day("2026-01-16"));
    const startDay = pilot.status === "REMOVED" && pilot.removedAt! < started ? null : day(isoDay(started));
    pilot.transformationStartedOn = startDay;
    if (startDay && pilot.status === "ACTIVE") pilot.updatedAt = later(pilot.updatedAt, started);
  }

  const fileStream = stream("files");
  const validate = run.options.validateAll || index % profile.validateEvery === 0;
  for (const pilot of everyone) {
    addEnterpriseFile(rows, fileStream, {
      county,
      pilot,
      writers: { enterprise: pilot.account, county: team },
      mode: profile.fileContent,
      validate,
    });
  }
  addRosterRows(rows, county, run.batch.id, everyone);
  if (profile.exports && !county.synthetic) {
    await addRosterExports(rows, stream("exports"), { county, batch: run.batch, pilots: everyone, countyTeam: team, approvedAt });
  }
  return { county, team, pilots: everyone, validatedFiles: validate ? everyone.length : 0 };
}

/**
 * Plan writes decided on a state and revision, raced through the real API against the real PostgreSQL: two clients
 * act at once (Promise.all), many times over, and no run may leave an inconsistent plan or roster or answer 500.
 * Also: a never-submitted draft stays the county's own wherever plan content is read, and the cover's county and
 * recommending bureau are the plan's own whatever is typed.
 */
import { emptyEnterpriseFile, makeCreditCode, PLAN_COVER_LABELS, type ImplementationPlanContent, type PilotEnterpriseInput } from "@dtpilot/domain";
import JSZip from "jszip";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { conflictFromDatabase } from "../../kernel/errors";
import type { ExportView } from "../documents/export-view";
import type { PlanView } from "./plan-view";
import { type ApiClient, ok, type RunningApi, startApi } from "../../testing/api-harness";
import { completePlanContent, deleteEnterprisesByCreditCode, deletePlansOf } from "../../testing/plan-fixtures";
import { startWorkerInProcess } from "../../testing/worker-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../../testing/world";

const SUB_INDUSTRY = "高端装备—精密机械零部件";
/** How often each race is run: enough to hit the window between a check and its write many times. */
const RUNS = 30;
/** A race's runs take 10–30 s on a shared 2-core machine; the old code's deadlocks wait a second each. */
const RACE_TIMEOUT = 180_000;
let world: PilotWorld;
/** The world's 苏南 county, whose plan and roster this file races on. */
let county: PilotWorld["counties"]["south"];
/** Codes this file enrols (serials 800–899 in the 苏南 county's division), removed again afterwards. */
const code = (serial: number) => makeCreditCode(`91${county.code}MA${String(800 + serial).padStart(7, "0")}`);
const codes = () => Array.from({ length: 100 }, (_, serial) => code(serial));

let api: RunningApi;
let owner: pg.Client;
const clients: Partial<Record<WorldAccount, ApiClient>> = {};
const as = (account: WorldAccount) => clients[account]!;

async function cleanUp() {
  await deletePlansOf([county.code]);
  await owner.query(`delete from "RosterChangeRequest" where "countyId" = $1`, [county.code]);
  await deleteEnterprisesByCreditCode(codes());
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  world = await buildWorld();
  county = world.counties.south;
  await cleanUp();
  api = await startApi();
  for (const account of ["province", "city-south", "county-south", "ent-south-1", "provider-1"] as const) {
    clients[account] = await api.client().login(world.users[account].username);
  }
});
afterAll(async () => {
  await api.close();
  await cleanUp();
  await owner.end();
});

const save = (planId: string, baseRevision: number, content: ImplementationPlanContent) =>
  as("county-south").mutation<{ revision: number }>("plan.savePlan", { planId, baseRevision, content });
const submit = (planId: string, revision: number) => as("county-south").mutation<PlanView>("plan.submitPlan", { planId, revision });
const review = (account: WorldAccount, planId: string, decision: string, comments: { target: string; body: string }[] = []) =>
  as(account).mutation<PlanView>("plan.reviewPlan", { planId, versionNumber: 1, decision, comments });
const entry = (serial: number): PilotEnterpriseInput => ({
  name: `江阴竞态测试企业${serial}有限公司`,
  creditCode: code(serial),
  subIndustry: SUB_INDUSTRY,
  scale: "ABOVE",
  specialised: false,
  lastYearRevenue: "1000",
});

/** A fresh plan for the 苏南 county with complete content saved, at its saved revision; `until` moves it on through the workflow. */
async function freshPlan(until: "DRAFT" | "SUBMITTED" | "RECOMMENDED" | "APPROVED" = "DRAFT") {
  await deletePlansOf([county.code]);
  const plan = ok(await as("county-south").mutation<PlanView>("plan.createPlan"));
  const { revision } = ok(await save(plan.id, plan.version.revision, completePlanContent(county.name)));
  if (until !== "DRAFT") ok(await submit(plan.id, revision));
  if (until === "RECOMMENDED" || until === "APPROVED") ok(await review("city-south", plan.id, "RECOMMEND"));
  if (until === "APPROVED") ok(await review("province", plan.id, "APPROVE"));
  return { planId: plan.id, revision };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tallies the answers of a race by HTTP status. */
function tally(statuses: number[]) {
  return statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});
}

describe("writes conditional on the state and revision they were decided on", () => {
  it("never leaves a submitted plan with content other than the one checked, when a save races the submission", async () => {
    const statuses: number[] = [];
    let submittedWins = 0;
    let inconsistent = 0;
    for (let run = 0; run < RUNS; run++) {
      const { planId, revision } = await freshPlan();
      // The racing save would fail the submission rules: 拟改造企业合计 below the region's minimum of 100.
      const failing = completePlanContent(county.name, { plannedAboveScale: 10, plannedBelowScale: 10 });
      const [saved, submitted] = await Promise.all([save(planId, revision, failing), submit(planId, revision)]);
      statuses.push(saved.status, submitted.status);
      const { rows } = await owner.query<{ state: string; revision: number; submittedAt: Date | null; content: ImplementationPlanContent }>(
        `select p.state, v.revision, v."submittedAt", v.content from "ImplementationPlan" p join "PlanVersion" v on v."planId" = p.id and v.number = p."currentVersion" where p.id = $1`,
        [planId],
      );
      const stored = rows[0]!;
      // Exactly one wins; the loser is told why (409), nothing answers 500.
      expect.soft([saved.status, submitted.status].sort(), `run ${run}`).toEqual([200, 409]);
      if (stored.state === "SUBMITTED" && stored.content.dataTable.clusters[0]!.subIndustries[0]!.targets.plannedAboveScale !== 80) inconsistent++;
      if (submitted.status === 200) {
        submittedWins++;
        expect.soft(stored.state).toBe("SUBMITTED");
        expect.soft(stored.revision).toBe(revision);
        expect.soft(stored.content.dataTable.clusters[0]!.subIndustries[0]!.targets.plannedAboveScale).toBe(80);
        expect.soft(saved.error?.data.code).toBe("CONFLICT");
        expect.soft(saved.error?.message).toContain("不能修改");
      } else {
        expect.soft(stored.state).toBe("DRAFT");
        expect.soft(stored.submittedAt).toBeNull();
        expect.soft(stored.revision).toBe(revision + 1);
        expect.soft(submitted.error?.message).toBe("实施方案已在其他窗口或由其他人保存，请刷新后再修改");
      }
    }
    console.info(`save vs submit, ${RUNS} runs: answers ${JSON.stringify(tally(statuses))}, submission won ${submittedWins}, submitted with other content ${inconsistent}`);
  }, RACE_TIMEOUT);

  it("lets exactly one of two decisions on the same version stand (recommend vs return)", async () => {
    const statuses: number[] = [];
    let decisionsStanding = 0;
    for (let run = 0; run < RUNS; run++) {
      const { planId } = await freshPlan("SUBMITTED");
      const [recommended, returned] = await Promise.all([
        review("city-south", planId, "RECOMMEND"),
        review("city-south", planId, "RETURN", [{ target: "sections.goals", body: "请细化目标" }]),
      ]);
      statuses.push(recommended.status, returned.status);
      expect.soft([recommended.status, returned.status].sort(), `run ${run}`).toEqual([200, 409]);
      expect.soft((recommended.status === 409 ? recommended : returned).error?.message).toMatch(/^实施方案当前状态为“设区市已(推荐|退回)”/);
      const { rows: plans } = await owner.query<{ state: string; currentVersion: number }>(
        `select state, "currentVersion" from "ImplementationPlan" where id = $1`,
        [planId],
      );
      const { rows: events } = await owner.query<{ kind: string }>(`select event as kind from "WorkflowEvent" where "subjectId" = $1 and event <> 'SUBMIT'`, [planId]);
      const { rows: versions } = await owner.query(`select number from "PlanVersion" where "planId" = $1`, [planId]);
      if (events.length !== 1) decisionsStanding++;
      expect.soft(events, `run ${run}`).toHaveLength(1);
      if (recommended.status === 200) {
        expect.soft(plans[0]).toEqual({ state: "RECOMMENDED", currentVersion: 1 });
        expect.soft(events[0]?.kind).toBe("RECOMMEND");
        expect.soft(versions).toHaveLength(1);
      } else {
        expect.soft(plans[0]).toEqual({ state: "RETURNED_BY_CITY", currentVersion: 2 });
        expect.soft(events[0]?.kind).toBe("RETURN");
        expect.soft(versions).toHaveLength(2);
      }
    }
    console.info(`recommend vs return, ${RUNS} runs: answers ${JSON.stringify(tally(statuses))}, runs without exactly one decision ${decisionsStanding}`);
  }, RACE_TIMEOUT);

  it("adds no roster entry after the plan's approval froze the roster (add vs approve)", async () => {
    const statuses: number[] = [];
    let addedBeforeApproval = 0;
    let addedAfterApproval = 0;
    for (let run = 0; run < RUNS; run++) {
      const { planId } = await freshPlan("RECOMMENDED");
      // The approval starts up to a few milliseconds later from run to run, so that either may come first.
      const [approved, added] = await Promise.all([
        sleep(run % 10).then(() => review("province", planId, "APPROVE")),
        as("county-south").mutation("roster.addPilotEnterprise", { entry: entry(run) }),
      ]);
      statuses.push(approved.status, added.status);
      expect.soft(approved.status, `run ${run}`).toBe(200);
      expect.soft([200, 409], `run ${run}: ${JSON.stringify(added.error)}`).toContain(added.status);
      if (added.status === 409) {
        expect.soft(added.error?.message).toContain("试点企业名单已锁定");
        continue;
      }
      // Added: its row must have been written before the approval was (the approval waited for the addition).
      const { rows } = await owner.query<{ added: Date; approved: Date }>(
        `select pe."createdAt" as added, ev."createdAt" as approved
           from "PilotEnterprise" pe join "Enterprise" e on e.id = pe."enterpriseId", "WorkflowEvent" ev
          where e."creditCode" = $1 and ev."subjectId" = $2 and ev.event = 'APPROVE'`,
        [code(run), planId],
      );
      expect.soft(rows, `run ${run}`).toHaveLength(1);
      if (rows[0]!.added.getTime() > rows[0]!.approved.getTime()) addedAfterApproval++;
      else addedBeforeApproval++;
      expect.soft(rows[0]!.added.getTime(), `run ${run}: entry written after the approval`).toBeLessThanOrEqual(rows[0]!.approved.getTime());
    }
    console.info(`roster add vs approval, ${RUNS} runs: answers ${JSON.stringify(tally(statuses))}, added before approval ${addedBeforeApproval}, after it ${addedAfterApproval}`);
  }, RACE_TIMEOUT);

  it("applies a roster change once when two decisions on it race (approve vs approve, approve vs refuse)", async () => {
    await freshPlan("APPROVED");
    const statuses: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const serial = 50 + run;
      const change = ok(
        await as("county-south").mutation<{ id: string }>("roster.requestRosterChange", { kind: "ADD", reason: "补充试点企业", addition: entry(serial) }),
      );
      const second = run % 2 === 0 ? { decision: "APPROVE" } : { decision: "REFUSE", comment: "名额已满" };
      const answers = await Promise.all([
        as("city-south").mutation("roster.decideRosterChange", { requestId: change.id, decision: "APPROVE" }),
        as("city-south").mutation("roster.decideRosterChange", { requestId: change.id, ...second }),
      ]);
      statuses.push(...answers.map((answer) => answer.status));
      expect.soft(answers.map((answer) => answer.status).sort(), `run ${run}`).toEqual([200, 409]);
      const { rows: decided } = await owner.query<{ status: string }>(`select status from "RosterChangeRequest" where id = $1`, [change.id]);
      const { rows: enrolled } = await owner.query(
        `select pe.id from "PilotEnterprise" pe join "Enterprise" e on e.id = pe."enterpriseId" where e."creditCode" = $1 and pe.status = 'ACTIVE'`,
        [code(serial)],
      );
      expect.soft(enrolled, `run ${run}`).toHaveLength(decided[0]!.status === "APPROVED" ? 1 : 0);
    }
    console.info(`two decisions of one roster change, ${RUNS} runs: answers ${JSON.stringify(tally(statuses))}`);
  }, RACE_TIMEOUT);
});

describe("the 409 backstop for races no rule foresaw", () => {
  /** The error a real PostgreSQL statement raises through Prisma, or null. */
  async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
    return work().then(
      () => null,
      (error: unknown) => error,
    );
  }

  it("answers a deadlock and a unique violation from PostgreSQL with 409 server.conflict, other database errors not", async () => {
    const db = api.services.db;
    const lockBoth = (first: number, second: number) =>
      db.$transaction(async (tx) => {
        await tx.$executeRaw`select pg_advisory_xact_lock(${first}::bigint)`;
        await sleep(100);
        await tx.$executeRaw`select pg_advisory_xact_lock(${second}::bigint)`;
      });
    const deadlock = await Promise.all([failureOf(() => lockBoth(9_001, 9_002)), failureOf(() => lockBoth(9_002, 9_001))]);
    const [lost] = deadlock.filter((error) => error !== null);
    expect(lost, "one of the two transactions is chosen as the deadlock victim").toBeDefined();
    const unique = await failureOf(() =>
      db.$transaction(async (tx) => {
        await tx.$executeRaw`create temporary table race_probe (id int primary key) on commit drop`;
        await tx.$executeRaw`insert into race_probe values (1), (1)`;
      }),
    );
    for (const error of [lost, unique]) {
      const answer = conflictFromDatabase(error);
      expect(answer?.code, String(error)).toBe("CONFLICT");
      expect(answer?.message).toBe("server.conflict");
    }
    expect(conflictFromDatabase(await failureOf(() => db.$queryRaw`select 1 / 0`))).toBeNull();
    // A write the database's own policies refuse (RLS, the file's ownership trigger) is a 403, not a 500.
    const refused = conflictFromDatabase(
      await failureOf(() => db.$executeRawUnsafe(`do $$ begin raise exception 'refused' using errcode = 'insufficient_privilege'; end $$`)),
    );
    expect(refused?.code).toBe("FORBIDDEN");
  });
});

describe("enterprise file sections", () => {
  it("keeps one of two first saves of a section made at once and answers the other with the saved version (no 500)", async () => {
    const pilotEnterpriseId = world.enterprises.south[0]!.pilotEnterpriseId;
    const needs = (text: string, author: "ENTERPRISE" | "PROVIDER") => ({
      ...emptyEnterpriseFile().needs,
      DATA_GOVERNANCE: [{ id: randomUUID(), text, author, providerId: null }],
    });
    type SaveAnswer = { ok: boolean };
    const statuses: number[] = [];
    try {
      for (let run = 0; run < RUNS; run++) {
        await owner.query(`delete from "EnterpriseFileSection" where "pilotEnterpriseId" = $1`, [pilotEnterpriseId]);
        const answers = await Promise.all([
          as("ent-south-1").mutation<SaveAnswer>("enterpriseFile.saveEnterpriseFileSection", { pilotEnterpriseId, section: "needs", baseRevision: 0, content: needs("企业填写", "ENTERPRISE") }),
          as("provider-1").mutation<SaveAnswer>("enterpriseFile.saveEnterpriseFileSection", { pilotEnterpriseId, section: "needs", baseRevision: 0, content: needs("服务商填写", "PROVIDER") }),
        ]);
        statuses.push(...answers.map((answer) => answer.status));
        expect.soft(answers.map((answer) => answer.status), `run ${run}: ${JSON.stringify(answers.map((answer) => answer.error))}`).toEqual([200, 200]);
        expect.soft(answers.map((answer) => answer.data?.ok).sort(), `run ${run}`).toEqual([false, true]);
        const { rows: sections } = await owner.query<{ revision: number }>(
          `select revision from "EnterpriseFileSection" where "pilotEnterpriseId" = $1 and section = 'NEEDS'`,
          [pilotEnterpriseId],
        );
        expect.soft(sections, `run ${run}`).toEqual([{ revision: 1 }]);
      }
    } finally {
      await owner.query(`delete from "EnterpriseFileSection" where "pilotEnterpriseId" = $1`, [pilotEnterpriseId]);
    }
    console.info(`two first saves of a file section, ${RUNS} runs: answers ${JSON.stringify(tally(statuses))}`);
  }, RACE_TIMEOUT);
});

describe("draft visibility", () => {
  type Roster = { planState: string | null; subIndustries: string[]; targets: unknown; frozen: boolean };
  const roster = (account: WorldAccount) => as(account).query<Roster>("roster.listRoster", account === "county-south" || account === "ent-south-1" ? undefined : { countyId: county.code });

  it("shows the roster of a county with a never-submitted draft to others without the draft's state, targets or sub-industries", async () => {
    const { planId, revision } = await freshPlan();
    const own = ok(await roster("county-south"));
    expect(own).toMatchObject({ planState: "DRAFT", subIndustries: [SUB_INDUSTRY] });
    expect(own.targets).not.toBeNull();
    for (const account of ["city-south", "province", "ent-south-1"] as const) {
      expect(ok(await roster(account)), account).toMatchObject({ planState: null, subIndustries: [], targets: null, frozen: false });
      expect((await as(account).query("plan.getPlan", { planId })).status, account).toBe(404);
    }

    ok(await submit(planId, revision));
    for (const account of ["city-south", "province"] as const) {
      const seen = ok(await roster(account));
      expect(seen, account).toMatchObject({ planState: "SUBMITTED", subIndustries: [SUB_INDUSTRY] });
      expect(seen.targets, account).not.toBeNull();
    }
  });
});

describe("the plan cover's county and recommending bureau", () => {
  it("are the plan's own, whatever a save names, in the stored content, the view and the diff", async () => {
    const { planId, revision } = await freshPlan();
    const other = world.counties.central;
    const typed = completePlanContent(other.name);
    typed.cover.recommendingCity = `${other.cityName}工业和信息化局`;
    typed.cover.contact = "李工 0510-86000001";
    const saved = ok(await save(planId, revision, typed));
    expect(saved.revision).toBe(revision + 1);

    const { rows } = await owner.query<{ content: ImplementationPlanContent }>(
      `select content from "PlanVersion" where "planId" = $1 and number = 1`,
      [planId],
    );
    expect(rows[0]!.content.cover).toEqual({ countyName: county.name, recommendingCity: `${county.cityName}工业和信息化局`, contact: "李工 0510-86000001" });
    expect(rows[0]!.content.dataTable.countyName).toBe(county.name);
    const view = ok(await as("county-south").query<PlanView>("plan.getPlan", { planId }));
    expect(view.version.content.cover).toEqual({ countyName: county.name, recommendingCity: `${county.cityName}工业和信息化局`, contact: "李工 0510-86000001" });
    // The save's audit record (the plan's edit log) names the one field the county changed.
    const { rows: edits } = await owner.query<{ changes: { field: string }[] }>(
      `select changes from "AuditRecord" where procedure = 'plan.savePlan' and "targetId" = $1 and outcome = 'SUCCESS' order by at desc limit 1`,
      [planId],
    );
    expect(edits[0]!.changes.map((change) => change.field)).toEqual(["cover.contact"]);
  });

  it("shows and prints (DOCX) the plan's own county and bureau even where stored content names others", async () => {
    const { planId } = await freshPlan("SUBMITTED");
    const other = world.counties.central;
    await owner.query(
      `update "PlanVersion" set content = jsonb_set(jsonb_set(content::jsonb, '{cover,countyName}', to_jsonb($2::text)), '{cover,recommendingCity}', to_jsonb($3::text)) where "planId" = $1`,
      [planId, other.name, `${other.cityName}工业和信息化局`],
    );
    const view = ok(await as("city-south").query<PlanView>("plan.getPlan", { planId }));
    expect(view.version.content.cover).toMatchObject({ countyName: county.name, recommendingCity: `${county.cityName}工业和信息化局` });

    const worker = await startWorkerInProcess(api);
    try {
      let exported = ok(await as("city-south").mutation<ExportView>("plan.requestPlanDocument", { planId, format: "DOCX" }));
      const deadline = Date.now() + 20_000;
      while (exported.status !== "SUCCEEDED") {
        expect(exported.status).not.toBe("FAILED");
        if (Date.now() > deadline) throw new Error(`export still ${exported.status}`);
        await sleep(50);
        exported = ok(await as("city-south").query<ExportView>("documents.getExport", { exportId: exported.id }));
      }
      const file = await as("city-south").fetch(`/files/exports/${exported.id}`);
      const xml = await (await JSZip.loadAsync(file.body)).file("word/document.xml")!.async("string");
      const text = xml.replace(/<[^>]+>/g, "");
      expect(text).toContain(`${PLAN_COVER_LABELS.countyName}：${county.name}`);
      expect(text).toContain(`${PLAN_COVER_LABELS.recommendingCity}：${county.cityName}工业和信息化局`);
      expect(text).not.toContain(other.name);
      expect(text).not.toContain(other.cityName);
    } finally {
      await worker.close();
    }
  });
});

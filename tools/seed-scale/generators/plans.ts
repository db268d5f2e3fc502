/**
 * The county's plan 实施方案 (附1): its sub-industries (the outline the roster is enrolled under), its content — the
 * cover, sections 一–五 and the 主要数据表 whose targets are the roster's own counts — and its approval: submitted by
 * the county, maybe returned by the city or the province with comments on fields (each return opens the next
 * version), recommended by the city, approved by the province. Every step goes through the domain's PLAN_WORKFLOW
 * with its guards (no field error, the regional minimum, comments on known fields), as the API would take it.
 */
import {
  implementationPlanContentSchema,
  PLAN_WORKFLOW,
  recommendingBureauOf,
  ROSTER_MINIMUM_BY_REGION,
  validatePlanDataTable,
  withDerivedPlanFields,
  type ImplementationPlanContent,
  type PlanState,
  type PlanSubIndustry,
} from "@dtpilot/domain";
import { officeTimeAfter } from "../clock";
import type { Random } from "../random";
import type { RowSet } from "../rows";
import { CLUSTERS, industrialChain1650Of } from "../vocabulary/industries";
import { landline, personName } from "../vocabulary/names";
import {
  chainModeText,
  distinctivePracticesText,
  foundationText,
  goalsText,
  implementationText,
  otherMaterialsText,
  safeguardsText,
  type PlanFacts,
} from "../vocabulary/plan-texts";
import type { ScaleCounty } from "./geography";
import type { Account } from "./identity";
import { outlineRow, type OutlineRow, type PilotRecord } from "./roster";
import { takeStep } from "./workflow";

/** One or two clusters, three sub-industries at most. */
export function planOutline(random: Random): OutlineRow[] {
  const clusters = random.sample(CLUSTERS, random.chance(0.3) ? 2 : 1);
  const perCluster = clusters.length === 2 ? 1 : random.int(1, 3);
  return clusters.flatMap((cluster) =>
    random
      .sample(cluster.subIndustries, perCluster)
      .map((spec) => outlineRow(cluster.name, spec, industrialChain1650Of(cluster, random.chance(0.5)))),
  );
}

interface RowCounts {
  above: number;
  below: number;
  specialised: number;
}

function countsOf(outline: readonly OutlineRow[], pilots: readonly PilotRecord[]): RowCounts[] {
  return outline.map((row) => {
    const mine = pilots.filter((pilot) => pilot.row.displayName === row.displayName);
    return {
      above: mine.filter((pilot) => pilot.entry.scale === "ABOVE").length,
      below: mine.filter((pilot) => pilot.entry.scale === "BELOW").length,
      specialised: mine.filter((pilot) => pilot.entry.specialised).length,
    };
  });
}

/** A 主要数据表 row whose targets are the roster's counts and whose base year bounds them (the table's rules). */
function tableRow(random: Random, row: OutlineRow, counts: RowCounts): PlanSubIndustry {
  const total = counts.above + counts.below;
  const smeTotal = Math.max(total * random.int(3, 8), random.int(300, 1_500));
  const aboveScaleSmeTotal = Math.max(counts.above, Math.round(smeTotal * random.int(25, 45) / 100));
  const specialisedSmeTotal = Math.max(counts.specialised, Math.round(smeTotal * random.int(4, 12) / 100));
  const share = (min: number, max: number, of: number) => Math.min(of, Math.round((of * random.int(min, max)) / 100));
  return {
    name: row.spec.name,
    industrialChain1650: row.industrialChain1650,
    base: { industrialOutputValue: random.decimal(30, 900, 4), smeTotal, aboveScaleSmeTotal, specialisedSmeTotal },
    targets: {
      plannedAboveScale: counts.above,
      plannedBelowScale: counts.below,
      plannedSpecialised: counts.specialised,
      plannedCloud: share(70, 95, total),
      plannedInitialLevel: share(80, 100, total),
      plannedBenchmarks: Math.min(total, random.int(1, 5)),
      plannedSolutions: random.int(5, 20),
      plannedProviderPool: random.int(5, 15),
      plannedReplication: random.int(50, 300),
      plannedPromotionCentres: random.int(0, 2),
      plannedAboveScaleStandardLevel: share(40, 70, counts.above),
      plannedBelowScaleInitialLevel: share(70, 100, counts.below),
      plannedChainModes: random.int(1, 3),
    },
  };
}

function planContent(random: Random, county: ScaleCounty, outline: readonly OutlineRow[], pilots: readonly PilotRecord[]): ImplementationPlanContent {
  const counts = countsOf(outline, pilots);
  // A roster smaller than the region's minimum (only in small test runs) still plans for the minimum.
  const planned = counts.reduce((sum, row) => sum + row.above + row.below, 0);
  const shortfall = Math.max(0, ROSTER_MINIMUM_BY_REGION[county.city.region] - planned);
  if (shortfall > 0) counts[0]!.below += shortfall;

  const rows = outline.map((row, index) => tableRow(random, row, counts[index]!));
  const clusterNames = [...new Set(outline.map((row) => row.clusterName))];
  const sum = (pick: (row: PlanSubIndustry) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const facts: PlanFacts = {
    countyName: county.name,
    cityName: county.city.name,
    subIndustries: outline.map((row) => row.displayName),
    clusterNames,
    plannedTotal: sum((row) => row.targets.plannedAboveScale + row.targets.plannedBelowScale),
    plannedAboveScale: sum((row) => row.targets.plannedAboveScale),
    plannedBelowScale: sum((row) => row.targets.plannedBelowScale),
    plannedSpecialised: sum((row) => row.targets.plannedSpecialised),
    plannedCloud: sum((row) => row.targets.plannedCloud),
    smeTotal: sum((row) => row.base.smeTotal),
    aboveScaleSmeTotal: sum((row) => row.base.aboveScaleSmeTotal),
    outputValue: String(sum((row) => Number(row.base.industrialOutputValue)).toFixed(2)),
    providerPool: sum((row) => row.targets.plannedProviderPool),
  };
  const content: ImplementationPlanContent = {
    cover: { countyName: "", recommendingCity: "", contact: `${personName(random)} ${landline(random, county.city.areaCode)}` },
    sections: {
      foundation: foundationText(random, facts),
      goals: goalsText(random, facts),
      implementation: implementationText(random, facts),
      safeguards: safeguardsText(random, facts),
      otherMaterials: otherMaterialsText(facts),
    },
    dataTable: {
      countyName: "",
      clusters: clusterNames.map((name) => ({
        name,
        subIndustries: rows.filter((_, index) => outline[index]!.clusterName === name),
      })),
      chainTransformationMode: chainModeText(facts),
      distinctivePractices: distinctivePracticesText(facts),
    },
  };
  // The cover's county and recommending bureau are the plan's own, as the API stores them (withPlanCounty).
  const derived = withDerivedPlanFields(implementationPlanContentSchema.parse(content) as ImplementationPlanContent, {
    name: county.name,
    cityName: county.city.name,
  });
  const errors = validatePlanDataTable(derived.dataTable);
  if (errors.length > 0) throw new Error(`${county.name}: generated plan has field errors ${JSON.stringify(errors)}`);
  if (derived.cover.recommendingCity !== recommendingBureauOf(county.city.name)) throw new Error("derived cover");
  return derived;
}

/** The version a reviewer returned: the same plan with a weaker target (or thinner text) the comment points at. */
function returnedDraft(content: ImplementationPlanContent, random: Random): { draft: ImplementationPlanContent; comment: { target: string; body: string } } {
  const draft = structuredClone(content);
  const row = draft.dataTable.clusters[0]!.subIndustries[0]!;
  if (random.chance(0.6) && row.targets.plannedCloud > 0) {
    row.targets.plannedCloud = Math.floor(row.targets.plannedCloud / 2);
    return {
      draft,
      comment: { target: "dataTable.clusters.0.subIndustries.0.targets.plannedCloud", body: "拟上云用云中小企业数量目标偏低，请结合细分行业基础重新测算。" },
    };
  }
  draft.sections.implementation = { type: "doc", content: draft.sections.implementation.content.slice(0, 2) };
  return { draft, comment: { target: "sections.implementation", body: "主要实施内容不够具体，请补充分阶段工作任务和推进机制。" } };
}

export interface PlanTeam {
  county: Account[];
  city: Account;
  province: Account;
}

/**
 * Writes the plan, its versions, events and comments; returns when the province approved it. The roster entries
 * were added between the plan's start (`createdAt`) and its first submission (`submittedAt`).
 */
export function addApprovedPlan(
  rows: RowSet,
  random: Random,
  input: {
    county: ScaleCounty;
    batchId: string;
    outline: readonly OutlineRow[];
    pilots: readonly PilotRecord[];
    team: PlanTeam;
    createdAt: Date;
    submittedAt: Date;
    cityReturnShare: number;
    provinceReturnShare: number;
  },
): { planId: string; approvedAt: Date } {
  const { county, team } = input;
  const final = planContent(random, county, input.outline, input.pilots);
  const planId = random.uuid();
  const region = county.city.region;
  const cityReturns = random.chance(input.cityReturnShare);
  const provinceReturns = random.chance(input.provinceReturnShare);
  const returned = [
    ...(cityReturns ? [returnedDraft(final, random.fork("city-return"))] : []),
    ...(provinceReturns ? [returnedDraft(final, random.fork("province-return"))] : []),
  ];
  // Versions in order: each returned draft with the comment it got, then the final content.
  const versions: { content: ImplementationPlanContent; comment: { target: string; body: string } | null }[] = [
    ...returned.map(({ draft, comment }) => ({ content: draft, comment })),
    { content: final, comment: null },
  ];

  let state = "DRAFT" as PlanState;
  let at = input.submittedAt;
  let versionCreated = input.createdAt;
  let author = random.pick(team.county);
  const step = (event: "SUBMIT" | "RETURN" | "RECOMMEND" | "APPROVE", actor: Account, version: number, content: ImplementationPlanContent, comments: { target: string }[] = []) => {
    const taken = takeStep(rows, random, {
      workflow: PLAN_WORKFLOW,
      subjectId: planId,
      countyId: county.code,
      state,
      event,
      actor,
      context: { content, region, comments },
      at,
      version,
    });
    state = taken.next;
    return taken;
  };

  const addVersion = (number: number, content: ImplementationPlanContent, submittedAt: Date, updatedBy: Account) =>
    rows.add("planVersion", {
      id: random.uuid(),
      countyId: county.code,
      planId,
      number,
      content,
      revision: random.int(3, 40),
      updatedById: updatedBy.userId,
      createdAt: versionCreated,
      updatedAt: submittedAt,
      submittedAt,
    });

  for (const [index, version] of versions.entries()) {
    const number = index + 1;
    const submittedAt = at;
    addVersion(number, version.content, submittedAt, author);
    step("SUBMIT", author, number, version.content);
    const lastVersion = index === versions.length - 1;
    // The province returns the version before the final one when it returns at all; the city any earlier one.
    const provinceReturnsThis = provinceReturns && index === versions.length - 2;
    if (!lastVersion && !provinceReturnsThis) {
      at = officeTimeAfter(random, at, 2, 7);
      const cityReturn = step("RETURN", team.city, number, version.content, [version.comment!]);
      addComment(rows, random, { countyId: county.code, planId, eventId: cityReturn.eventId, version: number, author: team.city, at, comment: version.comment! });
    } else {
      at = officeTimeAfter(random, at, 1, 5);
      step("RECOMMEND", team.city, number, version.content);
      at = officeTimeAfter(random, at, 2, 8);
      if (!lastVersion) {
        const provinceReturn = step("RETURN", team.province, number, version.content, [version.comment!]);
        addComment(rows, random, { countyId: county.code, planId, eventId: provinceReturn.eventId, version: number, author: team.province, at, comment: version.comment! });
      } else {
        step("APPROVE", team.province, number, version.content);
      }
    }
    if (!lastVersion) {
      // The return opened the next version for the county; it resubmits after fixing what was commented.
      versionCreated = at;
      at = officeTimeAfter(random, at, 3, 10);
      author = random.pick(team.county);
    }
  }
  if (state !== "APPROVED") throw new Error(`${county.name}: plan ended ${state}`);
  rows.add("implementationPlan", {
    id: planId,
    countyId: county.code,
    batchId: input.batchId,
    state,
    currentVersion: versions.length,
    createdAt: input.createdAt,
    updatedAt: at,
  });
  return { planId, approvedAt: at };
}

function addComment(
  rows: RowSet,
  random: Random,
  input: { countyId: string; planId: string; eventId: string; version: number; author: Account; at: Date; comment: { target: string; body: string } },
) {
  rows.add("planComment", {
    id: random.uuid(),
    countyId: input.countyId,
    planId: input.planId,
    eventId: input.eventId,
    versionNumber: input.version,
    target: input.comment.target,
    body: input.comment.body,
    position: 0,
    authorId: input.author.userId,
    createdAt: input.at,
  });
}

/**
 * Every roster entry's file 改造信息表 (附2), all four sections written as their writers would: 一 基本情况 by the
 * enterprise (or the county for one without an account), 二 需求 by the enterprise, its linked providers and the county
 * (each need keeps its author), 三 成效 after the project's start, 四 绩效评价 by the county. Each section is checked
 * by the domain exactly as a save is: its zod schema (the stored JSON is the schema's output), field validation
 * (validateFileSection: no error), the roster's fields in 一 (applyRosterFields), and the whole file's completeness.
 */
import { isDeepStrictEqual } from "node:util";
import {
  applyRosterFields,
  DIGITAL_LEVELS,
  DIRECTIONS,
  FILE_SECTION_KEYS,
  FILE_SECTION_SCHEMAS,
  fileCompleteness,
  KPI_CATALOGUE,
  kpisForArea,
  OUTCOME_AREAS,
  rosterFieldsOf,
  STORED_FILE_SECTIONS,
  validateFileSection,
  type BasicInfoSection,
  type CloudUsage,
  type DigitalLevel,
  type EnterpriseFile,
  type EvaluationSection,
  type FileSectionKey,
  type FileWriter,
  type KpiKey,
  type NeedItem,
  type NeedsSection,
  type OutcomeArea,
  type QuantitativeIndicator,
  type ResultsSection,
} from "@dtpilot/domain";
import { storedFileCompleteness } from "@dtpilot/db";
import { addDays, day, isoDay, later, officeTime, officeTimeAfter } from "../clock";
import { formatUnits, type Random } from "../random";
import type { RowSet } from "../rows";
import {
  CLOUD_DETAILS,
  EVALUATION_COMMENTS,
  NEEDS_BY_DIRECTION,
  NOT_PASSED_REASONS,
  PRODUCTS,
  SAMPLE_REASONS,
  TRANSFORMATION_ITEMS,
} from "../vocabulary/file-texts";
import { address } from "../vocabulary/names";
import type { ScaleCounty } from "./geography";
import type { Account } from "./identity";
import { rosterEntryFields, type PilotRecord } from "./roster";

export type FileContentMode = "full" | "compact";

/** Who writes: the enterprise's account, its providers' accounts, the county team. */
interface Writers {
  enterprise: Account | null;
  county: readonly Account[];
}

function basicSection(random: Random, county: ScaleCounty, pilot: PilotRecord): BasicInfoSection {
  const { entry } = pilot;
  const revenueCents = Math.round(Number(entry.lastYearRevenue) * 100);
  const employees = entry.scale === "ABOVE" ? random.int(60, 900) : random.int(8, 120);
  const founded = random.int(1988, 2019);
  const profile =
    `${entry.name}成立于${founded}年，位于${county.city.name}${county.name}，主要从事${random.sample(pilot.row.spec.products, 2).join("、")}` +
    `等产品的研发、生产和销售，现有员工${employees}人。企业${entry.specialised ? "为专精特新中小企业，" : ""}已通过ISO9001质量管理体系认证，` +
    `近年来持续推进设备更新和信息化建设，希望通过数字化改造提升生产效率和产品质量。`;
  const basic: BasicInfoSection = {
    enterpriseName: null,
    cityAndCounty: null,
    registeredAddress: address(random, county.city.name, county.name),
    creditCode: null,
    contactPerson: entry.contactName ?? null,
    contactInfo: entry.contactPhone ?? null,
    profile,
    nature: random.weighted([["PRIVATE", 80], ["MIXED", 8], ["FOREIGN", 6], ["STATE_OWNED", 4], ["OTHER", 2]] as const),
    size: employees >= 300 ? "MEDIUM" : employees >= 20 ? "SMALL" : "MICRO",
    scale: entry.scale,
    qualityStatus: entry.specialised ? "SPECIALISED" : random.chance(0.3) ? "INNOVATIVE" : "NONE",
    subIndustry: entry.subIndustry,
    lastYearRevenue: entry.lastYearRevenue,
    lastYearProfit: formatUnits(Math.round((revenueCents * random.int(-40, 120)) / 1_000), 2),
    lastYearRevenuePerEmployee: formatUnits(Math.round(revenueCents / employees), 2),
    digitalInvestmentTotal: random.decimal(5, entry.scale === "ABOVE" ? 800 : 120, 2),
  };
  // The roster's own fields, as the API writes them whatever a writer sent (rosterFieldsOf).
  return applyRosterFields(basic, rosterFieldsOf(rosterEntryFields(county, pilot)));
}

function needsSection(random: Random, pilot: PilotRecord, mode: FileContentMode): { needs: NeedsSection; authors: Set<FileWriter> } {
  const needs = Object.fromEntries(DIRECTIONS.map((direction) => [direction, [] as NeedItem[]])) as NeedsSection;
  const authors = new Set<FileWriter>();
  const directions = mode === "full" ? random.sample(DIRECTIONS.slice(0, 5), random.int(2, 4)) : [random.pick(DIRECTIONS.slice(0, 5))];
  if (mode === "full" && random.chance(0.3)) directions.push("OTHER");
  for (const direction of directions) {
    const texts = random.sample(NEEDS_BY_DIRECTION[direction], mode === "full" ? random.int(1, 2) : 1);
    for (const text of texts) {
      const provider = pilot.providers.length > 0 && random.chance(0.25) ? random.pick(pilot.providers) : null;
      const author: FileWriter = provider ? "PROVIDER" : random.chance(0.85) ? "ENTERPRISE" : "COUNTY";
      authors.add(author);
      needs[direction].push({ id: random.uuid(), text, author, providerId: provider ? provider.id : null });
    }
  }
  return { needs, authors };
}

/** A before → after pair that the KPI's rules accept (never negative, within its bound, whole where counted) and improves. */
function indicatorValues(random: Random, kpi: KpiKey): { before: string; after: string } {
  const definition = KPI_CATALOGUE[kpi];
  if (definition.integer) {
    const max = definition.max ?? 200;
    const before = random.int(0, Math.max(0, Math.floor(max / 2)));
    return { before: String(before), after: String(random.int(Math.min(max, before + 1), max)) };
  }
  const [low, high] =
    definition.unit === "%" ? [10, 85] : kpi === "INVENTORY_TURNOVER" ? [2, 9] : kpi === "COST_PER_HUNDRED_YUAN_REVENUE" ? [70, 92] : kpi === "REVENUE_PER_EMPLOYEE" ? [40, 180] : [1, 9];
  const before = random.int(low * 100, high * 100);
  const ceiling = definition.max === undefined ? Number.MAX_SAFE_INTEGER : definition.max * 100;
  const after =
    definition.better === "HIGHER"
      ? Math.min(ceiling, before + random.int(Math.ceil(before * 0.05), Math.ceil(before * 0.4) + 100))
      : Math.max(0, before - random.int(Math.ceil(before * 0.03), Math.ceil(before * 0.2)));
  return { before: formatUnits(before, 2), after: formatUnits(after, 2) };
}

function resultsSection(random: Random, pilot: PilotRecord, mode: FileContentMode): ResultsSection {
  const indicators = Object.fromEntries(OUTCOME_AREAS.map((area) => [area, [] as QuantitativeIndicator[]])) as ResultsSection["indicators"];
  const areas = mode === "full" ? random.sample(OUTCOME_AREAS, random.int(2, 4)) : [random.pick(OUTCOME_AREAS)];
  for (const area of areas) {
    for (const kpi of random.sample(kpisForArea(area as OutcomeArea), mode === "full" ? random.int(1, 2) : 1)) {
      indicators[area].push({ id: random.uuid(), kpi, unit: null, ...indicatorValues(random, kpi) });
    }
  }
  if (mode === "full" && random.chance(0.1)) {
    const before = random.int(20, 45);
    indicators.EFFICIENCY.push({ id: random.uuid(), kpi: "订单平均交付周期", unit: "天", before: String(before), after: String(before - random.int(3, 12)) });
  }
  const items = random.sample(TRANSFORMATION_ITEMS, mode === "full" ? random.int(1, 3) : 1);
  const usage = random.weighted<CloudUsage>([["PUBLIC", 40], ["HYBRID", 30], ["PRIVATE", 15], ["NONE", 15]]);
  const levelBefore = random.weighted<DigitalLevel>([["NONE", 45], ["L1", 40], ["L2", 15]]);
  const levelAfter = DIGITAL_LEVELS[Math.min(DIGITAL_LEVELS.length - 1, DIGITAL_LEVELS.indexOf(levelBefore) + random.int(1, 2))]!;
  const start = pilot.transformationStartedOn!;
  return {
    transformationItems: items.map((item) => ({ id: random.uuid(), text: item.text.replace("{n}", String(random.int(2, 40))) })),
    cloud: { usage, detail: usage === "PRIVATE" || usage === "HYBRID" ? random.pick(CLOUD_DETAILS[usage]) : null },
    period: { start: isoDay(start), end: isoDay(addDays(start, random.int(150, 300))) },
    totalCost: random.decimal(15, pilot.entry.scale === "ABOVE" ? 600 : 120, 2),
    digitalLevel: { before: levelBefore, after: levelAfter },
    indicators,
    providerEvaluations: pilot.providers.map((provider) => ({
      id: random.uuid(),
      providerId: provider.id,
      providerName: provider.name,
      product: random.pick(PRODUCTS),
      rating: random.weighted([[5, 5], [4, 4], [3, 1]] as const),
      comment: random.pick(EVALUATION_COMMENTS),
    })),
  };
}

function evaluationSection(random: Random): EvaluationSection {
  if (random.chance(0.08)) return { evaluationConducted: false, evaluationPassed: null, notPassedReason: null, isSample: null, sampleReason: null };
  const passed = random.chance(0.93);
  const sample = passed && random.chance(0.12);
  return {
    evaluationConducted: true,
    evaluationPassed: passed,
    notPassedReason: passed ? null : random.pick(NOT_PASSED_REASONS),
    isSample: sample,
    sampleReason: sample ? random.pick(SAMPLE_REASONS) : null,
  };
}

/**
 * The domain's checks of a save, for the sections written: schema output unchanged (the generator writes the schema's
 * output shape, every field present, so the stored JSON is what a save stores), no field error; and for a file with
 * all four sections, its completeness.
 */
export function checkFile(file: Partial<EnterpriseFile>, label: string): void {
  const keys = FILE_SECTION_KEYS.filter((key) => file[key] !== undefined);
  for (const key of keys) {
    const parsed = FILE_SECTION_SCHEMAS[key].safeParse(file[key]);
    if (!parsed.success) throw new Error(`${label}: section ${key} fails its schema: ${parsed.error.message}`);
    if (!isDeepStrictEqual(parsed.data, file[key])) throw new Error(`${label}: section ${key} is not in the schema's output shape`);
    const errors = validateFileSection(key, parsed.data as never);
    if (errors.length > 0) throw new Error(`${label}: section ${key} has field errors ${JSON.stringify(errors)}`);
  }
  if (keys.length === FILE_SECTION_KEYS.length) {
    const completeness = fileCompleteness(file as EnterpriseFile);
    if (!completeness.complete) throw new Error(`${label}: file incomplete ${JSON.stringify(completeness.sections)}`);
  }
}

/** A moment strictly between `from` and `to`, in office hours where they allow. */
function within(random: Random, from: Date, to: Date): Date {
  const at = officeTime(random, from, to);
  if (at <= from) return new Date(from.getTime() + 5 * 60_000);
  if (at >= to) return new Date(to.getTime() - 5 * 60_000);
  return at;
}

/**
 * Writes one entry's file: all four sections for an entry on the roster; for one an approved change took off, the
 * sections 一–二 it had before (a file stops changing when its entry leaves the roster). With `validate` the domain
 * checks them first.
 */
export function addEnterpriseFile(
  rows: RowSet,
  random: Random,
  input: { county: ScaleCounty; pilot: PilotRecord; writers: Writers; mode: FileContentMode; validate: boolean },
): void {
  const { county, pilot, writers, mode } = input;
  const removedAt = pilot.status === "REMOVED" ? pilot.removedAt : null;
  const { needs, authors } = needsSection(random, pilot, mode);
  const file: Partial<EnterpriseFile> = { basic: basicSection(random, county, pilot), needs };
  if (!removedAt) {
    file.results = resultsSection(random, pilot, mode);
    file.evaluation = evaluationSection(random);
  }
  if (input.validate) checkFile(file, `${county.name} ${pilot.entry.name}`);

  const countyWriter = () => random.pick(writers.county);
  const enterpriseOrCounty = () => writers.enterprise ?? countyWriter();
  const providerWriter = () => {
    const provider = pilot.providers.length > 0 ? random.pick(pilot.providers) : null;
    return provider ? random.pick(provider.accounts) : enterpriseOrCounty();
  };
  const enrolled = pilot.createdAt;
  const needsWriter = authors.has("PROVIDER") && random.chance(0.5) ? providerWriter() : authors.has("ENTERPRISE") ? enterpriseOrCounty() : countyWriter();
  const sections: { key: FileSectionKey; writer: Account; created: Date; updated: Date }[] = [];
  if (removedAt) {
    const basicCreated = within(random, enrolled, removedAt);
    const needsCreated = within(random, enrolled, removedAt);
    sections.push({ key: "basic", writer: enterpriseOrCounty(), created: basicCreated, updated: within(random, basicCreated, removedAt) });
    sections.push({ key: "needs", writer: needsWriter, created: needsCreated, updated: within(random, needsCreated, removedAt) });
  } else {
    const start = pilot.transformationStartedOn!;
    const basicCreated = officeTimeAfter(random, enrolled, 5, 40);
    sections.push({ key: "basic", writer: enterpriseOrCounty(), created: basicCreated, updated: officeTimeAfter(random, basicCreated, 0, 20) });
    const needsCreated = officeTimeAfter(random, enrolled, 10, 50);
    sections.push({ key: "needs", writer: needsWriter, created: needsCreated, updated: officeTimeAfter(random, needsCreated, 0, 30) });
    const resultsCreated = officeTimeAfter(random, later(start, enrolled), 30, 120);
    sections.push({
      key: "results",
      writer: random.chance(0.4) ? providerWriter() : enterpriseOrCounty(),
      created: resultsCreated,
      updated: later(officeTime(random, day("2026-06-15"), day("2026-09-10")), resultsCreated),
    });
    const evaluated = later(officeTime(random, day("2026-09-14"), day("2026-10-23")), resultsCreated);
    sections.push({ key: "evaluation", writer: countyWriter(), created: evaluated, updated: evaluated });
  }

  // The entry stores its file's completeness as a save would: from the sections as written (addRosterRows).
  pilot.fileCompleteness = storedFileCompleteness(
    sections.map((section) => ({ section: STORED_FILE_SECTIONS[section.key], content: file[section.key] })),
    rosterEntryFields(county, pilot),
  );
  for (const section of sections) {
    rows.add("enterpriseFileSection", {
      id: random.uuid(),
      countyId: county.code,
      pilotEnterpriseId: pilot.id,
      enterpriseId: pilot.enterpriseId,
      section: STORED_FILE_SECTIONS[section.key],
      content: file[section.key],
      revision: section.created.getTime() === section.updated.getTime() ? 1 : random.int(2, mode === "full" ? 12 : 4),
      updatedById: section.writer.userId,
      createdAt: section.created,
      updatedAt: section.updated,
    });
  }
}

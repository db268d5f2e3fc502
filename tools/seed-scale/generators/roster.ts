/**
 * The roster 试点企业改造名单: enterprises registered in the county (Enterprise) and enrolled for the batch
 * (PilotEnterprise), each entry what the county would type or import — checked by the domain's pilotEnterpriseInputSchema
 * and its credit code by isValidUnifiedSocialCreditCode. Entries are records until the county's story is complete
 * (links, accounts, changes, the project's start); `addRosterRows` writes their final state.
 */
import { fileCompletenessColumns, storedFileCompleteness } from "@dtpilot/db";
import {
  isValidUnifiedSocialCreditCode,
  pilotEnterpriseInputSchema,
  subIndustryDisplayName,
  type EnterpriseScale,
  type FileCompletenessSummary,
  type PilotEnterpriseInput,
  type RosterEntryFields,
} from "@dtpilot/domain";
import { isoDay } from "../clock";
import type { Random } from "../random";
import type { RowSet } from "../rows";
import type { SubIndustrySpec } from "../vocabulary/industries";
import { brand, mobilePhone, personName } from "../vocabulary/names";
import { creditCode } from "./credit-codes";
import type { ScaleCounty } from "./geography";
import type { Account } from "./identity";
import type { ProviderRecord } from "./providers";

/** One 集群—细分行业 of the county's plan. */
export interface OutlineRow {
  clusterName: string;
  spec: SubIndustrySpec;
  industrialChain1650: string;
  /** “集群—细分行业”, as the roster and the plan name it. */
  displayName: string;
}

export interface PilotRecord {
  id: string;
  enterpriseId: string;
  entry: PilotEnterpriseInput;
  row: OutlineRow;
  addedBy: Account;
  createdAt: Date;
  updatedAt: Date;
  status: "ACTIVE" | "REMOVED";
  removedAt: Date | null;
  transformationStartedOn: Date | null;
  providers: ProviderRecord[];
  account: Account | null;
  /** The file's completeness as stored beside the entry, once its file is written (addEnterpriseFile). */
  fileCompleteness: FileCompletenessSummary | null;
}

export function outlineRow(clusterName: string, spec: SubIndustrySpec, industrialChain1650: string): OutlineRow {
  return { clusterName, spec, industrialChain1650, displayName: subIndustryDisplayName({ name: clusterName }, spec) };
}

/** A new enterprise of the county and its roster entry, as the county would enter it. */
export function newPilotEnterprise(random: Random, county: ScaleCounty, row: OutlineRow, serial: number): PilotEnterpriseInput {
  const scale: EnterpriseScale = random.chance(0.55) ? "ABOVE" : "BELOW";
  const specialised = random.chance(scale === "ABOVE" ? 0.2 : 0.05);
  // 规上: 主营业务收入 2000万元 and above.
  const lastYearRevenue = scale === "ABOVE" ? random.decimal(2_000, 60_000, 2) : random.decimal(150, 1_999, 2);
  const form = random.weighted([["有限公司", 8], ["股份有限公司", 1], ["科技有限公司", 2]] as const);
  const entry = pilotEnterpriseInputSchema.parse({
    name: `${county.shortName}${brand(random)}${random.pick(row.spec.nameWords)}${form}`,
    creditCode: creditCode(county.code, serial),
    subIndustry: row.displayName,
    scale,
    specialised,
    lastYearRevenue,
    contactName: personName(random),
    contactPhone: mobilePhone(random),
  });
  if (!isValidUnifiedSocialCreditCode(entry.creditCode)) throw new Error(`invalid credit code ${entry.creditCode}`);
  return entry;
}

/** Registers the enterprise (its Enterprise row) and returns its roster record, not yet written. */
export function enrol(
  rows: RowSet,
  random: Random,
  input: { county: ScaleCounty; entry: PilotEnterpriseInput; row: OutlineRow; addedBy: Account; at: Date },
): PilotRecord {
  const enterpriseId = random.uuid();
  rows.add("enterprise", {
    id: enterpriseId,
    countyId: input.county.code,
    name: input.entry.name,
    creditCode: input.entry.creditCode,
    createdAt: input.at,
    updatedAt: input.at,
  });
  return {
    id: random.uuid(),
    enterpriseId,
    entry: input.entry,
    row: input.row,
    addedBy: input.addedBy,
    createdAt: input.at,
    updatedAt: input.at,
    status: "ACTIVE",
    removedAt: null,
    transformationStartedOn: null,
    providers: [],
    account: null,
    fileCompleteness: null,
  };
}

/** What section 一 shows of an entry from the roster (the domain's rosterFieldsOf reads it). */
export function rosterEntryFields(county: ScaleCounty, pilot: PilotRecord): RosterEntryFields {
  return { enterpriseName: pilot.entry.name, creditCode: pilot.entry.creditCode, countyId: county.code };
}

export function addRosterRows(rows: RowSet, county: ScaleCounty, batchId: string, pilots: readonly PilotRecord[]): void {
  for (const pilot of pilots) {
    rows.add("pilotEnterprise", {
      id: pilot.id,
      countyId: county.code,
      batchId,
      enterpriseId: pilot.enterpriseId,
      subIndustry: pilot.entry.subIndustry,
      scale: pilot.entry.scale,
      specialised: pilot.entry.specialised,
      lastYearRevenue: pilot.entry.lastYearRevenue,
      contactName: pilot.entry.contactName ?? null,
      contactPhone: pilot.entry.contactPhone ?? null,
      status: pilot.status,
      transformationStartedOn: pilot.transformationStartedOn ? new Date(`${isoDay(pilot.transformationStartedOn)}T00:00:00.000Z`) : null,
      addedById: pilot.addedBy.userId,
      createdAt: pilot.createdAt,
      updatedAt: pilot.updatedAt,
      removedAt: pilot.removedAt,
      // What a save stores: the domain's summary of the file as written.
      ...fileCompletenessColumns(pilot.fileCompleteness ?? storedFileCompleteness([], rosterEntryFields(county, pilot))),
    });
  }
}

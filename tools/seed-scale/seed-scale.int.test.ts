import { testDatabaseName } from "@dtpilot/db/testing";
import {
  emptyEnterpriseFile,
  FILE_COMPLETENESS_VERSION,
  FILE_SECTION_KEYS,
  FILE_SECTION_SCHEMAS,
  fileCompleteness,
  fileCompletenessSummary,
  fileWithRosterFields,
  implementationPlanContentSchema,
  isValidUnifiedSocialCreditCode,
  pilotEnterpriseInputSchema,
  rosterFieldsOf,
  submissionBlockers,
  validateFileSection,
  validatePlanDataTable,
  type EnterpriseFile,
  type FileSectionKey,
  type Region,
} from "@dtpilot/domain";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropScaleDatabase } from "./database";
import { generateScaleDataset, type ScaleResult } from "./generate";
import type { ScaleOptions } from "./options";

const DATABASE = testDatabaseName("dtpilot_test_scale");
const TINY: ScaleOptions = {
  scale: "province",
  database: DATABASE,
  seed: "test-seed",
  counties: 3,
  perCounty: 5,
  chunkCounties: 2,
  validateAll: true,
  verify: true,
  checksums: true,
  quiet: true,
};
const KEY_OF_SECTION: Record<string, FileSectionKey> = { BASIC: "basic", NEEDS: "needs", RESULTS: "results", EVALUATION: "evaluation" };

let first: ScaleResult;
let again: ScaleResult;
let otherSeed: ScaleResult;
let owner: pg.Client;

beforeAll(async () => {
  // The first run on a machine also migrates the template database (once per set of migrations, ~17 s).
  otherSeed = await generateScaleDataset({ ...TINY, seed: "another-seed", verify: false });
  first = await generateScaleDataset(TINY);
  // The same seed loaded county by county: the chunking changes no row.
  again = await generateScaleDataset({ ...TINY, chunkCounties: 1, verify: false });
  owner = new pg.Client({ connectionString: again.database.ownerUrl });
  await owner.connect();
});

afterAll(async () => {
  await owner?.end();
  await dropScaleDatabase(DATABASE);
});

describe("the scale dataset (3 counties × 5 enterprises)", () => {
  it("writes the same rows on every run of a seed, and other rows for another seed", () => {
    expect(first.checksums).not.toBeNull();
    expect(again.checksums).toEqual(first.checksums);
    expect(again.checksum).toBe(first.checksum);
    expect(otherSeed.checksum).not.toBe(first.checksum);
    expect(first.rows.pilotEnterprise).toBeGreaterThanOrEqual(15);
    expect(first.rows.workflowEvent).toBeGreaterThan(0);
  });

  it("writes enterprise files that pass the domain's validation, complete for every entry on the roster", async () => {
    const { rows } = await owner.query<{ pilot: string; status: string; section: string; content: unknown }>(
      `select p.id as pilot, p.status, s.section, s.content from "EnterpriseFileSection" s join "PilotEnterprise" p on p.id = s."pilotEnterpriseId"`,
    );
    const files = new Map<string, { status: string; file: Partial<EnterpriseFile> }>();
    for (const row of rows) {
      const key = KEY_OF_SECTION[row.section]!;
      const parsed = FILE_SECTION_SCHEMAS[key].parse(row.content);
      expect(validateFileSection(key, parsed as never), `${row.pilot} ${key}`).toEqual([]);
      const entry = files.get(row.pilot) ?? { status: row.status, file: {} };
      (entry.file as Record<string, unknown>)[key] = parsed;
      files.set(row.pilot, entry);
    }
    const pilots = await owner.query<{
      id: string;
      status: string;
      percentage: number;
      complete: boolean;
      sections: unknown;
      version: number;
      enterpriseName: string;
      creditCode: string;
      countyId: string;
    }>(
      `select p.id, p.status, p."filePercentage" as percentage, p."fileComplete" as complete, p."fileCompleteness" as sections,
         p."fileCompletenessVersion" as version, e.name as "enterpriseName", e."creditCode", p."countyId"
         from "PilotEnterprise" p join "Enterprise" e on e.id = p."enterpriseId"`,
    );
    expect(files.size).toBe(pilots.rowCount);
    for (const { status, file } of files.values()) {
      if (status !== "ACTIVE") continue;
      expect(Object.keys(file).sort()).toEqual([...FILE_SECTION_KEYS].sort());
      expect(fileCompleteness(file as EnterpriseFile).complete).toBe(true);
    }
    // Each entry stores its file's completeness, exactly as the domain computes it from the stored sections with the
    // roster's fields (as the file page shows it).
    for (const pilot of pilots.rows) {
      const expected = fileCompletenessSummary(fileWithRosterFields({ ...emptyEnterpriseFile(), ...files.get(pilot.id)!.file }, rosterFieldsOf(pilot)));
      expect({ percentage: pilot.percentage, complete: pilot.complete, sections: pilot.sections }, pilot.id).toEqual(expected);
      expect(pilot.version).toBe(FILE_COMPLETENESS_VERSION);
    }
  });

  it("writes approved plans the workflow's guards accept, and roster entries the roster's rules accept", async () => {
    const plans = await owner.query<{ state: string; content: unknown; region: Region }>(
      `select p.state, v.content, c.region from "ImplementationPlan" p join "PlanVersion" v on v."planId" = p.id and v.number = p."currentVersion"
         join "County" k on k.code = p."countyId" join "City" c on c.code = k."cityCode"`,
    );
    expect(plans.rowCount).toBe(3);
    for (const plan of plans.rows) {
      expect(plan.state).toBe("APPROVED");
      const content = implementationPlanContentSchema.parse(plan.content);
      expect(validatePlanDataTable(content.dataTable)).toEqual([]);
      expect(submissionBlockers(content.dataTable, plan.region)).toEqual([]);
    }
    const enterprises = await owner.query<{ creditCode: string }>(`select "creditCode" from "Enterprise"`);
    expect(enterprises.rows.every((row) => isValidUnifiedSocialCreditCode(row.creditCode))).toBe(true);
    const additions = await owner.query<{ addition: unknown }>(`select addition from "RosterChangeRequest" where addition is not null`);
    for (const { addition } of additions.rows) expect(pilotEnterpriseInputSchema.safeParse(addition).success).toBe(true);
  });

  it("shows each scope exactly its own rows as the app role, through SQL with the app's settings and the roster repository", () => {
    const checks = first.tenancy ?? [];
    expect(checks.filter((check) => !check.ok)).toEqual([]);
    for (const kind of ["county", "city", "enterprise", "provider", "no scope", "listPilotEnterprises"]) {
      expect(checks.some((check) => check.check.includes(kind)), kind).toBe(true);
    }
  });
});

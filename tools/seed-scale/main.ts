/**
 * `npm run seed:scale -- [--scale province|national] [--database dtpilot_scale] [--seed dtpilot-scale-1]`
 *
 * Generates a deterministic province-scale (or national-scale) dataset into its own database, dropped and recreated
 * from the project's migrations, and prints the row counts, the generation and load times, the database's size, a
 * checksum of every table (equal for equal seeds), the app role's view of the rows (row-level security) and a few
 * accounts per role. See tools/bench/README.md, "Dataset".
 *
 * Other options: --counties N (the first N counties, interleaved by region), --per-county N (roster size), --chunk N
 * (counties per load transaction), --validate-all (national: check every file with the domain, not a sample),
 * --no-verify, --no-checksums.
 */
import { parseArgs } from "node:util";
// @ts-expect-error -- a plain .mjs helper shared by the scripts, without type declarations
import { loadDotEnv } from "../lib/env.mjs";
import { generateScaleDataset, SCALE_PASSWORD } from "./generate";
import { DEFAULT_DATABASE, DEFAULT_SEED, PROFILES, SCALES, type Scale, type ScaleOptions } from "./options";
import { formatReport } from "./report";

loadDotEnv();
const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "province" },
    database: { type: "string", default: DEFAULT_DATABASE },
    seed: { type: "string", default: DEFAULT_SEED },
    counties: { type: "string" },
    "per-county": { type: "string" },
    chunk: { type: "string" },
    "validate-all": { type: "boolean", default: false },
    "no-verify": { type: "boolean", default: false },
    "no-checksums": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
  },
});

function positive(name: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1) throw new Error(`--${name} must be a positive integer`);
  return number;
}

if (!(SCALES as readonly string[]).includes(values.scale)) throw new Error(`--scale must be one of ${SCALES.join(", ")}`);
const scale = values.scale as Scale;
const options: ScaleOptions = {
  scale,
  database: values.database,
  seed: values.seed,
  counties: positive("counties", values.counties),
  perCounty: positive("per-county", values["per-county"]),
  chunkCounties: positive("chunk", values.chunk) ?? PROFILES[scale].chunkCounties,
  validateAll: values["validate-all"] || scale === "province",
  verify: !values["no-verify"],
  checksums: !values["no-checksums"],
  quiet: values.quiet,
};

const log = (line: string) => {
  if (!options.quiet) console.error(`[seed:scale] ${line}`);
};
log(`${scale} dataset, seed "${options.seed}", into database "${options.database}"`);
const result = await generateScaleDataset(options, log);
console.log(formatReport(options, result, SCALE_PASSWORD));
if (result.tenancy?.some((check) => !check.ok)) process.exitCode = 1;

/**
 * Fuzzing every procedure over real HTTP, against the real PostgreSQL and Redis. Inputs are derived from each
 * procedure's own zod input schema (so a new procedure is covered without editing this file): values of the right
 * shape, then the same with control and XML-illegal characters in every string, oversized strings and arrays, deep
 * nesting, wrong types, missing and extra keys, huge numbers and number-like strings. Each is sent alone and in
 * batches, anonymously and as a signed-in user of each kind. Never a 500 or an unexpected status, never a body
 * over 256 KB, and the API still healthy afterwards. Reproducible: the seed is printed; FUZZ_SEED replays one.
 * Rows a successful mutation leaves (exports requested, a plan started) are removed afterwards.
 */
import pg from "pg";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { z } from "zod";
import { appRouter } from "../router";
import { DEMO_PASSWORD, startApi, WEB_ORIGIN, type RunningApi } from "../testing/api-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../testing/world";
import { deletePlansOf } from "../testing/plan-fixtures";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
/** One case of each strategy for every actor (half sent alone, half in one batch). */
const CASES_PER_PROCEDURE_AND_ACTOR = 10;
const MAX_BODY_BYTES = 256 * 1024;
/** What a hostile input may be answered with: success, the client-error family, payload and header limits. */
const ALLOWED_STATUSES = new Set([200, 207, 400, 401, 403, 404, 409, 413, 414, 415, 429, 431]);

type ProcedureType = "query" | "mutation";
type Procedure = { path: string; type: ProcedureType; input: z.ZodType | undefined };
const PROCEDURES: Procedure[] = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureType; inputs: z.ZodType[] } }>,
).map(([path, procedure]) => ({ path, type: procedure._def.type, input: procedure._def.inputs[0] }));

/** Signed in as one user of each kind, and anonymous. */
const ACTORS = [null, "county-south", "city-south", "province", "ent-south-1", "provider-1"] as const;
type Actor = (typeof ACTORS)[number];
/** Procedures that would end the session the rest of the run relies on: fuzzed anonymously only. */
const ANONYMOUS_ONLY = new Set(["auth.logout"]);

// --- a seeded generator (mulberry32) ---

type Random = () => number;
function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const pick = <T,>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const ILLEGAL_CHARACTERS = ["\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDC00"];
const TEXT_PIECES = ["江阴市", "企业", "a", "Z", "0", "9", " ", "-", "—", "😀", "'", '"', "<", "&", "\\", "%", "\n", "\t"];
const NUMBER_LIKE = ["NaN", "Infinity", "-Infinity", "1e999", "-0", "0x10", "١٢٣", "9".repeat(400), "1,000.5", ""];
const HUGE_NUMBERS = [1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), Number.MIN_VALUE, -0, 0.1 + 0.2];
/** Samples that some string patterns of ours accept (county codes, decimals, dates, credit codes). */
const PATTERN_SAMPLES = ["320281", "320685", "100", "12.5", "2025-03-01", "91350100M000100Y43", "ABOVE", "是"];

function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function text(random: Random, min: number, max: number): string {
  const length = between(random, min, Math.min(max, min + 12));
  return Array.from({ length }, () => pick(random, TEXT_PIECES)).join("").slice(0, Math.max(min, length));
}

/** Real ids by field name, so queries reach past "not found" into the handlers (mutations get random ids only). */
const KNOWN_IDS: Record<string, string[]> = {};
let useKnownIds = false;

type ZodInternals = { _zod: { def: Record<string, unknown> & { type: string }; bag?: Record<string, unknown> } };

/** A value of the schema's shape, made at random; lazy (recursive) schemas stop growing past a few levels. */
function sample(schema: unknown, random: Random, depth = 0, key?: string): unknown {
  const { def, bag = {} } = (schema as ZodInternals)._zod;
  const known = key === undefined ? undefined : KNOWN_IDS[key];
  if (useKnownIds && known && known.length > 0 && random() < 0.7) return pick(random, known);
  const inner = (part: string) => sample(def[part], random, depth + 1, part === "innerType" || part === "in" || part === "out" ? key : undefined);
  switch (def.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) {
        const optional = (field as { _zod: { optin?: string } })._zod.optin === "optional";
        if (optional && random() < 0.3) continue;
        out[key] = sample(field, random, depth + 1, key);
      }
      return out;
    }
    case "string": {
      const format = bag.format as string | undefined;
      if (format === "uuid" || format === "guid") return uuid(random);
      if (format === "date") return `2025-0${between(random, 1, 9)}-1${between(random, 0, 9)}`;
      if (format === "datetime") return new Date(Date.UTC(2025, between(random, 0, 11), 1)).toISOString();
      const patterns = [...((bag.patterns as Set<RegExp> | undefined) ?? [])];
      if (patterns.length > 0) {
        const fits = PATTERN_SAMPLES.filter((candidate) => patterns.every((pattern) => pattern.test(candidate)));
        if (fits.length > 0 && random() < 0.8) return pick(random, fits);
      }
      return text(random, Number(bag.minimum ?? 0), Number(bag.maximum ?? 40));
    }
    case "number": {
      const min = Math.max(Number(bag.minimum ?? -1000), -1e6);
      const max = Math.min(Number(bag.maximum ?? 1000), 1e6);
      const integer = typeof bag.format === "string" && /int/.test(bag.format);
      const value = min + random() * (max - min);
      return integer ? Math.round(value) : value;
    }
    case "boolean":
      return random() < 0.5;
    case "bigint":
      return BigInt(between(random, 0, 1000));
    case "date":
      return new Date(Date.UTC(2025, between(random, 0, 11), between(random, 1, 28)));
    case "enum":
      return pick(random, Object.values(def.entries as Record<string, unknown>));
    case "literal":
      return pick(random, def.values as unknown[]);
    case "array": {
      const min = Number(bag.minimum ?? 0);
      const length = depth > 8 ? min : between(random, min, Math.min(Number(bag.maximum ?? 3), min + 3));
      return Array.from({ length }, () => inner("element"));
    }
    case "tuple":
      return (def.items as unknown[]).map((item) => sample(item, random, depth + 1));
    case "record":
      return { [text(random, 1, 8)]: inner("valueType") };
    case "optional":
      return random() < 0.2 ? undefined : inner("innerType");
    case "nullable":
      return random() < 0.2 ? null : inner("innerType");
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return inner("innerType");
    case "union": {
      const options = def.options as unknown[];
      return sample(depth > 8 ? options[0] : pick(random, options), random, depth + 1);
    }
    case "lazy":
      return sample((def.getter as () => unknown)(), random, depth + 1);
    case "pipe": {
      const from = (def.in as ZodInternals)._zod.def.type;
      return from === "unknown" || from === "any" || from === "transform" ? inner("out") : inner("in");
    }
    case "intersection":
      return { ...(inner("left") as object), ...(inner("right") as object) };
    case "null":
      return null;
    case "undefined":
    case "void":
      return undefined;
    default:
      return pick(random, ["x", 1, true, null]);
  }
}

// --- ways to make a valid-shaped value hostile ---

type Path = (string | number)[];

/** Every place in a value (the root is []), with what is there. */
function places(value: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []) {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((item, index) => places(item, [...path, index], out));
  else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) places(item, [...path, key], out);
  }
  return out;
}

function replaceAt(root: unknown, path: Path, replacement: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replacement(root);
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...(root as unknown[])] : { ...(root as object) }) as Record<string | number, unknown>;
  copy[head!] = replaceAt(copy[head!], rest, replacement);
  return copy;
}

function deep(random: Random, levels: number): unknown {
  let value: unknown = "leaf";
  const asArray = random() < 0.5;
  for (let level = 0; level < levels; level++) value = asArray ? [value] : { type: "bulletList", content: [value] };
  return value;
}

const STRATEGIES = {
  valid: (value: unknown) => value,
  controlCharacters: (value: unknown, random: Random) => {
    // Every string position, each with its own character; an input without strings gets one at a random place.
    let out = value;
    const strings = places(value).filter((place) => typeof place.value === "string");
    for (const place of strings) {
      out = replaceAt(out, place.path, (old) => {
        const s = old as string;
        const at = between(random, 0, s.length);
        return s.slice(0, at) + pick(random, ILLEGAL_CHARACTERS) + s.slice(at);
      });
    }
    if (strings.length === 0) out = replaceAt(out, pick(random, places(value)).path, () => `x${pick(random, ILLEGAL_CHARACTERS)}`);
    return out;
  },
  oversizedString: (value: unknown, random: Random) =>
    replaceAt(value, pick(random, places(value)).path, () => pick(random, ["字", "a", "\u0000"]).repeat(pick(random, [5_000, 60_000, 300_000]))),
  oversizedArray: (value: unknown, random: Random) =>
    replaceAt(value, pick(random, places(value)).path, (old) => Array.from({ length: pick(random, [1_000, 20_000]) }, () => old ?? 0)),
  deepNesting: (value: unknown, random: Random) => replaceAt(value, pick(random, places(value)).path, () => deep(random, pick(random, [40, 70, 500]))),
  wrongType: (value: unknown, random: Random) =>
    replaceAt(value, pick(random, places(value)).path, () => pick(random, [123, -1, true, false, null, "text", [], {}, [1, "a"], { a: 1 }])),
  missingKey: (value: unknown, random: Random) => {
    const objects = places(value).filter((place) => place.value !== null && typeof place.value === "object" && !Array.isArray(place.value));
    if (objects.length === 0) return undefined;
    const place = pick(random, objects);
    return replaceAt(value, place.path, (old) => {
      const copy = { ...(old as Record<string, unknown>) };
      const keys = Object.keys(copy);
      if (keys.length > 0) delete copy[pick(random, keys)];
      return copy;
    });
  },
  extraKey: (value: unknown, random: Random) => {
    const objects = places(value).filter((place) => place.value !== null && typeof place.value === "object" && !Array.isArray(place.value));
    const path = objects.length > 0 ? pick(random, objects).path : [];
    return replaceAt(value, path, (old) => {
      const copy = { ...(old !== null && typeof old === "object" ? old : {}) } as Record<string, unknown>;
      Object.defineProperty(copy, pick(random, ["extra", "__proto__", "constructor", "toString", "countyId", "k\u0000"]), {
        value: pick(random, [1, "x", { polluted: true }]),
        enumerable: true,
      });
      return copy;
    });
  },
  hugeNumber: (value: unknown, random: Random) => {
    const numbers = places(value).filter((place) => typeof place.value === "number");
    const path = numbers.length > 0 && random() < 0.7 ? pick(random, numbers).path : pick(random, places(value)).path;
    return replaceAt(value, path, () => (random() < 0.5 ? pick(random, HUGE_NUMBERS) : pick(random, NUMBER_LIKE)));
  },
  wholeInputWrong: (_value: unknown, random: Random) => pick(random, ["just text", 42, [1, 2, 3], null, true, "\u0000"]),
} satisfies Record<string, (value: unknown, random: Random) => unknown>;
type Strategy = keyof typeof STRATEGIES;
const STRATEGY_NAMES = Object.keys(STRATEGIES) as Strategy[];

// --- a client that sees raw bodies ---

/** superjson's envelope; a raw one where superjson refuses to write the value (keys like __proto__). */
function envelopeOf(input: unknown): unknown {
  try {
    return superjson.serialize(input);
  } catch {
    return { json: input };
  }
}

interface Answer {
  status: number;
  bytes: number;
  /** One per call: the HTTP status the call reports (a batch answers 207 with one status each). */
  statuses: number[];
  codes: string[];
}

class FuzzClient {
  private cookie: string | undefined;
  constructor(private readonly baseUrl: string) {}

  async login(username: string) {
    const response = await this.post("/trpc/auth.login", JSON.stringify(superjson.serialize({ username, password: DEMO_PASSWORD })));
    expect(response.status, `login as ${username}`).toBe(200);
    return this;
  }

  setCookieFrom(response: Response) {
    const pair = response.headers.getSetCookie().find((value) => value.startsWith("dtpilot_session="))?.split(";")[0];
    if (pair && pair !== "dtpilot_session=") this.cookie = pair;
  }

  private async post(pathAndQuery: string, body: string) {
    const response = await fetch(`${this.baseUrl}${pathAndQuery}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: WEB_ORIGIN, ...(this.cookie ? { cookie: this.cookie } : {}) },
      body,
    });
    this.setCookieFrom(response);
    return response;
  }

  /** One call, or a batch when several inputs are given (sent as raw JSON envelopes, as any client may). */
  async call(procedure: Procedure, inputs: unknown[]): Promise<Answer> {
    const batched = inputs.length > 1;
    const paths = inputs.map(() => procedure.path).join(",");
    const envelopes = inputs.map((input) => (input === undefined ? {} : batched ? { json: input } : envelopeOf(input)));
    const payload = batched ? JSON.stringify(Object.fromEntries(envelopes.map((envelope, index) => [index, envelope]))) : JSON.stringify(envelopes[0]);
    const url = `/trpc/${paths}${batched ? "?batch=1" : ""}`;
    const response =
      procedure.type === "mutation"
        ? await fetch(`${this.baseUrl}${url}`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: WEB_ORIGIN, ...(this.cookie ? { cookie: this.cookie } : {}) },
            body: payload,
          })
        : await fetch(`${this.baseUrl}${url}${batched ? "&" : "?"}input=${encodeURIComponent(payload)}`, {
            headers: { origin: WEB_ORIGIN, ...(this.cookie ? { cookie: this.cookie } : {}) },
          });
    const body = Buffer.from(await response.arrayBuffer());
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      // a limit answered by Fastify or Node before tRPC (413, 431) may not be JSON
    }
    const items = (Array.isArray(parsed) ? parsed : [parsed]) as { error?: { json?: { data?: { httpStatus?: number; code?: string } } } }[];
    return {
      status: response.status,
      bytes: body.length,
      statuses: items.map((item) => item?.error?.json?.data?.httpStatus ?? response.status),
      codes: items.map((item) => item?.error?.json?.data?.code ?? "OK"),
    };
  }
}

// --- the run ---

let api: RunningApi;
let world: PilotWorld;
const user = (account: WorldAccount) => world.users[account].username;
let owner: pg.Client;
let startedAt: Date;
const clients = new Map<Actor, FuzzClient>();

beforeAll(async () => {
  console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  // Lock-out counters would turn the fuzzed logins into 429s for the rest of the run: set out of reach here.
  world = await buildWorld();
  api = await startApi({ lockout: { maxFailuresPerAccount: 1_000_000, maxFailuresPerIp: 1_000_000, windowSeconds: 60, lockSeconds: 60, accountDelaySeconds: 1 } });
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  startedAt = (await owner.query<{ now: Date }>("select now()")).rows[0]!.now;
  const ids = async (sql: string) => (await owner.query<{ id: string }>(sql)).rows.map((row) => row.id);
  // This file's world: its three pilot counties and one that pilots nowhere, its roster and its providers.
  const enterprises = Object.values(world.enterprises).flat();
  KNOWN_IDS.countyId = [...Object.values(world.counties).map((county) => county.code), "320102"];
  KNOWN_IDS.pilotEnterpriseId = enterprises.slice(0, 6).map((enterprise) => enterprise.pilotEnterpriseId);
  KNOWN_IDS.enterpriseId = enterprises.slice(0, 6).map((enterprise) => enterprise.id);
  KNOWN_IDS.providerId = Object.values(world.providers).map((provider) => provider.id);
  KNOWN_IDS.planId = await ids(`select id from "ImplementationPlan" order by id limit 4`);
  KNOWN_IDS.exportId = await ids(`select id from "ExportFile" order by id limit 4`);
  KNOWN_IDS.requestId = await ids(`select id from "RosterChangeRequest" order by id limit 4`);
  for (const actor of ACTORS) clients.set(actor, actor ? await new FuzzClient(api.url).login(user(actor)) : new FuzzClient(api.url));
});

afterAll(async () => {
  // What successful mutations left behind: exports requested and plans started during the run.
  await owner.query(`delete from "ExportFile" where "createdAt" >= $1`, [startedAt]);
  const { rows } = await owner.query<{ countyId: string }>(`select distinct "countyId" from "ImplementationPlan" where "createdAt" >= $1`, [startedAt]);
  if (rows.length > 0) await deletePlansOf(rows.map((row) => row.countyId));
  await owner.end();
  await api.close();
});

const findings: string[] = [];
/** How the calls were answered, per status: printed at the end, to see the fuzzing reach past validation. */
const tally = new Map<number, number>();

describe.each(PROCEDURES)("fuzzing $path", (procedure) => {
  it("never answers 500, an unexpected status or an oversized body", { timeout: 60_000 }, async () => {
    // One generator per procedure, so a case is reproducible on its own whatever else changes.
    const random = seeded(SEED ^ [...procedure.path].reduce((hash, char) => Math.imul(hash, 31) + char.charCodeAt(0), 7));
    const actors: readonly Actor[] = ANONYMOUS_ONLY.has(procedure.path) ? [null] : ACTORS;
    for (const actor of actors) {
      const client = clients.get(actor)!;
      const cases = Array.from({ length: CASES_PER_PROCEDURE_AND_ACTOR }, (_, index) => {
        // Every strategy for every actor; alone for one actor, in the batch for the next.
        const strategy = STRATEGY_NAMES[(index + actors.indexOf(actor) * (CASES_PER_PROCEDURE_AND_ACTOR / 2)) % STRATEGY_NAMES.length]!;
        useKnownIds = procedure.type === "query";
        const valid = procedure.input ? sample(procedure.input, random) : undefined;
        return { strategy, input: STRATEGIES[strategy](valid, random) };
      });
      // Half alone, half in one batch.
      const alone = cases.slice(0, cases.length / 2);
      const batch = cases.slice(cases.length / 2);
      const answers = [
        ...(await Promise.all(alone.map(async (one) => ({ what: one.strategy, answer: await client.call(procedure, [one.input]) })))),
        { what: `batch of ${batch.map((one) => one.strategy).join("+")}`, answer: await client.call(procedure, batch.map((one) => one.input)) },
      ];
      for (const { what, answer } of answers) {
        for (const status of answer.statuses) tally.set(status, (tally.get(status) ?? 0) + 1);
        const label = `${procedure.path} as ${actor ?? "anonymous"}, ${what}: HTTP ${answer.status} [${answer.statuses.join(",")}] ${answer.codes.join(",")}`;
        if (!ALLOWED_STATUSES.has(answer.status) || answer.statuses.some((status) => !ALLOWED_STATUSES.has(status)) || answer.bytes > MAX_BODY_BYTES) {
          findings.push(`${label} ${answer.bytes} bytes`);
        }
        expect(ALLOWED_STATUSES.has(answer.status), label).toBe(true);
        expect(answer.statuses.filter((status) => !ALLOWED_STATUSES.has(status)), label).toEqual([]);
        expect(answer.codes, label).not.toContain("INTERNAL_SERVER_ERROR");
        expect(answer.bytes, label).toBeLessThanOrEqual(MAX_BODY_BYTES);
      }
    }
  });
});

it("covers every procedure of the router", () => {
  expect(PROCEDURES.length).toBe(Object.keys(appRouter._def.procedures).length);
  expect(PROCEDURES.length).toBeGreaterThan(30);
});

it("leaves the API healthy after the fuzzing", async () => {
  console.log(`fuzz answers by status (seed ${SEED}): ${JSON.stringify(Object.fromEntries([...tally].sort(([a], [b]) => a - b)))}`);
  if (findings.length > 0) console.log(`fuzz findings (seed ${SEED}):\n${findings.join("\n")}`);
  const response = await fetch(`${api.url}/health`);
  expect(response.status).toBe(200);
});

it("leaves an audit log that its readers can still read: every record the fuzzing wrote, page by page", async () => {
  const listAudit = PROCEDURES.find((procedure) => procedure.path === "audit.listAuditRecords")!;
  for (const actor of ["province", "city-south", "county-south"] as const) {
    for (let page = 1; page <= 60; page++) {
      const answer = await clients.get(actor)!.call(listAudit, [{ from: startedAt, page, pageSize: 50 }]);
      expect(answer.codes, `${actor}, page ${page}`).toEqual(["OK"]);
      expect(answer.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
      if (answer.bytes < 200) break;
    }
  }
});

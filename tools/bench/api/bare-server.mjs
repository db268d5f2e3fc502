/**
 * The API bench's bare baseline: a plain Fastify server with a `pg` pool, as the app role, that replays the SQL the
 * API issued for a procedure — the same statements, in the same order, with the same parameters, over the same number
 * of connections (the transaction with its RLS `set_config` and grant check included) — and answers with the rows as
 * JSON. No session, no tRPC, no zod, no CASL, no Prisma: what is left of a request when only its SQL remains.
 *
 *   GET /replay/:caseId   one replay of the case's captured statements
 *   GET /health           200 once the replay file is loaded and PostgreSQL answers
 *
 * Env: BARE_REPLAY_FILE (written by main.ts), BARE_DATABASE_URL (the app role's URL), BARE_POOL (10, as the API's
 * Prisma pool), BARE_PORT. Started, stopped and driven by main.ts; never at the same time as load on the API.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import Fastify from "fastify";
import pg from "pg";

const replay = JSON.parse(readFileSync(process.env.BARE_REPLAY_FILE, "utf8"));
const url = new URL(process.env.BARE_DATABASE_URL);
const pool = new pg.Pool({
  host: decodeURIComponent(url.hostname),
  port: Number(url.port || 5432),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password),
  database: decodeURIComponent(url.pathname.replace(/^\//, "")),
  max: Number(process.env.BARE_POOL ?? 10),
});
pool.on("error", (error) => console.error(`[bare] idle client error: ${error.message}`));

function decode(value) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decode);
  if ("$bytes" in value) return Buffer.from(value.$bytes, "base64");
  if ("$bigint" in value) return BigInt(value.$bigint);
  if ("$date" in value) return new Date(value.$date);
  return value;
}

/** Values a replay must not repeat (ids the API generated per request): each replay gets new ones, used consistently. */
function freshen(values, fresh) {
  if (fresh.length === 0) return values;
  const swap = (value) => {
    if (typeof value === "string") {
      let out = value;
      for (const [from, to] of fresh) if (out.includes(from)) out = out.split(from).join(to);
      return out;
    }
    if (Array.isArray(value)) return value.map(swap);
    if (value !== null && typeof value === "object" && !Buffer.isBuffer(value)) return JSON.parse(swap(JSON.stringify(value)));
    return value;
  };
  return values.map(swap);
}

const cases = new Map(
  Object.entries(replay.cases).map(([id, entry]) => [
    id,
    {
      fresh: entry.freshValues ?? [],
      groups: entry.groups.map((group) => group.map((statement) => ({ text: statement.text, values: decode(statement.values), rowMode: statement.rowMode }))),
    },
  ]),
);

async function runGroup(group, fresh) {
  const client = await pool.connect();
  const rows = [];
  try {
    for (const statement of group) {
      const result = await client.query({ text: statement.text, values: freshen(statement.values, fresh), ...(statement.rowMode ? { rowMode: statement.rowMode } : {}) });
      if (result.rows?.length) rows.push(result.rows);
    }
    client.release();
  } catch (error) {
    await client.query("ROLLBACK").then(
      () => client.release(),
      (rollbackError) => client.release(rollbackError),
    );
    throw error;
  }
  return rows;
}

const app = Fastify({ logger: false });
app.get("/health", async () => {
  await pool.query("select 1");
  return { status: "ok", cases: cases.size };
});
app.get("/replay/:caseId", async (request, reply) => {
  const entry = cases.get(request.params.caseId);
  if (!entry) return reply.code(404).send({ error: "no such case" });
  const fresh = entry.fresh.map((value) => [value, randomUUID()]);
  const results = [];
  for (const group of entry.groups) results.push(await runGroup(group, fresh));
  return results;
});
app.setErrorHandler((error, _request, reply) => {
  console.error(`[bare] ${error.message}`);
  reply.code(500).send({ error: error.message });
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  });
}
await app.listen({ host: "127.0.0.1", port: Number(process.env.BARE_PORT ?? 0) });
console.log(`[bare] listening on ${app.server.address().port}`);

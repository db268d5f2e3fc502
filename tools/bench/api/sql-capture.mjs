/**
 * Preload for the bench's capture pass only (`node --import …/sql-capture.mjs --import tsx src/main.ts`): records every
 * statement the process sends to PostgreSQL through `pg` — its text, its parameters as sent, the connection it went
 * over, when it was sent and its round-trip time — as one JSON line each in the file named by BENCH_SQL_CAPTURE_FILE. Nothing in the
 * API knows about it: it wraps `pg.Client.prototype.query`, the one call every pool and the Prisma adapter go through
 * (the way APM agents instrument pg). The measured API runs without it.
 */
import { appendFileSync } from "node:fs";
import pg from "pg";

const file = process.env.BENCH_SQL_CAPTURE_FILE;
if (!file) throw new Error("sql-capture.mjs needs BENCH_SQL_CAPTURE_FILE");

/** Parameters as JSON: Buffers (bytea) and bigints tagged so the bare server sends the same values back. */
function encode(value) {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return { $bytes: value.toString("base64") };
  if (ArrayBuffer.isView(value)) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  if (typeof value === "bigint") return { $bigint: value.toString() };
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encode);
  return value;
}

const connections = new WeakMap();
let nextConnection = 0;
let nextStatement = 0;
const query = pg.Client.prototype.query;

pg.Client.prototype.query = function capturedQuery(config, values, callback) {
  // A submittable (pg.Query, cursors) carries its own callbacks: not used by the API; passed through unrecorded.
  if (config == null || typeof config.submit === "function") return query.apply(this, arguments);
  let connection = connections.get(this);
  if (connection === undefined) connections.set(this, (connection = ++nextConnection));
  const seq = ++nextStatement;
  const text = typeof config === "string" ? config : config.text;
  const params = Array.isArray(values) ? values : typeof config === "object" ? config.values : undefined;
  const rowMode = typeof config === "object" ? config.rowMode : undefined;
  const started = process.hrtime.bigint();
  const record = (error, result) =>
    appendFileSync(
      file,
      `${JSON.stringify({
        seq,
        connection,
        at: Number(started) / 1e6,
        text,
        values: params === undefined ? [] : encode(params),
        ...(rowMode ? { rowMode } : {}),
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        rows: result?.rowCount ?? null,
        ...(error ? { error: String(error.message ?? error) } : {}),
      })}\n`,
    );
  const done = typeof values === "function" ? values : callback;
  if (typeof done === "function") {
    const wrapped = (error, result) => {
      record(error, result);
      return done(error, result);
    };
    return typeof values === "function" ? query.call(this, config, wrapped) : query.call(this, config, values, wrapped);
  }
  const result = query.call(this, config, values);
  return result.then(
    (value) => (record(null, value), value),
    (error) => {
      record(error);
      throw error;
    },
  );
};

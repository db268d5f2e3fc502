/**
 * Load and its statistics: one HTTP target driven by autocannon with N connections, for D seconds (or a fixed number
 * of requests), latencies taken per response on the client and percentiles computed here from every 2xx response;
 * requests/s is 2xx responses over the time from the start to the last answer.
 * The API and its bare baseline are driven by this same code, so they are measured alike.
 */
import autocannon, { type Options, type Result } from "autocannon";

export interface HttpTarget {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

export interface LoadPlan {
  connections: number;
  /** Seconds of measured load (ignored when `amount` is set). */
  durationSeconds: number;
  /** Seconds of unmeasured load before it (for `amount`: that many requests per connection, at most 2). */
  warmupSeconds: number;
  /** A fixed number of measured requests instead of a duration (mutations, so their rows stay bounded). */
  amount?: number;
}

export interface LoadResult {
  connections: number;
  /** Requests of the unmeasured warm-up before (they reach the server too: count them when dividing a CPU profile). */
  warmupRequests: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  elapsedSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null; max: number | null; mean: number | null };
}

function run(options: Options, onResponse?: (statusCode: number, responseTime: number) => void): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onResponse) instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => onResponse(statusCode, responseTime));
  });
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

export function summarize(latencies: number[], elapsedMs: number, counts: Omit<LoadResult, "requests" | "elapsedSeconds" | "requestsPerSecond" | "latencyMs">): LoadResult {
  const sorted = Float64Array.from(latencies).sort();
  return {
    ...counts,
    requests: sorted.length,
    elapsedSeconds: round(elapsedMs / 1000)!,
    requestsPerSecond: round(sorted.length / (elapsedMs / 1000))!,
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.length ? sorted[sorted.length - 1]! : null),
      mean: round(sorted.length ? sorted.reduce((sum, value) => sum + value, 0) / sorted.length : null),
    },
  };
}

export async function drive(target: HttpTarget, plan: LoadPlan): Promise<LoadResult> {
  const base: Options = {
    url: target.url,
    method: target.method,
    headers: target.headers,
    connections: plan.connections,
    timeout: 30,
    ...(target.body === undefined ? {} : { body: target.body }),
  };
  let warmupRequests = 0;
  if (plan.warmupSeconds > 0) {
    const warmup = await run(plan.amount !== undefined ? { ...base, amount: plan.connections * Math.min(2, plan.warmupSeconds) } : { ...base, duration: plan.warmupSeconds });
    warmupRequests = warmup.requests.total;
  }
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  // Up to the last answer: autocannon itself returns only at its next one-second tick, which would dilute a run of
  // a fixed number of requests.
  let lastAnswer = started;
  const result = await run(plan.amount !== undefined ? { ...base, amount: plan.amount } : { ...base, duration: plan.durationSeconds }, (statusCode, responseTime) => {
    lastAnswer = process.hrtime.bigint();
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const elapsedMs = Number((lastAnswer > started ? lastAnswer : process.hrtime.bigint()) - started) / 1e6;
  return summarize(latencies, elapsedMs, {
    connections: plan.connections,
    warmupRequests,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count])),
  });
}

/**
 * Where the CPU goes: a summary of a V8 CPU profile (`npm run bench:api -- --cpu-prof DIR` writes api.cpuprofile and
 * bare.cpuprofile, for the measured API and the bare server, when they stop).
 *
 *   npx tsx tools/bench/api/profile-summary.ts DIR/api.cpuprofile [--requests N] [--skip-seconds S] [--top 25]
 *
 * Prints, for the busy (non-idle) time: self time by package (node_modules package, workspace lib, the API app, Node's
 * built-ins, wasm, GC), time with each package anywhere on the stack (inclusive: what a package costs with everything
 * it calls), and the functions with the most self time. With --requests (the API requests served while profiling,
 * from the results JSON), per-request milliseconds too; --skip-seconds leaves out the start-up (the results JSON has it as
 * config.measuredApiReadyAfterSeconds).
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The package a frame belongs to. */
export function packageOf(frame: ProfileNode["callFrame"]): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === "(garbage collector)") return "(GC)";
    if (functionName === "(idle)") return "(idle)";
    if (functionName === "(program)") return "(program: V8/native)";
    return functionName || "(native)";
  }
  if (url.startsWith("wasm://")) return "wasm (Prisma query compiler)";
  if (url.startsWith("node:")) return "node built-ins";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const [first, second] = url.slice(modules + "/node_modules/".length).split("/");
    return first?.startsWith("@") ? `${first}/${second}` : first!;
  }
  if (url.includes("/generated/prisma/")) return "prisma generated client";
  const lib = /\/libs\/([^/]+\/[^/]+)\//.exec(url);
  if (lib) return `libs/${lib[1]}`;
  if (url.includes("/apps/api/")) return "apps/api";
  return url.replace(/^file:\/\//, "");
}

/** `skipMs`: leave out the profile's first milliseconds (the process starting: module loading, TypeScript transforms). */
export function summarizeProfile(profile: Profile, skipMs = 0) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, number>();
  let idle = 0;
  let total = 0;
  let elapsed = 0;
  profile.samples.forEach((id, index) => {
    const delta = (profile.timeDeltas[index] ?? 0) / 1000;
    elapsed += delta;
    if (elapsed < skipMs) return;
    total += delta;
    const node = byId.get(id)!;
    const leaf = packageOf(node.callFrame);
    if (leaf === "(idle)") {
      idle += delta;
      return;
    }
    self.set(leaf, (self.get(leaf) ?? 0) + delta);
    const name = `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.replace(/^.*\/(node_modules|libs|apps)\//, "$1/")}:${node.callFrame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + delta);
    const onStack = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const frame = byId.get(current)!.callFrame;
      if (frame.functionName !== "(root)") onStack.add(packageOf(frame));
    }
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
  });
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return { totalMs: total, idleMs: idle, busyMs: total - idle, self: sorted(self), inclusive: sorted(inclusive), functions: sorted(functions) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { requests: { type: "string" }, top: { type: "string", default: "25" }, "skip-seconds": { type: "string", default: "0" } } });
  if (positionals.length !== 1) throw new Error("usage: profile-summary.ts FILE.cpuprofile [--requests N] [--skip-seconds S] [--top 25]");
  const summary = summarizeProfile(JSON.parse(await readFile(positionals[0]!, "utf8")) as Profile, Number(values["skip-seconds"]) * 1000);
  const requests = values.requests ? Number(values.requests) : undefined;
  const top = Number(values.top);
  const line = (name: string, ms: number) =>
    `  ${name.padEnd(60)} ${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / summary.busyMs).toFixed(1).padStart(5)} %${requests ? `  ${(ms / requests).toFixed(3).padStart(7)} ms/req` : ""}`;
  console.log(`profiled ${(summary.totalMs / 1000).toFixed(1)} s: busy ${(summary.busyMs / 1000).toFixed(1)} s, idle ${(summary.idleMs / 1000).toFixed(1)} s${requests ? `; ${requests} requests: ${(summary.busyMs / requests).toFixed(3)} ms CPU each` : ""}`);
  console.log("\nself time by package (% of busy time):");
  for (const [name, ms] of summary.self.slice(0, top)) console.log(line(name, ms));
  console.log("\ninclusive (the package anywhere on the stack):");
  for (const [name, ms] of summary.inclusive.slice(0, top)) console.log(line(name, ms));
  console.log("\nfunctions by self time:");
  for (const [name, ms] of summary.functions.slice(0, top)) console.log(line(name.slice(0, 60), ms));
}

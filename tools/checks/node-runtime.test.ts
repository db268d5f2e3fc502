// The project runs on node_modules' Node 24 whatever Node starts it: `.ci/run` starts its first step with the
// system's Node, and `npm start`/`npm test` do on a fresh clone (before node_modules/.bin/node exists).
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const localNode = realpathSync(join(repoRoot, "node_modules", ".bin", "node"));
const localVersion = spawnSync(localNode, ["--version"], { encoding: "utf8" }).stdout.trim();

/** PATH as a shell outside npm has it: without any node_modules/.bin. */
const plainPath = (process.env.PATH ?? "")
  .split(delimiter)
  .filter((dir) => dir && !dir.includes(`node_modules${"/"}.bin`))
  .join(delimiter);

/** The machine's own Node (found on that PATH), when it is another binary than node_modules' one. */
function findSystemNode(): { path: string; version: string } | undefined {
  for (const dir of plainPath.split(delimiter)) {
    const candidate = join(dir, "node");
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    if (realpathSync(candidate) === localNode) continue;
    return { path: candidate, version: spawnSync(candidate, ["--version"], { encoding: "utf8" }).stdout.trim() };
  }
  return undefined;
}

const systemNode = findSystemNode();
const major = (version: string) => Number(/^v(\d+)\./.exec(version)?.[1]);
const plainEnv = () => {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: plainPath };
  delete env.DTPILOT_NODE_REEXEC;
  return env;
};

const probeDir = mkdtempSync(join(tmpdir(), "dtpilot-node-runtime-"));
const probe = join(probeDir, "probe.mjs");
writeFileSync(
  probe,
  `import { spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { ensureNodeRuntime } from ${JSON.stringify(pathToFileURL(join(repoRoot, "tools", "lib", "runtime.mjs")).href)};
await ensureNodeRuntime({ install: false });
const childNode = spawnSync("node", ["--version"], { encoding: "utf8" }).stdout.trim();
console.log("PROBE " + JSON.stringify({ version: process.version, execPath: realpathSync(process.execPath), childNode, args: process.argv.slice(2) }));
process.exit(Number(process.argv[2]));
`,
);
afterAll(() => rmSync(probeDir, { recursive: true, force: true }));

describe.skipIf(!systemNode)(`started on the system's Node (${systemNode?.path} ${systemNode?.version})`, () => {
  it(".ci/run's first step (the service check) prints the system's Node, then runs on node_modules' Node 24", () => {
    const result = spawnSync(systemNode!.path, ["tools/lib/services.mjs"], { cwd: repoRoot, env: plainEnv(), encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(new RegExp(`^Node ${systemNode!.version.replaceAll(".", "\\.")} \\(npm \\d+\\.\\d+\\.\\d+\\)$`));
    const npm = /\(npm (\S+)\)$/.exec(lines[0]!)?.[1];
    expect(lines).toContain(`Node ${localVersion} (npm ${npm})`);
    expect(lines).toContain("PostgreSQL and Redis are up.");
    expect(major(localVersion)).toBeGreaterThanOrEqual(24);
  });

  it("a script runs itself again on node_modules' Node with its arguments, puts that Node first on PATH and passes its exit code on", () => {
    const result = spawnSync(systemNode!.path, [probe, "7", "--some-flag"], { cwd: repoRoot, env: plainEnv(), encoding: "utf8" });
    expect(result.status).toBe(7);
    const report = JSON.parse(/^PROBE (.*)$/m.exec(result.stdout)?.[1] ?? "null") as {
      version: string;
      execPath: string;
      childNode: string;
      args: string[];
    };
    expect(report).toEqual({ version: localVersion, execPath: localNode, childNode: localVersion, args: ["7", "--some-flag"] });
  });

  it.skipIf(major(systemNode?.version ?? "v0") >= 24)("refuses clearly to run on the older Node when node_modules' Node cannot take over", () => {
    const result = spawnSync(systemNode!.path, [probe, "0"], {
      cwd: repoRoot,
      env: { ...plainEnv(), DTPILOT_NODE_REEXEC: "1" }, // as if node_modules' Node had already been tried
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain("PROBE");
    expect(result.stderr).toContain(`✗ dtpilot runs on Node 24 or later; this is Node ${systemNode!.version}`);
  });
});

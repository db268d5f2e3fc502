/**
 * tools/serve/serve-static.mjs, the production server of the five web apps: every page and remote entry it serves carries
 * the anti-framing headers, and the API behind it learns whether the browser came over HTTPS. Started as
 * `npm run serve` runs it, on a free port, against a temporary dist folder and a stand-in API.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SERVE = fileURLToPath(new URL("../serve/serve-static.mjs", import.meta.url));
const dist = mkdtempSync(join(tmpdir(), "dtpilot-serve-"));
const started: ChildProcess[] = [];
let api: http.Server;
const apiSaw: http.IncomingHttpHeaders[] = [];

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function serve(app: string, env: Record<string, string> = {}): Promise<string> {
  const port = await freePort();
  const apiPort = (api.address() as AddressInfo).port;
  const child = spawn(process.execPath, [SERVE, "--app", app, "--port", String(port), "--dir", dist], {
    env: { ...process.env, API_URL: `http://127.0.0.1:${apiPort}`, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  started.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("serving") && resolve());
    child.once("exit", (code) => reject(new Error(`serve-static.mjs exited with ${code}`)));
  });
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>shell</title>");
  writeFileSync(join(dist, "login.html"), "<!doctype html><title>login</title>");
  writeFileSync(join(dist, "remoteEntry.js"), "export const get = () => {};");
  writeFileSync(join(dist, "assets", "app-abc123.js"), "console.log(1);");
  api = http.createServer((request, response) => {
    apiSaw.push(request.headers);
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  for (const child of started) child.kill("SIGTERM");
  await new Promise((resolve) => api.close(resolve));
  rmSync(dist, { recursive: true, force: true });
});

function expectUnframeable(response: Response, what: string) {
  expect(response.headers.get("x-frame-options"), what).toBe("DENY");
  expect(response.headers.get("content-security-policy"), what).toBe("frame-ancestors 'none'");
  expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), what).toBe("same-origin");
}

describe("the web apps' production server", () => {
  it("forbids framing the shell's pages (the SPA fallback and the login page included), its assets and its 404s", async () => {
    const shell = await serve("shell");
    for (const path of ["/", "/county/roster", "/login", "/assets/app-abc123.js", "/assets/missing.js"]) {
      const response = await fetch(`${shell}${path}`);
      expectUnframeable(response, path);
    }
  });

  it("forbids framing a remote's entry and answers its preflight with the same headers", async () => {
    const county = await serve("county");
    const entry = await fetch(`${county}/remoteEntry.js`, { headers: { origin: "http://localhost:4200" } });
    expect(entry.status).toBe(200);
    expect(entry.headers.get("access-control-allow-origin")).toBe("*");
    expectUnframeable(entry, "remoteEntry.js");
    expectUnframeable(await fetch(`${county}/remoteEntry.js`, { method: "OPTIONS" }), "OPTIONS");
  });

  it("tells the API how the browser came, believing a claimed HTTPS only from a trusted proxy in front", async () => {
    const shell = await serve("shell");
    await fetch(`${shell}/health`);
    // A browser (not a trusted proxy) claiming HTTPS over plain HTTP is not believed.
    await fetch(`${shell}/health`, { headers: { "x-forwarded-proto": "https" } });
    expect(apiSaw.slice(-2).map((headers) => headers["x-forwarded-proto"])).toEqual(["http", "http"]);
    // A TLS terminator listed in SHELL_TRUSTED_PROXIES is.
    const behindProxy = await serve("shell", { SHELL_TRUSTED_PROXIES: "127.0.0.1" });
    await fetch(`${behindProxy}/health`, { headers: { "x-forwarded-proto": "https" } });
    expect(apiSaw.at(-1)?.["x-forwarded-proto"]).toBe("https");
  });
});

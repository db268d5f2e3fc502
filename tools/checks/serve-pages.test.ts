/**
 * tools/serve/serve-static.mjs decides who is signed in before any script loads, and compresses what it sends:
 * a signed-out visitor is redirected to the login page (so the signed-in app and its shared libraries never load for
 * them), hashed assets go out brotli- or gzip-encoded with their year-long caching, and the API's own encoded answers
 * pass through the proxy untouched. Started as `npm run serve` runs it, on a free port, against a temporary dist
 * folder and a stand-in API.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SERVE = fileURLToPath(new URL("../serve/serve-static.mjs", import.meta.url));
const dist = mkdtempSync(join(tmpdir(), "dtpilot-serve-pages-"));
const started: ChildProcess[] = [];
let api: http.Server;
const ASSET = `console.log(${JSON.stringify("共享的代码 shared code ".repeat(400))});\n`;
const API_ANSWER = JSON.stringify({ result: { data: { json: { rows: Array.from({ length: 200 }, (_, i) => ({ id: i, name: "江阴市" })) } } } });

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function serve(app: string, apiUrl: string): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVE, "--app", app, "--port", String(port), "--dir", dist], {
    env: { ...process.env, API_URL: apiUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  started.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("serving") && resolve());
    child.once("exit", (code) => reject(new Error(`serve-static.mjs exited with ${code}`)));
  });
  return `http://127.0.0.1:${port}`;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  wire: Buffer;
}

/** A GET over node:http: no redirect followed, no body decoded. */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, wire: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

let shell: string;
let shellWithoutApi: string;
let quickBrotliBytes = 0;

beforeAll(async () => {
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>shell</title>");
  writeFileSync(join(dist, "login.html"), "<!doctype html><title>login</title>");
  writeFileSync(join(dist, "assets", "shared-abc123.js"), ASSET);
  writeFileSync(join(dist, "assets", "tiny-abc123.js"), "export {};\n");
  // The stand-in API: the session "alive" is signed in, any other is unknown; /trpc/list answers gzip-encoded.
  api = http.createServer((request, response) => {
    if (request.url === "/trpc/auth.me") {
      const alive = /dtpilot_session=alive\b/.test(request.headers.cookie ?? "");
      response.writeHead(alive ? 200 : 401, { "content-type": "application/json" }).end(alive ? '{"result":{}}' : '{"error":{}}');
      return;
    }
    const body = zlib.gzipSync(API_ANSWER);
    response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": body.length, vary: "Accept-Encoding" });
    response.end(body);
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  shell = await serve("shell", `http://127.0.0.1:${(api.address() as AddressInfo).port}`);
  shellWithoutApi = await serve("shell", `http://127.0.0.1:${await freePort()}`);
});

afterAll(async () => {
  for (const child of started) child.kill("SIGTERM");
  await new Promise((resolve) => api.close(resolve));
  rmSync(dist, { recursive: true, force: true });
});

describe("the shell's pages for a signed-out visitor", () => {
  it("redirects a visitor without a session cookie to the login page, naming the page asked for", async () => {
    const home = await get(`${shell}/`);
    expect(home.status).toBe(302);
    expect(home.headers.location).toBe("/login");
    expect(home.headers["cache-control"]).toBe("no-store");
    expect(home.headers["x-frame-options"]).toBe("DENY");

    const deep = await get(`${shell}/county/roster?page=2`, { cookie: "other=1" });
    expect(deep.status).toBe(302);
    expect(deep.headers.location).toBe(`/login?from=${encodeURIComponent("/county/roster?page=2")}`);
  });

  it("redirects a session the API no longer knows (auth.me answers 401)", async () => {
    const page = await get(`${shell}/province`, { cookie: "dtpilot_session=expired" });
    expect(page.status).toBe(302);
    expect(page.headers.location).toBe(`/login?from=${encodeURIComponent("/province")}`);
  });

  it("serves the app to a live session, and to any session when the API cannot tell", async () => {
    const page = await get(`${shell}/county`, { cookie: "theme=dark; dtpilot_session=alive" });
    expect(page.status).toBe(200);
    expect(page.wire.toString()).toContain("<title>shell</title>");
    expect(page.headers.vary).toMatch(/Cookie/);

    const apiDown = await get(`${shellWithoutApi}/`, { cookie: "dtpilot_session=whatever" });
    expect(apiDown.status).toBe(200);
    expect(apiDown.wire.toString()).toContain("<title>shell</title>");
  });

  it("serves the login page itself to anyone", async () => {
    const login = await get(`${shell}/login`);
    expect(login.status).toBe(200);
    expect(login.wire.toString()).toContain("<title>login</title>");
  });
});

describe("compression", () => {
  it("sends a hashed asset brotli-encoded when the browser takes brotli, gzip otherwise, cached for a year either way", async () => {
    const brotli = await get(`${shell}/assets/shared-abc123.js`, { "accept-encoding": "gzip, deflate, br" });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(brotli.wire).toString()).toBe(ASSET);
    expect(brotli.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotli.headers.vary).toBe("Accept-Encoding");
    expect(Number(brotli.headers["content-length"])).toBe(brotli.wire.length);
    quickBrotliBytes = brotli.wire.length;

    const gzip = await get(`${shell}/assets/shared-abc123.js`, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.wire).toString()).toBe(ASSET);
    expect(gzip.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    const plain = await get(`${shell}/assets/shared-abc123.js`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.wire.toString()).toBe(ASSET);
  });

  it("later sends the same content compressed at brotli's best, done in the background", async () => {
    await expect
      .poll(async () => (await get(`${shell}/assets/shared-abc123.js`, { "accept-encoding": "br" })).wire.length)
      .toBeLessThan(quickBrotliBytes);
    const later = await get(`${shell}/assets/shared-abc123.js`, { "accept-encoding": "br" });
    expect(zlib.brotliDecompressSync(later.wire).toString()).toBe(ASSET);
  });

  it("sends a file under 1 KB as it is", async () => {
    const tiny = await get(`${shell}/assets/tiny-abc123.js`, { "accept-encoding": "br, gzip" });
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.wire.toString()).toBe("export {};\n");
  });

  it("passes the API's encoded answer through the proxy as it came, never compressing it again", async () => {
    const answer = await get(`${shell}/trpc/list`, { "accept-encoding": "gzip, br" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(answer.wire).toString()).toBe(API_ANSWER);
  });
});

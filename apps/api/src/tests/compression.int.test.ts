/**
 * Response compression: a large tRPC answer (the province's 95 counties) arrives brotli- or gzip-encoded, as the
 * client accepts, and decodes to the same JSON as the plain answer; a small one (under 1 KB) is sent as it is. The
 * same holds through the shell's proxy (tools/serve/serve-static.mjs, started as a process as `npm start` runs it),
 * which passes the API's encoding through and never compresses twice.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, WEB_ORIGIN, type RunningApi } from "../testing/api-harness";
import { buildWorld, type PilotWorld } from "../testing/world";

interface RawAnswer {
  status: number;
  encoding: string | undefined;
  vary: string | undefined;
  /** The body as it came over the wire. */
  wire: Buffer;
  /** The body decoded. */
  json: unknown;
}

/** A GET with an explicit Accept-Encoding over node:http, which (unlike fetch) shows the encoded bytes. */
function get(baseUrl: string, pathAndQuery: string, acceptEncoding: string, cookie?: string): Promise<RawAnswer> {
  const url = new URL(pathAndQuery, baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { headers: { "accept-encoding": acceptEncoding, origin: WEB_ORIGIN, ...(cookie ? { cookie } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const wire = Buffer.concat(chunks);
          const encoding = response.headers["content-encoding"];
          const decoded = encoding === "br" ? zlib.brotliDecompressSync(wire) : encoding === "gzip" ? zlib.gunzipSync(wire) : wire;
          resolve({ status: response.statusCode ?? 0, encoding, vary: response.headers.vary, wire, json: JSON.parse(decoded.toString("utf8")) });
        });
      },
    );
    request.on("error", reject);
  });
}

let world: PilotWorld;
let api: RunningApi;
let shell: ChildProcess | undefined;
let shellUrl: string;
let cookie: string;

/** Starts tools/serve/serve-static.mjs in front of the API, as `npm start` does. */
async function startShellProxy(apiUrl: string): Promise<string> {
  const free = http.createServer();
  await new Promise<void>((resolve) => free.listen(0, "127.0.0.1", resolve));
  const port = (free.address() as AddressInfo).port;
  await new Promise((resolve) => free.close(resolve));
  const serve = path.resolve(import.meta.dirname, "../../../../tools/serve/serve-static.mjs");
  shell = spawn(process.execPath, [serve, "--app", "shell", "--port", String(port), "--dir", mkdtempSync(path.join(tmpdir(), "shell-"))], {
    env: { ...process.env, API_URL: apiUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    shell!.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("serving") && resolve());
    shell!.once("exit", (code) => reject(new Error(`serve-static.mjs exited with ${code}`)));
  });
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  world = await buildWorld();
  api = await startApi();
  shellUrl = await startShellProxy(api.url);
  // The province's session cookie, as a browser would send it.
  const login = await fetch(`${api.url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: WEB_ORIGIN },
    body: JSON.stringify({ json: { username: world.users.province.username, password: "Demo@2025" } }),
  });
  cookie = login.headers.getSetCookie().find((value) => value.startsWith("dtpilot_session="))!.split(";")[0]!;
});

afterAll(async () => {
  shell?.kill("SIGTERM");
  await api.close();
});

const LARGE = "/trpc/geography.listCounties";
// Without a session auth.me answers 401 with a short error body.
const SMALL = "/trpc/auth.me";

describe.each([
  ["the API", () => api.url],
  ["the shell's proxy", () => shellUrl],
])("compression, asking %s", (_name, baseUrl) => {
  it("sends a large answer brotli-encoded to a client that accepts it, decoding to the plain answer", async () => {
    const plain = await get(baseUrl(), LARGE, "identity", cookie);
    expect(plain.status).toBe(200);
    expect(plain.encoding).toBeUndefined();
    expect(plain.wire.length).toBeGreaterThan(10_000);

    const brotli = await get(baseUrl(), LARGE, "gzip, deflate, br", cookie);
    expect(brotli.encoding).toBe("br");
    expect(brotli.vary).toMatch(/accept-encoding/i);
    expect(brotli.json).toEqual(plain.json);
    expect(brotli.wire.length).toBeLessThan(plain.wire.length / 4);
  });

  it("sends it gzip-encoded to a client that accepts only gzip", async () => {
    const plain = await get(baseUrl(), LARGE, "identity", cookie);
    const gzip = await get(baseUrl(), LARGE, "gzip", cookie);
    expect(gzip.encoding).toBe("gzip");
    expect(gzip.json).toEqual(plain.json);
    expect(gzip.wire.length).toBeLessThan(plain.wire.length / 4);
  });

  it("sends an answer under 1 KB as it is", async () => {
    const small = await get(baseUrl(), SMALL, "gzip, deflate, br");
    expect(small.status).toBe(401);
    expect(small.encoding).toBeUndefined();
    expect(small.wire.length).toBeLessThan(1024);
    expect(small.json).toMatchObject({ error: { json: { data: { httpStatus: 401 } } } });
  });
});

#!/usr/bin/env node
// Production server for the five web apps' builds: `node tools/serve/serve-static.mjs --app <shell|county|enterprise|provider|province>`
// (each app's `npm run serve`). Node built-ins only (and one plain module of @dtpilot/ui, its security headers).
//
// Why not `vite preview`: it serves through sirv, which lists the dist folder once at start-up, so a remote rebuilt
// while it runs keeps answering with the old file list (new hashed chunks 404). This server looks every request
// up on disk, so a rebuilt remote is live at once, without a restart.
//
// - remoteEntry.js, HTML and remotes.json: `Cache-Control: no-cache` (always revalidated, ETag/Last-Modified);
//   hashed files under /assets/: cached for a year (their names change when their content does).
// - Text files over 1 KB go out brotli-encoded (or gzip, to a browser without brotli). Each file version is
//   compressed once and kept: first quickly (brotli quality 5), then again at brotli's best (quality 11, ~15 % smaller,
//   seconds for a large chunk) in the background, one file at a time, for every later request.
// - CORS (`Access-Control-Allow-Origin: *`) on static files: the shell's page loads the remotes' modules cross-origin.
//   Nothing credentialed is served from here; the API is reached through the proxy below.
// - The shell: SPA fallback to index.html, `/login` → login.html, and `/remotes.json` from $REMOTES_MANIFEST when set
//   (a deployment points the shell at other remote URLs without rebuilding it).
// - The shell's pages decide who is signed in before any script loads: without a session cookie, or with one the API
//   no longer knows (auth.me answers 401), a page request is redirected to /login (?from= the page asked for), so a
//   signed-out visitor downloads the small login page and never the signed-in app with its shared libraries. When
//   the API cannot tell (down, slow), the page is served and the app in the browser asks again.
// - Every answer of its own (pages, remote entries, assets, 404s) carries PAGE_SECURITY_HEADERS: never framed by
//   another site (X-Frame-Options: DENY, frame-ancestors 'none'), no MIME sniffing, referrer kept to our origin.
// - /trpc, /files, /admin and /health are proxied to $API_URL (default http://127.0.0.1:4000), so the browser talks
//   to the API same-origin: the session cookie stays SameSite and no CORS is involved. The proxy tells the API the
//   client's address in X-Forwarded-For (the API trusts this hop: TRUSTED_PROXIES). What a client sends there itself
//   is dropped, unless it arrives from a proxy listed in $SHELL_TRUSTED_PROXIES (addresses, comma-separated): then
//   the peer's address is appended to that proxy's list.
import { createReadStream, existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import zlib from "node:zlib";
import { PAGE_SECURITY_HEADERS } from "@dtpilot/ui/security-headers";

const gzipAsync = promisify(zlib.gzip);
const brotliAsync = promisify(zlib.brotliCompress);

const PORTS = { shell: 4200, county: 4201, enterprise: 4202, provider: 4203, province: 4204 };
const PROXIED = ["/trpc", "/files", "/admin", "/health"];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".map"]);
const COMPRESS_MIN_BYTES = 1024;
/** The API's session cookie (apps/api/src/kernel/request-session.ts). */
const SESSION_COOKIE = "dtpilot_session";
/** How long a page waits for the API to say whether its session is alive before serving the page anyway. */
const SESSION_CHECK_TIMEOUT_MS = 3000;

const { values: args } = parseArgs({
  options: { app: { type: "string" }, port: { type: "string" }, host: { type: "string" }, dir: { type: "string" } },
});
const app = args.app ?? "shell";
if (!(app in PORTS)) {
  console.error(`serve-static.mjs: unknown app "${app}" (one of ${Object.keys(PORTS).join(", ")})`);
  process.exit(2);
}
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(args.dir ?? path.join(here, "..", "..", "apps", app, "dist"));
const port = Number(args.port ?? process.env.PORT ?? PORTS[app]);
// Loopback by default, like the API; SERVE_HOST=0.0.0.0 (or --host) to serve other machines.
const host = args.host ?? process.env.SERVE_HOST ?? "127.0.0.1";
const api = new URL(process.env.API_URL ?? "http://127.0.0.1:4000");
const remotesManifest = app === "shell" ? process.env.REMOTES_MANIFEST : undefined;
const isShell = app === "shell";
const trustedUpstream = new Set((process.env.SHELL_TRUSTED_PROXIES ?? "").split(",").map(normaliseAddress).filter(Boolean));

function normaliseAddress(address) {
  const trimmed = String(address ?? "").trim();
  return trimmed.startsWith("::ffff:") ? trimmed.slice(7) : trimmed;
}

/** The X-Forwarded-For to send upstream: the peer's address, after a trusted proxy's own list if it sent one. */
function forwardedFor(request) {
  const peer = normaliseAddress(request.socket.remoteAddress);
  const earlier = request.headers["x-forwarded-for"];
  return trustedUpstream.has(peer) && earlier ? `${earlier}, ${peer}` : peer;
}

/**
 * The X-Forwarded-Proto to send upstream: what a trusted proxy in front says (it terminated TLS), else this
 * connection's own protocol — a browser cannot make the API believe it arrived over HTTPS.
 */
function forwardedProto(request) {
  const own = request.socket.encrypted ? "https" : "http";
  const earlier = request.headers["x-forwarded-proto"];
  return trustedUpstream.has(normaliseAddress(request.socket.remoteAddress)) && typeof earlier === "string" ? earlier : own;
}

/** The file under `root` a URL path names, or null when it escapes the root. */
function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

async function statFile(file) {
  try {
    const info = await stat(file);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

function cacheControl(urlPath) {
  return urlPath.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
}

async function sendFile(request, response, file, info, urlPath, status = 200) {
  const ext = path.extname(file).toLowerCase();
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  response.setHeader("Content-Type", TYPES[ext] ?? "application/octet-stream");
  response.setHeader("Cache-Control", cacheControl(urlPath));
  response.setHeader("ETag", etag);
  response.setHeader("Last-Modified", info.mtime.toUTCString());
  response.setHeader("Access-Control-Allow-Origin", "*");
  const vary = response.getHeader("Vary");
  response.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  if (status === 200 && request.headers["if-none-match"] === etag) {
    response.writeHead(304).end();
    return;
  }
  const encoding = COMPRESSIBLE.has(ext) && info.size > COMPRESS_MIN_BYTES ? acceptedEncoding(request) : null;
  if (encoding) {
    const body = await compressedBody(file, etag, encoding);
    response.setHeader("Content-Encoding", encoding);
    response.setHeader("Content-Length", body.length);
    response.writeHead(status);
    response.end(request.method === "HEAD" ? undefined : body);
    return;
  }
  response.setHeader("Content-Length", info.size);
  response.writeHead(status);
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on("error", () => response.destroy());
  stream.pipe(response);
}

/** The encoding to answer with: brotli when the browser takes it, else gzip, else none. */
function acceptedEncoding(request) {
  const accepted = String(request.headers["accept-encoding"] ?? "");
  if (/\bbr\b/.test(accepted)) return "br";
  if (/\bgzip\b/.test(accepted)) return "gzip";
  return null;
}

const brotliQuality = (quality, size) => ({
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size },
});

/** Compressed bodies per file and encoding, kept for the file's version (its ETag): each is compressed once. */
const compressed = new Map();
/** Files waiting for their best brotli compression, done one at a time in the background. */
const bestBrotliQueue = [];
let bestBrotliRunning = false;

async function compressedBody(file, etag, encoding) {
  const key = `${encoding}:${file}`;
  const cached = compressed.get(key);
  if (cached?.etag === etag) return cached.body;
  const content = await readFile(file);
  const body = encoding === "br" ? await brotliAsync(content, brotliQuality(5, content.length)) : await gzipAsync(content, { level: 9 });
  compressed.set(key, { etag, body });
  if (encoding === "br") {
    bestBrotliQueue.push({ key, file, etag });
    void compressBestInBackground();
  }
  return body;
}

async function compressBestInBackground() {
  if (bestBrotliRunning) return;
  bestBrotliRunning = true;
  try {
    for (let next = bestBrotliQueue.shift(); next; next = bestBrotliQueue.shift()) {
      try {
        const content = await readFile(next.file);
        const body = await brotliAsync(content, brotliQuality(11, content.length));
        // Only if the file was not replaced meanwhile (a redeployed remote).
        if (compressed.get(next.key)?.etag === next.etag) compressed.set(next.key, { etag: next.etag, body });
      } catch {
        // the file is gone (redeployed): its quick compression stays until its next version
      }
    }
  } finally {
    bestBrotliRunning = false;
  }
}

/** The session token the browser sent, if any. */
function sessionCookie(request) {
  for (const pair of String(request.headers.cookie ?? "").split(";")) {
    const [name, ...value] = pair.trim().split("=");
    if (name === SESSION_COOKIE && value.join("=")) return value.join("=");
  }
  return null;
}

/**
 * Whether the browser is signed out: no session cookie, or the API answers auth.me with 401. An API that does not
 * answer in time, or answers anything else, counts as signed in: the page is served and the app asks itself.
 */
async function signedOut(request) {
  if (!sessionCookie(request)) return true;
  return new Promise((resolve) => {
    const check = http.request(
      {
        protocol: api.protocol,
        hostname: api.hostname,
        port: api.port,
        method: "GET",
        path: "/trpc/auth.me",
        headers: {
          host: api.host,
          cookie: request.headers.cookie,
          "x-forwarded-for": forwardedFor(request),
          "x-forwarded-proto": forwardedProto(request),
          "user-agent": request.headers["user-agent"] ?? "",
        },
        timeout: SESSION_CHECK_TIMEOUT_MS,
      },
      (answer) => {
        answer.resume();
        resolve(answer.statusCode === 401);
      },
    );
    check.on("timeout", () => check.destroy());
    check.on("error", () => resolve(false));
    check.end();
  });
}

/** The login page, naming the page asked for (as apps/shell/src/go-to-login.ts does). */
function redirectToLogin(response, url) {
  const from = url.pathname + url.search;
  const location = from === "/" || from === "/index.html" ? "/login" : `/login?from=${encodeURIComponent(from)}`;
  response.writeHead(302, { Location: location, "Cache-Control": "no-store", Vary: "Cookie" });
  response.end();
}

function proxy(request, response) {
  const upstream = http.request(
    {
      protocol: api.protocol,
      hostname: api.hostname,
      port: api.port,
      method: request.method,
      path: request.url,
      headers: {
        ...request.headers,
        host: api.host,
        "x-forwarded-for": forwardedFor(request),
        "x-forwarded-host": request.headers.host ?? "",
        // Behind a trusted TLS terminator that says so, the API marks the session cookie Secure.
        "x-forwarded-proto": forwardedProto(request),
      },
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
      // The API may answer before it has read the whole body (a 413): stop forwarding the rest and read it into
      // nothing, so the browser, still sending, gets the answer instead of a reset connection.
      answer.on("end", () => {
        if (!request.complete) {
          request.unpipe(upstream);
          request.resume();
        }
      });
    },
  );
  upstream.on("error", () => {
    // The answer was delivered: the upstream socket closing under a body still arriving changes nothing.
    if (response.writableEnded) return;
    if (response.headersSent) return response.destroy();
    response.writeHead(502, { "content-type": "application/json; charset=utf-8" });
    response.end(JSON.stringify({ error: "api unreachable" }));
  });
  request.pipe(upstream);
}

async function handle(request, response) {
  const url = new URL(request.url ?? "/", "http://localhost");
  const urlPath = url.pathname;

  if (PROXIED.some((prefix) => urlPath === prefix || urlPath.startsWith(`${prefix}/`))) return proxy(request, response);
  for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) response.setHeader(name, value);

  if (request.method === "OPTIONS") {
    response.writeHead(204, {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "*",
      "Access-Control-Max-Age": "600",
    });
    return response.end();
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD, OPTIONS" });
    return response.end();
  }

  if (remotesManifest && urlPath === "/remotes.json") {
    const body = await readFile(remotesManifest);
    response.writeHead(200, { "Content-Type": TYPES[".json"], "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*" });
    return response.end(request.method === "HEAD" ? undefined : body);
  }

  const requested = isShell && (urlPath === "/login" || urlPath === "/login/") ? "/login.html" : urlPath === "/" ? "/index.html" : urlPath;
  const file = fileFor(requested);
  const info = file ? await statFile(file) : null;
  // The shell's client-side routes (/county/…, /account) all answer with its index.html.
  const wantsPage = isShell && (requested === "/index.html" || (!info && !path.extname(urlPath) && !urlPath.startsWith("/assets/")));
  if (wantsPage) {
    const index = path.join(root, "index.html");
    const indexInfo = await statFile(index);
    if (indexInfo) {
      if (await signedOut(request)) return redirectToLogin(response, url);
      response.setHeader("Vary", "Cookie");
      return sendFile(request, response, index, indexInfo, "/index.html");
    }
  }
  if (file && info) return sendFile(request, response, file, info, requested);
  response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache" });
  response.end("Not found");
}

if (!existsSync(root)) console.warn(`serve-static.mjs: ${root} does not exist yet — build the app (npm run build -w apps/${app}); serving 404 until then.`);

const server = http.createServer((request, response) => {
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    response.end("Internal error");
  });
});
server.listen(port, host, () => console.log(`${app}: serving ${root} on http://localhost:${port}/ (API ${api.origin})`));
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => server.close(() => process.exit(0)).closeAllConnections());

import { describe, expect, it } from "vitest";
import { fetchRemoteManifest, parseRemoteManifest, RemoteManifestError, withCacheBuster } from "./manifest";

const MANIFEST_URL = "http://localhost:4200/remotes.json";

const answering = (body: string, status = 200) => (async () => new Response(body, { status })) as typeof fetch;

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RemoteManifestError) return error.failure;
    throw error;
  }
  throw new Error("expected the manifest to be refused");
}

describe("the remote manifest", () => {
  it("resolves {hostname} and relative entries to absolute URLs", async () => {
    const manifest = await fetchRemoteManifest(MANIFEST_URL, {
      hostname: "127.0.0.1",
      fetch: answering(
        JSON.stringify({
          remotes: [
            { name: "county", entry: "http://{hostname}:4201/remoteEntry.js" },
            { name: "province", entry: "/remotes/province/remoteEntry.js" },
          ],
        }),
      ),
    });
    expect(manifest.remotes).toEqual([
      { name: "county", entry: "http://127.0.0.1:4201/remoteEntry.js" },
      { name: "province", entry: "http://localhost:4200/remotes/province/remoteEntry.js" },
    ]);
  });

  it("reports an unreachable manifest as unreachable", async () => {
    const down = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    expect(await failureOf(fetchRemoteManifest(MANIFEST_URL, { fetch: down }))).toBe("unreachable");
  });

  it("reports an HTTP error status", async () => {
    expect(await failureOf(fetchRemoteManifest(MANIFEST_URL, { fetch: answering("not here", 404) }))).toBe("status");
  });

  it("refuses a body that is not JSON", async () => {
    expect(await failureOf(fetchRemoteManifest(MANIFEST_URL, { fetch: answering("<html>") }))).toBe("invalid");
  });

  it.each([
    ["no remotes list", {}],
    ["a remote without an entry", { remotes: [{ name: "county" }] }],
    ["a remote with a bad name", { remotes: [{ name: "../county", entry: "http://x/remoteEntry.js" }] }],
    ["a remote listed twice", { remotes: [{ name: "county", entry: "http://a/e.js" }, { name: "county", entry: "http://b/e.js" }] }],
    ["a script URL", { remotes: [{ name: "county", entry: "javascript:alert(1)" }] }],
  ])("refuses a manifest with %s", (_what, json) => {
    expect(() => parseRemoteManifest(json, MANIFEST_URL, "localhost")).toThrow(RemoteManifestError);
  });

  it("adds a cache-busting query to an entry without losing its own", () => {
    expect(withCacheBuster("http://localhost:4201/remoteEntry.js?x=1", 42)).toBe("http://localhost:4201/remoteEntry.js?x=1&v=42");
  });
});

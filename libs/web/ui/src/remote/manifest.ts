/**
 * The runtime manifest (`/remotes.json`, served beside the shell) that says where each remote's entry lives, so a
 * remote can be redeployed — or moved — without rebuilding the shell.
 *
 * { "remotes": [{ "name": "county", "entry": "http://{hostname}:4201/remoteEntry.js" }, …] }
 *
 * `{hostname}` stands for the host the page was opened on; a relative entry is resolved against the manifest's URL.
 */
export interface RemoteEntry {
  name: string;
  entry: string;
}

export interface RemoteManifest {
  remotes: RemoteEntry[];
}

export type ManifestFailure = "unreachable" | "status" | "invalid";

export class RemoteManifestError extends Error {
  constructor(
    readonly failure: ManifestFailure,
    message: string,
  ) {
    super(message);
    this.name = "RemoteManifestError";
  }
}

const NAME = /^[a-z][a-z0-9_]*$/;

/** Checks the manifest's shape and resolves every entry to an absolute URL. */
export function parseRemoteManifest(json: unknown, manifestUrl: string, hostname: string): RemoteManifest {
  const remotes = json && typeof json === "object" && "remotes" in json ? json.remotes : undefined;
  if (!Array.isArray(remotes)) throw new RemoteManifestError("invalid", "remotes.json has no \"remotes\" list");
  const seen = new Set<string>();
  return {
    remotes: remotes.map((item: unknown, index) => {
      const name = item && typeof item === "object" && "name" in item ? item.name : undefined;
      const entry = item && typeof item === "object" && "entry" in item ? item.entry : undefined;
      if (typeof name !== "string" || !NAME.test(name)) {
        throw new RemoteManifestError("invalid", `remotes.json: remote #${index + 1} has no valid name`);
      }
      if (seen.has(name)) throw new RemoteManifestError("invalid", `remotes.json: remote "${name}" is listed twice`);
      seen.add(name);
      if (typeof entry !== "string" || entry.trim() === "") {
        throw new RemoteManifestError("invalid", `remotes.json: remote "${name}" has no entry URL`);
      }
      let url: URL;
      try {
        url = new URL(entry.replaceAll("{hostname}", hostname), manifestUrl);
      } catch {
        throw new RemoteManifestError("invalid", `remotes.json: remote "${name}" has a malformed entry URL`);
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new RemoteManifestError("invalid", `remotes.json: remote "${name}" must be served over http(s)`);
      }
      return { name, entry: url.href };
    }),
  };
}

/** Fetches and checks the manifest, never from a cache: a redeploy may have changed it. */
export async function fetchRemoteManifest(
  manifestUrl: string,
  options: { fetch?: typeof fetch; hostname?: string } = {},
): Promise<RemoteManifest> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await doFetch(manifestUrl, { cache: "no-store", headers: { accept: "application/json" } });
  } catch (cause) {
    throw new RemoteManifestError("unreachable", `remotes.json could not be fetched: ${String(cause)}`);
  }
  if (!response.ok) throw new RemoteManifestError("status", `remotes.json answered HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new RemoteManifestError("invalid", "remotes.json is not valid JSON");
  }
  return parseRemoteManifest(json, manifestUrl, options.hostname ?? globalThis.location?.hostname ?? "localhost");
}

/**
 * The entry URL with a cache-busting query: each page load (and each retry) asks the remote's server again, so a
 * rebuilt remote is picked up at the next reload even if a cache in between ignores `Cache-Control`.
 */
export function withCacheBuster(entry: string, token: string | number): string {
  const url = new URL(entry);
  url.searchParams.set("v", String(token));
  return url.href;
}

import { fetchRemoteManifest, isRemoteAppModule, withCacheBuster, type RemoteAppModule, type RemoteManifest } from "@dtpilot/ui/boot";
import { loadRemote, registerRemotes } from "@module-federation/runtime";

const MANIFEST_URL = new URL("/remotes.json", window.location.href).href;
/** Fresh per page load: a reload always asks the remote's server for its current entry. */
const PAGE_LOAD = Date.now().toString(36);

let manifest: Promise<RemoteManifest> | null = null;
const loads = new Map<string, Promise<RemoteAppModule>>();

function remoteManifest(refresh: boolean): Promise<RemoteManifest> {
  if (!manifest || refresh) {
    manifest = fetchRemoteManifest(MANIFEST_URL);
    // A failed fetch is not kept: the next attempt asks again.
    manifest.catch(() => (manifest = null));
  }
  return manifest;
}

async function load(name: string, attempt: number): Promise<RemoteAppModule> {
  const { remotes } = await remoteManifest(attempt > 0);
  const remote = remotes.find((candidate) => candidate.name === name);
  if (!remote) throw new Error(`remotes.json lists no remote named "${name}"`);
  registerRemotes([{ name, entry: withCacheBuster(remote.entry, `${PAGE_LOAD}.${attempt}`), type: "module" }], { force: attempt > 0 });
  const module: unknown = await loadRemote(`${name}/App`);
  if (!isRemoteAppModule(module)) throw new Error(`the remote "${name}" does not expose a valid ./App module`);
  return module;
}

/**
 * Loads a remote's "./App" module as the manifest says, each attempt once (a route mounted twice — React's
 * StrictMode does that in development — shares the load). A retry (attempt > 0) re-reads the manifest and
 * registers the remote again with `force`, under a new cache-busting URL, so a remote that was down or redeployed
 * meanwhile is fetched anew rather than answered from the federation runtime's or the browser's module cache.
 */
export function loadRemoteApp(name: string, attempt: number): Promise<RemoteAppModule> {
  const key = `${name}#${attempt}`;
  let loading = loads.get(key);
  if (!loading) {
    loading = load(name, attempt);
    loads.set(key, loading);
    // A failed load is retried with the next attempt number; keep no rejected promise around.
    loading.catch(() => loads.delete(key));
  }
  return loading;
}

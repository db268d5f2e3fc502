/**
 * The remotes manifest and the remote contract without the rest of the library (subpath @dtpilot/ui/boot, bundled
 * into the shell rather than shared): the shell's remote loader does not wait for the shared React and Ant Design to
 * load. No React, no Ant Design in here.
 */
export { fetchRemoteManifest, parseRemoteManifest, withCacheBuster, RemoteManifestError, type RemoteManifest, type RemoteEntry } from "./remote/manifest";
export { isRemoteAppModule, type RemoteAppModule } from "./remote/contract";
export { LANGUAGE_STORAGE_KEY } from "./i18n/storage-key";

export declare const SHARED_SINGLETONS: readonly string[];
export interface SharedSingleton {
  singleton: true;
  requiredVersion: string;
  version: string;
}
export interface SharedSingletonFromHost extends SharedSingleton {
  import?: false;
}
export declare const ANTD_COMPONENT_SHARES: readonly string[];
export declare function sharedSingletons(options?: { antdFromHost?: boolean }): Record<string, SharedSingletonFromHost>;
/** Vite plugins, typed loosely on purpose (Vite's own types come from the apps' devDependencies, not this library). */
export declare function unusedAntdSharesStayUnloaded(): { name: string };
export declare function startupFilesManifest(fileName?: string): { name: string };
export declare function antdByComponent(): { name: string; transform: (code: string, id: string) => unknown };
export declare const APP_PORTS: { readonly shell: 4200; readonly county: 4201; readonly enterprise: 4202; readonly provider: 4203; readonly province: 4204 };
export declare function devProxy(apiUrl?: string): Record<string, { target: string; changeOrigin: boolean }>;
export declare function moduleSideEffects(id: string): boolean;
export declare function remoteViteConfig(
  name: "county" | "enterprise" | "provider" | "province",
  // Typed loosely on purpose: the plugins' own types come from the apps' devDependencies, not this library.
  plugins: { federation: (options: never) => unknown; react: () => unknown },
): (env: { command: "build" | "serve" }) => Record<string, unknown>;
export { PAGE_SECURITY_HEADERS } from "./security-headers.mjs";

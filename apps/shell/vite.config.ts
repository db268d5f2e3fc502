import { federation } from "@module-federation/vite";
import {
  antdByComponent,
  APP_PORTS,
  devProxy,
  moduleSideEffects,
  PAGE_SECURITY_HEADERS,
  sharedSingletons,
  startupFilesManifest,
} from "@dtpilot/ui/federation";
import { pageHead } from "@dtpilot/ui/page-head";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const port = APP_PORTS.shell;

// The host knows no remote at build time: it reads /remotes.json at run time and registers what it lists
// (src/remotes.ts), so a remote is rebuilt and redeployed without rebuilding the shell.
/** In dev, /login is the login page (login.html), as the production server (tools/serve/serve-static.mjs) answers it. */
const loginPage: Plugin = {
  name: "dtpilot-login-page",
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      if (request.url === "/login" || request.url?.startsWith("/login?")) request.url = request.url.replace("/login", "/login.html");
      next();
    });
  },
};

export default defineConfig({
  plugins: [
    pageHead(),
    loginPage,
    antdByComponent(),
    react(),
    federation({
      name: "shell",
      remotes: {},
      shared: sharedSingletons(),
      dts: false,
      manifest: false,
      // One federation runtime for the page: the remotes' production builds use this one (externalRuntime).
      experiments: { provideExternalRuntime: true },
    }),
    // What the login page prefetches while the visitor types (src/login/prefetch.ts).
    startupFilesManifest(),
  ],
  build: { outDir: "dist", target: "es2022", chunkSizeWarningLimit: 2000, rolldownOptions: { treeshake: { moduleSideEffects } } },
  server: { port, strictPort: true, proxy: devProxy(), headers: PAGE_SECURITY_HEADERS },
  preview: { port, strictPort: true, proxy: devProxy(), headers: PAGE_SECURITY_HEADERS },
});

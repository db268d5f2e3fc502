import { federation } from "@module-federation/vite";
import { APP_PORTS, devProxy, moduleSideEffects, sharedSingletons } from "@dtpilot/ui/federation";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const port = APP_PORTS.province;

// A Module Federation remote: ./App is what the shell mounts under /province/*. Built with a relative base, so its
// chunks load from wherever its remoteEntry.js was served (any host or port the shell's remotes.json names).
export default defineConfig(({ command }) => ({
  base: command === "build" ? "./" : `http://localhost:${port}/`,
  plugins: [
    react(),
    federation({
      name: "province",
      filename: "remoteEntry.js",
      exposes: { "./App": "./src/App.tsx" },
      shared: sharedSingletons(),
      dts: false,
      manifest: false,
      // In production the shell provides the federation runtime (runtime-core) and this remote uses it instead of
      // shipping its own copy; on its own dev server (standalone page, no shell) it keeps its own.
      ...(command === "build" ? { experiments: { externalRuntime: true } } : {}),
    }),
  ],
  build: { outDir: "dist", target: "es2022", chunkSizeWarningLimit: 2000, rolldownOptions: { treeshake: { moduleSideEffects } } },
  server: { port, strictPort: true, origin: `http://localhost:${port}`, cors: true, proxy: devProxy() },
}));

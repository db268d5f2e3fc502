import { pageHead } from "@dtpilot/ui/page-head";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The login page is its own small build (no Module Federation, Ant Design tree-shaken to what it renders), added
// to the shell's dist beside the federated app: a visitor downloads it before signing in and nothing else.
export default defineConfig({
  plugins: [pageHead(), react()],
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2022",
    // One chunk on purpose (React + the part of Ant Design the page uses, ~210 KB gzip); nothing else to split off.
    chunkSizeWarningLimit: 1000,
    rollupOptions: { input: { login: "login.html" } },
  },
});

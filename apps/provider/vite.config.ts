import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Fixed and strict so the shell can find each remote at a known origin.
const port = 4203;

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist" },
  server: { port, strictPort: true },
  preview: { port, strictPort: true },
});

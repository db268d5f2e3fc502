import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: ["checks/*.test.ts", "seed-scale/**/*.test.ts", "bench/**/*.test.ts"],
    passWithNoTests: false,
    // The first lint builds the Nx project graph from scratch; the scale dataset's first run migrates its template.
    hookTimeout: 120_000,
    testTimeout: 30_000,
  },
});

// Entry of the roster import's worker thread. The API runs its TypeScript through tsx (npm start, vitest), but a
// worker thread does not inherit every loader on every Node version (Node 20 drops `--import` for workers), so the
// thread registers tsx itself before loading the reader.
import { register } from "tsx/esm/api";

register();
await import("./roster-import-worker.ts");

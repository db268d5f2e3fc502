export type { AppRouter } from "./router";
export type { ErrorData } from "./kernel/error-data";

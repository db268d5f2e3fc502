import type { UserConfig } from "vitest/config";

export function webTestConfig(): UserConfig;

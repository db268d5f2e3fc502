import type { TestProject } from "vitest/node";
import { prepareTestDatabase } from "./testing";

export default async function setup(project: TestProject) {
  await prepareTestDatabase(project.config.provide.testDatabase as string);
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: string;
  }
}

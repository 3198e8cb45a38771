import type { TestProject } from "vitest/node";
import { DEFAULT_TEST_SERVER, prepareTestDatabase, testDatabaseName } from "@/lib/testing/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** Integration tests: one fresh, migrated database per run (TEST_DATABASE_URL's server). */
export default async function setup(project: TestProject) {
  const server = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER;
  const url = await prepareTestDatabase(server, testDatabaseName("test"));
  project.provide("databaseUrl", url);
}

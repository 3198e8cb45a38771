import type { TestProject } from "vitest/node";
import { DEFAULT_TEST_SERVER, prepareTestDatabase, runtimeUrlFor, testDatabaseName } from "@/lib/testing/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** What the application's code connects with: the runtime role. */
    databaseUrl: string;
    /** The owner role: migrations and the reset between files. */
    ownerDatabaseUrl: string;
  }
}

/** Integration tests: one fresh, migrated database per run (TEST_DATABASE_URL's server). */
export default async function setup(project: TestProject) {
  const server = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER;
  const ownerUrl = await prepareTestDatabase(server, testDatabaseName("test"));
  project.provide("ownerDatabaseUrl", ownerUrl);
  project.provide("databaseUrl", await runtimeUrlFor(ownerUrl));
}

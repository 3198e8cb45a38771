import { afterAll, beforeAll, inject } from "vitest";

// Each integration test file starts from an empty database with the seed counties' regions;
// tests make their own data on top. The code under test connects as the runtime role; the reset
// runs as the owner (DATABASE_OWNER_URL).
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_OWNER_URL = inject("ownerDatabaseUrl");
process.env.DATABASE_POOL_MAX ??= "4";

beforeAll(async () => {
  const { resetDatabase } = await import("@/lib/testing/reset");
  const { ensureRegions } = await import("@/lib/testing/factories");
  await resetDatabase();
  await ensureRegions();
});

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
});

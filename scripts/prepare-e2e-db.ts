// Prepares the e2e database: fresh, migrated, with the demo data. Prints its URL last.
import { DEFAULT_TEST_SERVER, prepareTestDatabase, testDatabaseName } from "@/lib/testing/test-database";

const url = await prepareTestDatabase(process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER, testDatabaseName("e2e"));
process.env.DATABASE_URL = url;
process.env.DATABASE_POOL_MAX = "1";
const { seedDemo } = await import("@/lib/seed/demo");
const { disconnectDb } = await import("@/lib/db");
await seedDemo();
await disconnectDb();
console.log(url);

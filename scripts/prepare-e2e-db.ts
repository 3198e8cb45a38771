// Prepares the e2e database: fresh, migrated, with the demo data (as the owner role). Prints last
// the URL the server and the specs use: the runtime role's (ADR 014), so that e2e runs with the
// grants production has.
import { DEFAULT_TEST_SERVER, prepareTestDatabase, runtimeUrlFor, testDatabaseName } from "@/lib/testing/test-database";

const url = await prepareTestDatabase(process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER, testDatabaseName("e2e"));
process.env.DATABASE_URL = url;
process.env.DATABASE_POOL_MAX = "1";
const { seedDemo } = await import("@/lib/seed/demo");
const { disconnectDb } = await import("@/lib/db");
await seedDemo();
await disconnectDb();
console.log(await runtimeUrlFor(url));

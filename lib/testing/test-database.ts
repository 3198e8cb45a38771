import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import pg from "pg";

export const DEFAULT_TEST_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * A database name for this checkout (`yiyang_test_3f9a2c`): two checkouts on one machine never
 * drop each other's test databases.
 */
export function testDatabaseName(purpose: "test" | "e2e"): string {
  const override = process.env[purpose === "test" ? "TEST_DATABASE_NAME" : "E2E_DATABASE_NAME"];
  if (override) return override;
  const hash = createHash("sha256").update(path.resolve(import.meta.dirname, "../..")).digest("hex").slice(0, 6);
  return `yiyang_${purpose}_${hash}`;
}

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A clean, migrated database for tests: creates `name` on the server if it can (the embedded
 * server has one database only, so then the server's own database is used), empties its
 * public schema and applies every migration with the Prisma CLI. Returns its URL.
 */
export async function prepareTestDatabase(serverUrl: string, name: string): Promise<string> {
  let url = databaseUrlFor(serverUrl, name);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } catch {
    url = serverUrl;
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // pg-boss's schema too: its queued deliveries name jobs of the dropped tables.
    await client.query("DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
  const root = path.resolve(import.meta.dirname, "../..");
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  return url;
}

/** The login role the application's code uses in tests: a member of yiyang_runtime (ADR 014). */
export const RUNTIME_LOGIN = "yiyang_app";

/**
 * The URL the application's code uses in tests: the same database through the runtime role, so
 * that a missing grant fails the tests as it would fail production (migrations, resets and the
 * e2e seed use the owner's URL). Creates the test login role on first use. The embedded server
 * has one user and one session for every connection, so there the owner's URL is returned.
 */
export async function runtimeUrlFor(ownerUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: ownerUrl });
  await admin.connect();
  try {
    // Roles are shared by every database of the server; two checkouts may race to create it.
    await admin.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${RUNTIME_LOGIN}') THEN
        CREATE ROLE ${RUNTIME_LOGIN} LOGIN PASSWORD '${RUNTIME_LOGIN}';
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
    await admin.query(`GRANT yiyang_runtime TO ${RUNTIME_LOGIN}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ownerUrl);
  url.username = RUNTIME_LOGIN;
  url.password = RUNTIME_LOGIN;
  const probe = new pg.Client({ connectionString: url.toString() });
  try {
    await probe.connect();
    const { rows } = await probe.query<{ user: string }>("SELECT current_user AS user");
    return rows[0].user === RUNTIME_LOGIN ? url.toString() : ownerUrl;
  } catch {
    return ownerUrl;
  } finally {
    await probe.end().catch(() => {});
  }
}

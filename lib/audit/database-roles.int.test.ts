import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/lib/testing/factories";
import { RUNTIME_LOGIN } from "@/lib/testing/test-database";

// The two database roles (ADR 014): the application's connection (the runtime role) may read and
// write rows but may only add to the append-only tables; the owner runs migrations and still meets
// the triggers. These run on the test server's real roles.

const APPEND_ONLY = ["audit_logs", "case_steps"];
let owner: pg.Client;

async function ownerQuery(sql: string) {
  return owner.query(sql);
}

/** The error code PostgreSQL answers with (through Prisma's driver adapter), or "ok". */
async function sqlState(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return "ok";
  } catch (error) {
    const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } }; message?: string };
    return e.meta?.driverAdapterError?.cause?.originalCode ?? e.code ?? String(e.message);
  }
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await owner.connect();
});
afterAll(async () => {
  await owner.end();
});

describe("database roles", () => {
  it("runs the code under test as the runtime role, not the owner", async () => {
    const [{ user }] = await db.$queryRaw<{ user: string }[]>`SELECT current_user::text AS "user"`;
    expect(user).toBe(RUNTIME_LOGIN);
    const [{ member }] = await db.$queryRaw<{ member: boolean }[]>`SELECT pg_has_role(current_user, 'yiyang_runtime', 'MEMBER') AS member`;
    expect(member).toBe(true);
  });

  it("lets the runtime role only add to and read the append-only tables", async () => {
    await createUser({ role: "viewer" }); // writes a user; the factory's audit row follows
    for (const table of APPEND_ONLY) {
      expect(await sqlState(db.$queryRawUnsafe(`SELECT count(*) FROM ${table}`))).toBe("ok");
      // 42501: insufficient_privilege, before any row is looked at.
      expect(await sqlState(db.$executeRawUnsafe(`UPDATE ${table} SET id = id`))).toBe("42501");
      expect(await sqlState(db.$executeRawUnsafe(`DELETE FROM ${table}`))).toBe("42501");
      expect(await sqlState(db.$executeRawUnsafe(`TRUNCATE ${table}`))).toBe("42501");
    }
    expect(await sqlState(db.$executeRawUnsafe(`INSERT INTO audit_logs (event, entity_type, actor_username, actor_role) VALUES ('test.insert', 'system', 'vitest', 'system')`))).toBe("ok");
  });

  it("refuses UPDATE, DELETE and TRUNCATE of the append-only tables even to the owner", async () => {
    for (const table of APPEND_ONLY) {
      for (const statement of [`UPDATE ${table} SET id = id`, `DELETE FROM ${table}`, `TRUNCATE ${table} CASCADE`]) {
        await expect(ownerQuery(statement), statement).rejects.toThrow(new RegExp(`${table} is append-only`));
      }
    }
  });

  it("gives the runtime role read and write on every other table, and nothing on the schema", async () => {
    const { rows } = await ownerQuery(`
      SELECT c.relname AS "table",
             has_table_privilege('yiyang_runtime', c.oid, 'SELECT') AS s, has_table_privilege('yiyang_runtime', c.oid, 'INSERT') AS i,
             has_table_privilege('yiyang_runtime', c.oid, 'UPDATE') AS u, has_table_privilege('yiyang_runtime', c.oid, 'DELETE') AS d,
             has_table_privilege('yiyang_runtime', c.oid, 'TRUNCATE') AS t, pg_get_userbyid(c.relowner) = 'yiyang_runtime' AS owned
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`);
    const wrong = rows.flatMap((r) => {
      const expected = r.table === "_prisma_migrations" ? "-----" : APPEND_ONLY.includes(r.table) ? "si---" : "siud-";
      const got = `${r.s ? "s" : "-"}${r.i ? "i" : "-"}${r.u ? "u" : "-"}${r.d ? "d" : "-"}${r.t ? "t" : "-"}`;
      return got !== expected || r.owned ? [`${r.table}: ${got}${r.owned ? " (owned by the runtime role)" : ""}, expected ${expected}`] : [];
    });
    expect(rows.length).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
    expect(await sqlState(db.$executeRawUnsafe(`CREATE TABLE public.runtime_made (x int)`))).toBe("42501");
    expect(await sqlState(db.$executeRawUnsafe(`ALTER TABLE elders ADD COLUMN x int`))).toBe("42501");
  });

  it("grants the runtime role what it needs on a table a later migration creates", async () => {
    await ownerQuery(`CREATE TABLE later_feature (id bigserial PRIMARY KEY, note text)`);
    try {
      expect(await sqlState(db.$executeRawUnsafe(`INSERT INTO later_feature (note) VALUES ('x')`))).toBe("ok");
      expect(await sqlState(db.$executeRawUnsafe(`UPDATE later_feature SET note = 'y'`))).toBe("ok");
      expect(await sqlState(db.$executeRawUnsafe(`DELETE FROM later_feature`))).toBe("ok");
    } finally {
      await ownerQuery(`DROP TABLE later_feature`);
    }
  });
});

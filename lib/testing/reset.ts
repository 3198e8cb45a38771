import pg from "pg";

/**
 * Empties every application table in one TRUNCATE (the migration history is kept), and the job
 * queue's deliveries (pg-boss keeps its own schema). Runs as the
 * owner role (DATABASE_OWNER_URL): the runtime role may not truncate, and the append-only tables'
 * TRUNCATE triggers are switched off inside the same transaction.
 */
export async function resetDatabase(ownerUrl = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ tablename: string }>(
      "SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    const { rows: queue } = await client.query<{ present: boolean }>("SELECT to_regclass('pgboss.job') IS NOT NULL AS present");
    if (queue[0].present) await client.query("TRUNCATE pgboss.job, pgboss.archive");
    if (tables.length === 0) return;
    const { rows: guarded } = await client.query<{ table: string; trigger: string }>(
      `SELECT c.relname::text AS "table", t.tgname::text AS "trigger" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND NOT t.tgisinternal AND (t.tgtype & 32) <> 0`,
    );
    await client.query("BEGIN");
    for (const g of guarded) await client.query(`ALTER TABLE "public"."${g.table}" DISABLE TRIGGER "${g.trigger}"`);
    await client.query(`TRUNCATE ${tables.map((t) => `"public"."${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
    for (const g of guarded) await client.query(`ALTER TABLE "public"."${g.table}" ENABLE TRIGGER "${g.trigger}"`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

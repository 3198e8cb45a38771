import { db } from "@/lib/db";

/**
 * Empties every application table in one TRUNCATE (migrations history is kept), and the job
 * queue's pending deliveries (pg-boss keeps its own schema).
 */
export async function resetDatabase(): Promise<void> {
  const [{ queue }] = await db.$queryRaw<{ queue: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS queue`;
  if (queue) await db.$executeRawUnsafe(`TRUNCATE pgboss.job, pgboss.archive`);
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map((t) => `"public"."${t.tablename}"`).join(", ");
  await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}

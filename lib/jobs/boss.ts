// The process's pg-boss instance. pg-boss keeps its own schema (`pgboss`, created and upgraded
// by pg-boss itself on start, under an advisory lock) and its own small connection pool beside
// Prisma's. A process that only asks for jobs starts it without maintenance or schedules; a
// worker process starts it with both (lib/jobs/worker.ts). See ADR 015.
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { onDisconnectDb } from "@/lib/db";
import { logError } from "@/lib/entry/log";
import { DEFAULT_EXPIRE_SECONDS, DEFAULT_RETRY_LIMIT, jobDefinitions } from "@/lib/jobs/define";

export type TBossMode = "send" | "work";
export type TBossOptions = {
  /** How often pg-boss expires lost jobs and archives old ones (seconds; default 60). */
  maintenanceIntervalSeconds?: number;
};

type TBossState = { mode: TBossMode; ready: Promise<PgBoss>; queues: Set<string> };
const globalForBoss = globalThis as unknown as { yiyangBoss?: TBossState; yiyangBossHook?: boolean };

function poolMax(): number {
  const e = env();
  return e.JOBS_POOL_MAX ?? Math.min(2, e.DATABASE_POOL_MAX);
}

async function start(mode: TBossMode, options: TBossOptions, queues: Set<string>): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: env().DATABASE_URL,
    max: poolMax(),
    application_name: "yiyang-jobs",
    // Only workers expire lost jobs, archive old ones and fire schedules.
    supervise: mode === "work",
    schedule: mode === "work",
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    // Finished pg-boss rows are kept a week; our `jobs` table keeps the history people see.
    archiveCompletedAfterSeconds: 60 * 60,
    deleteAfterDays: 7,
  });
  boss.on("error", (error) => logError("jobs", error));
  await boss.start();
  await ensureQueues(boss, queues);
  return boss;
}

/**
 * Creates the pg-boss queue of every registered job kind (and of `extra` names, e.g.
 * schedules) that has none yet; `known` remembers what this process already checked.
 */
async function ensureQueues(boss: PgBoss, known: Set<string>, extra: string[] = []): Promise<void> {
  const definitions = jobDefinitions().filter((d) => !known.has(d.kind));
  const others = extra.filter((name) => !known.has(name));
  if (definitions.length === 0 && others.length === 0) return;
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const definition of definitions) {
    if (!existing.has(definition.kind)) {
      await boss.createQueue(definition.kind, {
        name: definition.kind,
        retryLimit: definition.retryLimit ?? DEFAULT_RETRY_LIMIT,
        expireInSeconds: definition.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
      });
    }
    known.add(definition.kind);
  }
  for (const name of others) {
    if (!existing.has(name)) await boss.createQueue(name, { name });
    known.add(name);
  }
}

/**
 * The started instance. A worker needs the "work" mode; asking for it after a "send" instance
 * was started replaces that one.
 */
export async function getBoss(mode: TBossMode = "send", options: TBossOptions & { queues?: string[] } = {}): Promise<PgBoss> {
  const current = globalForBoss.yiyangBoss;
  if (current && (current.mode === "work" || mode === "send")) {
    const boss = await current.ready;
    // Kinds defined after the start (a test's own kind) get their queue now.
    await ensureQueues(boss, current.queues, options.queues);
    return boss;
  }
  if (current) await stopBoss();
  const queues = new Set<string>();
  const state: TBossState = { mode, queues, ready: start(mode, options, queues).then(async (boss) => (await ensureQueues(boss, queues, options.queues), boss)) };
  globalForBoss.yiyangBoss = state;
  state.ready.catch(() => {
    if (globalForBoss.yiyangBoss === state) globalForBoss.yiyangBoss = undefined;
  });
  if (!globalForBoss.yiyangBossHook) {
    globalForBoss.yiyangBossHook = true;
    onDisconnectDb(() => stopBoss());
  }
  return state.ready;
}

/** Stops the instance: workers finish their job (up to `timeoutMs`), then connections close. */
export async function stopBoss(timeoutMs = 10_000): Promise<void> {
  const current = globalForBoss.yiyangBoss;
  if (!current) return;
  globalForBoss.yiyangBoss = undefined;
  const boss = await current.ready.catch(() => null);
  await boss?.stop({ graceful: true, timeout: timeoutMs, wait: true });
}

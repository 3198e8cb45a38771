// The worker: works every registered job kind, fires the schedules, and repairs rows whose
// delivery was lost. It runs inside each Next.js server process (instrumentation.ts; any number
// of instances share the queue through FOR UPDATE SKIP LOCKED), in `npm run cli -- jobs work`,
// and in integration tests (startWorker() in the test process). See ADR 015.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/entry/log";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { DEFAULT_EXPIRE_SECONDS, DEFAULT_RETRY_LIMIT, jobDefinition, jobDefinitions } from "@/lib/jobs/define";
import { markFailed, runJob } from "@/lib/jobs/runner";
import { SCHEDULE_TIME_ZONE, SCHEDULES, type TSchedule } from "@/lib/jobs/schedules";
import "@/lib/jobs/kinds";

export type TWorkerOptions = {
  /** How often an idle worker asks for jobs (seconds; JOBS_POLL_SECONDS, default 2). */
  pollingIntervalSeconds?: number;
  /** How often lost jobs are expired into their retry (seconds; default 60). */
  maintenanceIntervalSeconds?: number;
  /** How often rows whose delivery or worker was lost are repaired (seconds; default 60). */
  sweepIntervalSeconds?: number;
  /** A job row still this long (no progress, no heartbeat) counts as lost (seconds; default 180). */
  stalledSeconds?: number;
  /** Fire the nightly schedules (default true; tests turn it off). */
  schedules?: boolean;
};

type TWorkerState = { worked: Set<string>; sweep: ReturnType<typeof setInterval> | null; options: TWorkerOptions };
const globalForWorker = globalThis as unknown as { yiyangWorker?: TWorkerState };

type TBossJob = { id: string; data: { jobId?: string }; retryCount: number; retryLimit: number };

/**
 * Starts working jobs in this process (idempotent: a second call also works kinds defined since
 * the first).
 */
export async function startWorker(options: TWorkerOptions = {}): Promise<void> {
  const state = (globalForWorker.yiyangWorker ??= { worked: new Set(), sweep: null, options });
  const schedules = state.options.schedules === false ? [] : SCHEDULES;
  const boss = await getBoss("work", {
    maintenanceIntervalSeconds: state.options.maintenanceIntervalSeconds,
    queues: schedules.map((s) => s.name),
  });
  const pollingIntervalSeconds = state.options.pollingIntervalSeconds ?? env().JOBS_POLL_SECONDS;
  for (const definition of jobDefinitions()) {
    if (state.worked.has(definition.kind)) continue;
    state.worked.add(definition.kind);
    await boss.work(definition.kind, { pollingIntervalSeconds, includeMetadata: true, batchSize: 1 }, async (jobs) => {
      for (const job of jobs as unknown as TBossJob[]) {
        await runJob(job.data.jobId ?? job.id, { retryCount: job.retryCount, retryLimit: job.retryLimit });
      }
    });
  }
  if (!state.sweep) {
    for (const schedule of schedules) await startSchedule(schedule, pollingIntervalSeconds);
    await dropStaleSchedules(schedules);
    state.sweep = setInterval(
      () => void sweepLostJobs(state.options.stalledSeconds).catch((error) => logError("jobs-sweep", error)),
      (state.options.sweepIntervalSeconds ?? 60) * 1000,
    );
    state.sweep.unref?.();
  }
}

async function startSchedule(schedule: TSchedule, pollingIntervalSeconds: number) {
  const boss = await getBoss("work");
  await boss.schedule(schedule.name, schedule.cron, {}, { tz: SCHEDULE_TIME_ZONE, retryLimit: 1 });
  if (globalForWorker.yiyangWorker!.worked.has(schedule.name)) return;
  globalForWorker.yiyangWorker!.worked.add(schedule.name);
  await boss.work(schedule.name, { pollingIntervalSeconds: Math.max(pollingIntervalSeconds, 5) }, () => schedule.run());
}

/** Schedules registered by an earlier version of the code and no longer in SCHEDULES. */
async function dropStaleSchedules(schedules: TSchedule[]) {
  const boss = await getBoss("work");
  for (const registered of await boss.getSchedules()) {
    if (!schedules.some((s) => s.name === registered.name)) await boss.unschedule(registered.name);
  }
}

/** Stops working: running jobs finish (up to `timeoutMs`), then the queue's connections close. */
export async function stopWorker(timeoutMs = 10_000): Promise<void> {
  const state = globalForWorker.yiyangWorker;
  if (state?.sweep) clearInterval(state.sweep);
  globalForWorker.yiyangWorker = undefined;
  await stopBoss(timeoutMs);
}

/**
 * Repairs job rows that wait or run with nothing live behind them, once they have been still (no
 * progress and no heartbeat, see JOB_HEARTBEAT_MS) for `stalledSeconds`:
 * - a row whose pg-boss job is missing (its delivery was lost) is sent again;
 * - a running row whose pg-boss job is still active lost its worker (killed, or the machine
 *   went away): the delivery is failed, so pg-boss retries it now rather than at its expiry;
 * - a row whose pg-boss job already ended (the retries ran out) is marked failed (JOB_INTERRUPTED).
 */
export async function sweepLostJobs(stalledSeconds = 180): Promise<{ resent: number; restarted: number; failed: number }> {
  const boss = await getBoss();
  const rows = await db.job.findMany({
    where: { status: { in: ["queued", "running"] }, updatedAt: { lt: new Date(Date.now() - stalledSeconds * 1000) } },
    select: { id: true, kind: true, status: true },
    take: 500,
  });
  const done = { resent: 0, restarted: 0, failed: 0 };
  for (const row of rows) {
    const delivery = await boss.getJobById(row.kind, row.id).catch(() => null);
    if (!delivery) {
      const definition = jobDefinition(row.kind);
      if (!definition) continue;
      await boss.send(row.kind, { jobId: row.id }, {
        id: row.id,
        retryLimit: definition.retryLimit ?? DEFAULT_RETRY_LIMIT,
        expireInSeconds: definition.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
      });
      done.resent++;
    } else if (delivery.state === "active" && row.status === "running") {
      await boss.fail(row.kind, row.id, { message: `no heartbeat for ${stalledSeconds} s` });
      done.restarted++;
    } else if (delivery.state === "completed" || delivery.state === "failed" || delivery.state === "cancelled") {
      done.failed += await markFailed(row.id, new AppError("JOB_INTERRUPTED", "the job's delivery ended without the job"));
    }
  }
  return done;
}

/** For the Next.js server (instrumentation.ts): start the worker unless JOBS_WORKER=off. */
export async function startServerWorker(): Promise<void> {
  if (!process.env.DATABASE_URL || env().JOBS_WORKER === "off") return;
  try {
    await startWorker();
  } catch (error) {
    // The site keeps serving; jobs wait in the database until a worker runs.
    logError("jobs-worker-start", error);
  }
}

// Runs one job: claims its row, rebuilds who asked, calls the kind's handler with a progress
// reporter, and records how it ended. The worker calls this for each job pg-boss hands it; a
// test may call it directly. A job that already ended is left alone, so a duplicate delivery
// does nothing.
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { systemActor, type TActor, type TRequestMeta } from "@/lib/authz/actor";
import { actorFromUser } from "@/lib/users/actor-from-user";
import { translator } from "@/lib/i18n/translate";
import { translateAppError } from "@/lib/entry/messages";
import { logError } from "@/lib/entry/log";
import { jobDefinition, type TJobContext, type TJson } from "@/lib/jobs/define";
import { createProgressReporter, type TProgressState } from "@/lib/jobs/progress";
import type { TErrorDetail } from "@/lib/jobs/view";

/** pg-boss's count of earlier attempts and its limit: whether a failure will be retried. */
export type TDelivery = { retryCount: number; retryLimit: number };

type TClaimed = {
  id: string;
  kind: string;
  payload: unknown;
  requested_by_id: string | null;
  requested_by: string;
  request_ip: string | null;
  request_agent: string | null;
  county_code: string;
  dedupe_key: string | null;
  attempts: number;
};

/**
 * How often a running job touches its row even without progress: the sweep (lib/jobs/worker.ts)
 * treats a row still for minutes as a job whose worker was lost.
 */
export const JOB_HEARTBEAT_MS = 30_000;

/** Thrown inside a handler's transaction when the job ended meanwhile: its writes roll back. */
class JobSuperseded extends Error {}

async function claim(jobId: string): Promise<TClaimed | null> {
  const rows = await db.$queryRaw<TClaimed[]>`
    UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = COALESCE(started_at, now()),
                    phase = NULL, error_code = NULL, error_message = NULL, error_detail = NULL, updated_at = now()
     WHERE id = ${jobId}::uuid AND status IN ('queued', 'running')
    RETURNING id::text AS id, kind, payload, requested_by_id::text AS requested_by_id, requested_by, request_ip,
              request_agent, county_code, dedupe_key, attempts`;
  return rows[0] ?? null;
}

async function actorOf(job: TClaimed): Promise<TActor> {
  if (!job.requested_by_id) return systemActor(job.county_code, job.requested_by);
  const user = await db.user.findUnique({ where: { id: job.requested_by_id }, include: { region: true } });
  if (!user || !user.active) throw new AppError("ACCOUNT_DISABLED", "the account that asked for the job is disabled");
  return actorFromUser(user);
}

/** A failure in the words people read (Chinese, stored), with what is needed to say it again in another locale. */
function describeFailure(error: unknown): { code: string; message: string; detail: TErrorDetail } {
  const t = translator();
  if (isAppError(error)) {
    const { message, fieldErrors } = translateAppError(t as never, error);
    const fields = Object.values(fieldErrors ?? {}).flat();
    return {
      code: error.code,
      message: fields.length ? `${message}${fields.join("；")}` : message,
      detail: { ...(error.params ? { params: error.params } : {}), ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) },
    };
  }
  const eventId = randomUUID().slice(0, 8);
  logError(eventId, error);
  return { code: "INTERNAL", message: t("errors.INTERNAL", { eventId }), detail: { params: { eventId } } };
}

/** Stores a failure on a job that is still waiting or running; returns 1 if it did. */
export async function markFailed(jobId: string, error: unknown): Promise<number> {
  const { code, message, detail } = describeFailure(error);
  return db.$executeRaw`
    UPDATE jobs SET status = 'failed', error_code = ${code}, error_message = ${message.slice(0, 1000)},
                    error_detail = ${JSON.stringify(detail)}::jsonb, finished_at = now(), updated_at = now()
     WHERE id = ${jobId}::uuid AND status IN ('queued', 'running')`;
}

async function markSucceeded(client: Tx | typeof db, jobId: string, result: TJson, progress: TProgressState | null): Promise<boolean> {
  const count = await client.$executeRaw`
    UPDATE jobs SET status = 'succeeded', result = ${JSON.stringify(result ?? null)}::jsonb,
                    -- The handler's transaction may have begun long ago: now() is its start, not this moment.
                    finished_at = clock_timestamp(), updated_at = clock_timestamp(),
                    phase = COALESCE(${progress?.phase ?? null}, phase),
                    progress_done = COALESCE(${progress?.done ?? null}::int, progress_done),
                    progress_total = COALESCE(${progress?.total ?? null}::int, progress_total)
     WHERE id = ${jobId}::uuid AND status = 'running'`;
  return count === 1;
}

/**
 * Runs the job `jobId` once. Resolves when it succeeded, ended with a refusal (AppError: stored,
 * not retried) or had already ended; rejects after storing an unexpected failure, so that
 * pg-boss retries it while `delivery` allows (the row then waits as queued).
 */
export async function runJob(jobId: string, delivery: TDelivery = { retryCount: 0, retryLimit: 0 }): Promise<void> {
  const job = await claim(jobId);
  if (!job) return;
  const reporter = createProgressReporter(
    (p) => db.$executeRaw`
      UPDATE jobs SET phase = ${p.phase}, progress_done = ${p.done}, progress_total = ${p.total}, updated_at = now()
       WHERE id = ${jobId}::uuid AND status = 'running'`,
    { onError: (error) => logError("jobs-progress", error) },
  );
  let succeeded = false;
  let beating: Promise<unknown> | null = null;
  const heartbeat = setInterval(() => {
    // Never awaited and never two at once (on the embedded database it waits behind the handler's transaction).
    beating ??= db.$executeRaw`UPDATE jobs SET updated_at = now() WHERE id = ${jobId}::uuid AND status = 'running'`
      .catch((error) => logError("jobs-heartbeat", error))
      .finally(() => (beating = null));
  }, JOB_HEARTBEAT_MS);
  heartbeat.unref?.();
  try {
    const definition = jobDefinition(job.kind);
    if (!definition) throw new Error(`unknown job kind ${job.kind}`);
    const actor = await actorOf(job);
    const meta: TRequestMeta = { ip: job.request_ip, userAgent: job.request_agent };
    const payload = definition.payload.parse(job.payload);
    const lockKey = `${job.kind}:${job.dedupe_key ?? job.id}`;
    const context: TJobContext = {
      jobId,
      actor,
      meta,
      attempt: job.attempts,
      progress: reporter.report,
      lock: async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
      },
      succeed: async (tx, result) => {
        if (!(await markSucceeded(tx, jobId, result, reporter.current()))) throw new JobSuperseded(`job ${jobId} ended meanwhile`);
        succeeded = true;
        return result;
      },
    };
    const result = await definition.handler(payload, context);
    clearInterval(heartbeat);
    await reporter.close();
    if (!succeeded) await markSucceeded(db, jobId, result, reporter.current());
  } catch (error) {
    clearInterval(heartbeat);
    await reporter.close();
    if (error instanceof JobSuperseded) return;
    if (isAppError(error) || delivery.retryCount >= delivery.retryLimit) {
      await markFailed(jobId, error);
      if (isAppError(error)) return;
    } else {
      // pg-boss will deliver it again: show it as waiting, with the attempt count kept.
      logError(`job-${job.kind}-retry`, error);
      await db.$executeRaw`UPDATE jobs SET status = 'queued', phase = NULL, updated_at = now() WHERE id = ${jobId}::uuid AND status = 'running'`;
    }
    throw error;
  }
}

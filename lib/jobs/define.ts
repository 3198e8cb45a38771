// Background jobs: long work (imports, previews, rolls, scans, summary refreshes) runs as a job
// stored in PostgreSQL, never inside one web request and never with its state in one process's
// memory. pg-boss (schema `pgboss`) delivers, retries and schedules; our `jobs` table is what
// people see: kind, region, who asked, status, progress, result, error. ADR 015.
//
// The pattern — copy it:
//
//   // lib/<domain>/<thing>-job.ts
//   export const recomputeJob = defineJob({
//     kind: "entitlement-recompute",                 // also the pg-boss queue name
//     payload: z.object({ countyCode: z.string().regex(/^\d{6}$/) }),
//     requestAction: "entitlement.manage",           // who may ask for it (checked on enqueue)
//     readAction: "entitlement.read",                // who may see it (besides its region)
//     dedupeKey: (p) => p.countyCode,                // one at a time per county (optional)
//     async handler(payload, ctx) {
//       // 1. Read and compute without holding a transaction, reporting progress. The reporter
//       //    never blocks: call it as often as you like.
//       ctx.progress(0, total, "load");
//       ...
//       // 2. Write everything in ONE transaction, and mark the job done LAST in that same
//       //    transaction: killed before the commit, nothing is written and the retry starts
//       //    over; killed after it, the job is already done. (ctx.succeed locks the job's row,
//       //    so progress reports wait from then on: call it last.) Take ctx.lock(tx) first when
//       //    two runs with the same key must never write at once.
//       return db.$transaction(async (tx) => {
//         await ctx.lock(tx);
//         await tx.thing.deleteMany({ where: { countyCode } }); // re-running gives the same rows
//         ...
//         return ctx.succeed(tx, { written: n });            // the result summary (JSON)
//       });
//     },
//   });
//   // and one import line in lib/jobs/kinds.ts.
//
//   // The service that asks for it (thin actions call this; checks and audit happen inside):
//   const { job, created } = await enqueueJob(recomputeJob, actor, meta, { countyCode });
//   // → the page shows <JobProgress job={job} /> (components/jobs/job-progress.tsx), which
//   //   polls GET /api/v1/jobs/{id} in the caller's region (404 outside).
//
// Handlers run as the account that asked (re-read when the job starts: a disabled account's
// jobs fail) or, for scheduled jobs, as the county's system actor; they call the same services
// as pages do, so the same checks apply. Throw AppError for a refusal people should read (no
// retry); anything else is retried (retryLimit) and then reported with an event id.
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import type { TAction } from "@/lib/authz/policy";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";

/** A JSON value: what a job's result may hold. */
export type TJson = string | number | boolean | null | TJson[] | { [key: string]: TJson | undefined };

/**
 * Reports how far the job is: `done` of `total` units, in a phase (a message key under
 * jobs.phase, e.g. "validate"). Never blocks and never throws; writes are coalesced.
 */
export type TJobProgress = (done: number, total: number, phase?: string) => void;

export type TJobContext = {
  jobId: string;
  /** The account that asked, as it is now; the county's system actor for scheduled jobs. */
  actor: TActor;
  meta: TRequestMeta;
  /** 1 on the first run; more after a crash or a failure that is retried. */
  attempt: number;
  progress: TJobProgress;
  /**
   * Takes a transaction-scoped advisory lock on this job's kind and de-duplication key, so that
   * two runs with the same key (a retry racing a slow first run) never write at once.
   */
  lock: (tx: Tx) => Promise<void>;
  /** Marks the job succeeded with `result` inside the handler's own write transaction. */
  succeed: <R extends TJson>(tx: Tx, result: R) => Promise<R>;
};

export type TJobDefinition<P = unknown, R extends TJson = TJson> = {
  /** Lower-case words joined by hyphens: the pg-boss queue name too. */
  kind: string;
  payload: z.ZodType<P>;
  /** Who may ask for the job (besides the region, which must be the actor's or inside it). */
  requestAction: TAction;
  /** Who may see the job and its outcome, in its region. */
  readAction: TAction;
  /** At most one queued or running job per key: a second request gets the first one back. */
  dedupeKey?: (payload: P) => string | null;
  /** A job running longer is considered lost and retried (pg-boss expiration). Default 1 hour. */
  expireInSeconds?: number;
  /** Retries after an unexpected failure or a lost worker. Default 2. */
  retryLimit?: number;
  handler: (payload: P, ctx: TJobContext) => Promise<R>;
};

export const DEFAULT_EXPIRE_SECONDS = 60 * 60;
export const DEFAULT_RETRY_LIMIT = 2;
const KIND = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

// On globalThis: route handlers, server actions and the worker may be bundled apart and must
// share one registry.
const globalForJobs = globalThis as unknown as { yiyangJobKinds?: Map<string, TJobDefinition> };
const registry = (globalForJobs.yiyangJobKinds ??= new Map());

/** Declares a job kind and registers it with the worker and the status queries. */
export function defineJob<P, R extends TJson>(definition: TJobDefinition<P, R>): TJobDefinition<P, R> {
  if (!KIND.test(definition.kind) || definition.kind.length > 60) throw new Error(`job kind must be kebab-case: ${definition.kind}`);
  registry.set(definition.kind, definition as unknown as TJobDefinition);
  return definition;
}

export function jobDefinition(kind: string): TJobDefinition | undefined {
  return registry.get(kind);
}

export function jobDefinitions(): TJobDefinition[] {
  return [...registry.values()];
}

// Asking for a job. The `jobs` row, its pg-boss delivery and the audit record are written in one
// transaction (the caller's, when given): a job exists for people exactly when a worker will
// get it, and a rolled-back request leaves neither. See lib/jobs/define.ts for the pattern.
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/authz/policy";
import { isInScope } from "@/lib/authz/scope";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { recordAudit } from "@/lib/audit/record";
import { pathOf, type TRegionPath } from "@/lib/regions/path";
import { getBoss } from "@/lib/jobs/boss";
import { DEFAULT_EXPIRE_SECONDS, DEFAULT_RETRY_LIMIT, type TJobDefinition, type TJson } from "@/lib/jobs/define";
import { toJobView, type TJobView } from "@/lib/jobs/view";
import { runJob } from "@/lib/jobs/runner";

export type TEnqueueOptions = {
  /** The region the job is about; the actor's own by default. Must be inside the actor's. */
  region?: TRegionPath;
  /** Enqueue inside the caller's transaction (the job exists only if it commits). */
  tx?: Tx;
  /** Overrides the kind's expiration (a test that kills its worker waits less). */
  expireInSeconds?: number;
};

export type TEnqueued = {
  job: TJobView;
  /** false: a job with the same key was already queued or running, and that one is returned. */
  created: boolean;
};

/** What pg-boss needs to insert its job row through an open Prisma transaction. */
function bossDbOf(tx: Tx) {
  return {
    executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
  };
}

/**
 * Queues a job of `definition` for `payload` on behalf of `actor`. With a de-duplication key,
 * a request while a job with the same key is queued or running gets that job back
 * (`created: false`); if that job is outside the actor's region, JOB_RUNNING.
 */
export async function enqueueJob<P, R extends TJson>(
  definition: TJobDefinition<P, R>,
  actor: TActor,
  meta: TRequestMeta,
  input: P,
  options: TEnqueueOptions = {},
): Promise<TEnqueued> {
  const boss = await getBoss();
  return createJob(definition, actor, meta, input, options, async (tx, id) => {
    // The data as JSON text: it travels through Prisma's raw query into a jsonb column.
    const sent = await boss.send(definition.kind, JSON.stringify({ jobId: id }) as unknown as object, {
      id,
      db: bossDbOf(tx),
      retryLimit: definition.retryLimit ?? DEFAULT_RETRY_LIMIT,
      expireInSeconds: options.expireInSeconds ?? definition.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
    } as Parameters<typeof boss.send>[2]);
    if (sent !== id) throw new Error(`job queue ${definition.kind} refused job ${id}`);
  });
}

/**
 * Runs a job of `definition` in this process, now, recorded like any other (row, audit record,
 * progress, outcome), and returns it ended. For the command line and the demo data, which have
 * no worker and want the answer. If a job with the same key is already queued or running, that
 * one is returned as it is. Should this process die mid-way, the sweep of any worker sends the
 * job to the queue (lib/jobs/worker.ts).
 */
export async function runJobHere<P, R extends TJson>(
  definition: TJobDefinition<P, R>,
  actor: TActor,
  meta: TRequestMeta,
  input: P,
  options: Omit<TEnqueueOptions, "tx" | "expireInSeconds"> = {},
): Promise<TEnqueued> {
  const queued = await createJob(definition, actor, meta, input, options, async () => {});
  if (!queued.created) return queued;
  await runJob(queued.job.id);
  return { job: toJobView(await db.job.findUniqueOrThrow({ where: { id: queued.job.id } })), created: true };
}

/** Checks, inserts the row (de-duplicated), delivers it with `deliver` and audits, in one transaction. */
async function createJob<P, R extends TJson>(
  definition: TJobDefinition<P, R>,
  actor: TActor,
  meta: TRequestMeta,
  input: P,
  options: TEnqueueOptions,
  deliver: (tx: Tx, id: string) => Promise<void>,
): Promise<TEnqueued> {
  const region = options.region ? pathOf(options.region) : pathOf(actor);
  assertCan(actor, definition.requestAction, region);
  const payload = definition.payload.parse(input);
  const dedupeKey = definition.dedupeKey?.(payload) ?? null;

  const run = async (tx: Tx): Promise<TEnqueued> => {
    for (let round = 0; round < 3; round++) {
      const id = randomUUID();
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO jobs (id, kind, county_code, township_code, village_code, requested_by_id, requested_by,
                          request_ip, request_agent, dedupe_key, payload)
        VALUES (${id}::uuid, ${definition.kind}, ${region.countyCode}, ${region.townshipCode}, ${region.villageCode},
                ${actor.userId}::uuid, ${actor.username}, ${meta.ip?.slice(0, 64) ?? null}, ${meta.userAgent?.slice(0, 300) ?? null},
                ${dedupeKey}, ${JSON.stringify(payload)}::jsonb)
        ON CONFLICT (kind, dedupe_key) WHERE status IN ('queued', 'running') AND dedupe_key IS NOT NULL DO NOTHING
        RETURNING id::text AS id`;
      if (inserted.length === 1) {
        await deliver(tx, id);
        await recordAudit(tx, actor, meta, {
          type: "job.requested",
          entityType: "job",
          entityId: id,
          ...region,
          after: { kind: definition.kind, ...(dedupeKey ? { key: dedupeKey } : {}) },
        });
        return { job: toJobView(await tx.job.findUniqueOrThrow({ where: { id } })), created: true };
      }
      // Someone else's job holds the key: hand it back if the actor may see it.
      const running = await tx.job.findFirst({ where: { kind: definition.kind, dedupeKey, status: { in: ["queued", "running"] } } });
      if (!running) continue; // it ended meanwhile: try again
      if (!isInScope(actor, running)) throw new AppError("JOB_RUNNING", `a ${definition.kind} job for ${dedupeKey} is running`);
      return { job: toJobView(running), created: false };
    }
    throw new AppError("JOB_RUNNING", `could not queue ${definition.kind} for ${dedupeKey}`);
  };
  return options.tx ? run(options.tx) : db.$transaction(run);
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createActor, createUser, YANGLING } from "@/lib/testing/factories";
import { startTestWorker, stopTestWorker, waitForJob } from "@/lib/testing/jobs";
import { errorCodeOf } from "@/lib/testing/error-code";
import { actorFromUser } from "@/lib/users/actor-from-user";
import { writeCountySetting } from "@/lib/settings/county-settings";
import type { TActor } from "@/lib/authz/actor";
import { defineJob } from "@/lib/jobs/define";
import { enqueueJob, runJobHere } from "@/lib/jobs/service";
import { getJob, latestJob, listJobs } from "@/lib/jobs/queries";
import { runJob } from "@/lib/jobs/runner";
import { sweepLostJobs } from "@/lib/jobs/worker";
import { getBoss } from "@/lib/jobs/boss";
import { countiesInUse, nightlyPerCounty } from "@/lib/jobs/schedules";

// The queue end to end against the real database: jobs of test-only kinds are queued through
// the service, worked by a worker in this process, and read back through the scoped queries.

const meta = { ip: "10.0.0.9", userAgent: "vitest" };

/** Lets a test hold a running job at a point and release it (before or after it gets there). */
const gates = new Map<string, () => void>();
const released = new Set<string>();
const gate = (name: string) => (released.has(name) ? Promise.resolve() : new Promise<void>((resolve) => gates.set(name, resolve)));
const release = (name: string) => {
  released.add(name);
  gates.get(name)?.();
};

const countJob = defineJob({
  kind: "test-count",
  payload: z.object({ county: z.string(), n: z.number().int(), hold: z.string().optional(), fail: z.enum(["refuse", "crash"]).optional() }),
  requestAction: "settings.manage",
  readAction: "settings.manage",
  dedupeKey: (p) => p.county,
  retryLimit: 1,
  async handler(payload, ctx) {
    ctx.progress(0, payload.n, "count");
    for (let i = 1; i <= payload.n; i++) {
      ctx.progress(i, payload.n);
      if (payload.hold && i === Math.ceil(payload.n / 2)) await gate(payload.hold);
    }
    if (payload.fail === "refuse") throw new AppError("VALIDATION", "refused", { fieldErrors: { n: ["validation.invalid"] } });
    if (payload.fail === "crash") throw new Error("boom");
    // The write and the job's outcome commit together.
    return db.$transaction(async (tx) => {
      await ctx.lock(tx);
      await writeCountySetting(tx, ctx.actor, ctx.meta, "test.counted", payload.n, { before: { key: "test.counted" }, after: { key: "test.counted", counted: payload.n } });
      return ctx.succeed(tx, { counted: payload.n, attempt: ctx.attempt, by: ctx.actor.username });
    });
  },
});

let attemptsSeen = 0;
const flakyJob = defineJob({
  kind: "test-flaky",
  payload: z.object({}),
  requestAction: "settings.manage",
  readAction: "settings.manage",
  retryLimit: 2,
  async handler(_payload, ctx) {
    attemptsSeen++;
    if (ctx.attempt < 3) throw new Error(`attempt ${ctx.attempt} fails`);
    return { attempt: ctx.attempt };
  },
});

const stuckJob = defineJob({
  kind: "test-stuck",
  payload: z.object({}),
  requestAction: "settings.manage",
  readAction: "settings.manage",
  retryLimit: 1,
  async handler(_payload, ctx) {
    // The first run never ends, like a worker that hangs or died: pg-boss expires it and the
    // retry finishes.
    if (ctx.attempt === 1) await new Promise(() => {});
    return { attempt: ctx.attempt };
  },
});

let admin: TActor;
let otherAdmin: TActor;
let reviewer: TActor;

beforeAll(async () => {
  admin = await createActor({ role: "county_admin" });
  otherAdmin = await createActor({ role: "county_admin", regionCode: YANGLING.otherCounty });
  reviewer = await createActor({ role: "township_reviewer", regionCode: YANGLING.township1 });
  await startTestWorker();
});

afterAll(async () => {
  for (const name of gates.keys()) release(name);
  await stopTestWorker();
});

describe("enqueue, progress and outcome", () => {
  it("runs a queued job to completion, with its progress, result and audit record in the database", async () => {
    const { job, created } = await enqueueJob(countJob, admin, meta, { county: "610403", n: 10, hold: "first" });
    expect(created).toBe(true);
    expect(job.status).toBe("queued");
    const audit = await db.auditLog.findFirstOrThrow({ where: { event: "job.requested", entityId: job.id } });
    expect(audit).toMatchObject({ countyCode: "610403", actorUsername: admin.username, ip: "10.0.0.9" });

    // Held half-way: the row shows the progress to any process that reads it.
    const midway = await waitForJob(job.id, { until: (j) => j.status === "running" && j.progressDone === 5 });
    expect(midway).toMatchObject({ phase: "count", progressTotal: 10, attempts: 1 });
    expect((await getJob(admin, job.id)).progress).toEqual({ done: 5, total: 10 });
    release("first");

    const done = await waitForJob(job.id);
    expect(done).toMatchObject({ status: "succeeded", progressDone: 10, progressTotal: 10, errorCode: null });
    expect(done.result).toEqual({ counted: 10, attempt: 1, by: admin.username });
    expect(done.finishedAt).not.toBeNull();
    // The handler's write ran as the account that asked, with the request's address.
    const written = await db.auditLog.findFirstOrThrow({ where: { event: "setting.updated", countyCode: "610403" }, orderBy: { id: "desc" } });
    expect(written).toMatchObject({ actorUsername: admin.username, ip: "10.0.0.9" });
  });

  it("gives a second request for the same key the running job back, and queues a new one once it ended", async () => {
    const first = await enqueueJob(countJob, admin, meta, { county: "610403", n: 4, hold: "dedupe" });
    await waitForJob(first.job.id, { until: (j) => j.status === "running" });
    const again = await Promise.all([1, 2, 3].map(() => enqueueJob(countJob, admin, meta, { county: "610403", n: 99 })));
    expect(again.map((r) => [r.created, r.job.id])).toEqual([1, 2, 3].map(() => [false, first.job.id]));
    expect(await db.job.count({ where: { kind: "test-count", status: { in: ["queued", "running"] } } })).toBe(1);
    release("dedupe");
    await waitForJob(first.job.id);
    const next = await enqueueJob(countJob, admin, meta, { county: "610403", n: 2 });
    expect(next.created).toBe(true);
    expect(next.job.id).not.toBe(first.job.id);
    expect((await waitForJob(next.job.id)).status).toBe("succeeded");
  });

  it("lets only one of simultaneous first requests create the job", async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => enqueueJob(countJob, admin, meta, { county: "610403", n: 1, hold: "race" })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.job.id)).size).toBe(1);
    release("race");
    await waitForJob(results[0].job.id);
  });

  it("answers JOB_RUNNING when the running job with that key is outside the caller's region", async () => {
    const county = await enqueueJob(countJob, admin, meta, { county: "610403", n: 2, hold: "scope" });
    const township = { ...admin, role: "county_admin" as const, regionLevel: "township" as const, regionCode: YANGLING.township1, townshipCode: "610403001" };
    expect(await errorCodeOf(enqueueJob(countJob, township, meta, { county: "610403", n: 2 }))).toBe("JOB_RUNNING");
    release("scope");
    await waitForJob(county.job.id);
  });

  it("writes nothing when the enqueueing transaction rolls back", async () => {
    const before = await db.job.count();
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(countJob, admin, meta, { county: "610403", n: 1 }, { tx });
        throw new Error("caller changed its mind");
      }),
    ).rejects.toThrow("caller changed its mind");
    expect(await db.job.count()).toBe(before);
    const boss = await getBoss();
    expect(await boss.getQueueSize("test-count")).toBe(0);
  });

  it("refuses a role that may not ask, and a region outside the actor's, writing nothing", async () => {
    const before = await db.job.count();
    expect(await errorCodeOf(enqueueJob(countJob, reviewer, meta, { county: "610403", n: 1 }))).toBe("FORBIDDEN");
    expect(
      await errorCodeOf(enqueueJob(countJob, admin, meta, { county: "330727", n: 1 }, { region: { countyCode: "330727", townshipCode: null, villageCode: null } })),
    ).toBe("NOT_FOUND");
    expect(await db.job.count()).toBe(before);
  });
});

describe("failures", () => {
  it("stores a refusal in the people's words and does not retry it", async () => {
    const { job } = await enqueueJob(countJob, admin, meta, { county: "610403", n: 3, fail: "refuse" });
    const done = await waitForJob(job.id);
    expect(done).toMatchObject({ status: "failed", errorCode: "VALIDATION", attempts: 1 });
    expect(done.errorMessage).toBe("填写的内容有误，请按提示修改。格式不正确。");
    expect(await db.countySetting.count({ where: { key: "test.counted", value: { equals: 3 } } })).toBe(0);
    // The setting the job would have written was not.
    const view = await getJob(admin, job.id, { locale: "en" });
    expect(view.error?.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("retries an unexpected failure, then stores it with an event id", async () => {
    const { job } = await enqueueJob(countJob, admin, meta, { county: "610403", n: 1, fail: "crash" });
    const done = await waitForJob(job.id);
    expect(done).toMatchObject({ status: "failed", errorCode: "INTERNAL", attempts: 2 });
    expect(done.errorMessage).toMatch(/^系统出现错误，请稍后重试。如问题持续，请将事件编号 [0-9a-f]{8} 告知管理员。$/);
  });

  it("succeeds on a retry after failed attempts, counting them", async () => {
    attemptsSeen = 0;
    const { job } = await enqueueJob(flakyJob, admin, meta, {});
    const done = await waitForJob(job.id, { timeoutMs: 30_000 });
    expect(done).toMatchObject({ status: "succeeded", attempts: 3, result: { attempt: 3 } });
    expect(attemptsSeen).toBe(3);
  });

  it("gives a job whose run hangs past its expiration to another run", async () => {
    const { job } = await enqueueJob(stuckJob, admin, meta, {}, { expireInSeconds: 1 });
    const done = await waitForJob(job.id, { timeoutMs: 30_000 });
    expect(done).toMatchObject({ status: "succeeded", attempts: 2, result: { attempt: 2 } });
  });

  it("fails the job of an account disabled since it asked", async () => {
    const user = await createUser({ role: "county_admin" });
    const { job } = await enqueueJob(countJob, actorFromUser(user), meta, { county: "610403", n: 1, hold: "disable" });
    await waitForJob(job.id, { until: (j) => j.status === "running" });
    // The job is held after it started; the next one from this account starts after the change.
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    release("disable");
    await waitForJob(job.id);
    const second = await enqueueJob(countJob, actorFromUser(user), meta, { county: "610403", n: 1 });
    const done = await waitForJob(second.job.id);
    expect(done).toMatchObject({ status: "failed", errorCode: "ACCOUNT_DISABLED" });
  });

  it("leaves a job that already ended alone when it is delivered again", async () => {
    const { job } = await enqueueJob(countJob, admin, meta, { county: "610403", n: 1 });
    const done = await waitForJob(job.id);
    await runJob(job.id);
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toEqual(done);
  });
});

describe("running here", () => {
  it("runs a job in this process, recorded like any other, with no delivery behind it", async () => {
    const { job, created } = await runJobHere(countJob, admin, meta, { county: "610403", n: 3 });
    expect(created).toBe(true);
    expect(job).toMatchObject({ status: "succeeded", attempts: 1, progress: { done: 3, total: 3 }, result: { counted: 3, by: admin.username } });
    expect(await db.auditLog.count({ where: { event: "job.requested", entityId: job.id } })).toBe(1);
    expect(await (await getBoss()).getJobById("test-count", job.id)).toBeNull();
    // A refusal ends the job as failed, as in a worker.
    const refused = await runJobHere(countJob, admin, meta, { county: "610403", n: 1, fail: "refuse" });
    expect(refused.job).toMatchObject({ status: "failed", error: { code: "VALIDATION" } });
  });
});

describe("lost deliveries", () => {
  it("sends a row again whose delivery is missing, and fails one whose delivery ended without it", async () => {
    const [{ id: orphan }] = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO jobs (id, kind, county_code, requested_by_id, requested_by, dedupe_key, payload, updated_at)
      VALUES (gen_random_uuid(), 'test-count', '610403', ${admin.userId}::uuid, ${admin.username}, 'orphan', '{"county":"610403","n":2}', now() - interval '5 minutes')
      RETURNING id::text AS id`;
    // A row whose delivery ended (e.g. a dead worker's retries ran out) while it still says running.
    const [{ id: lost }] = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO jobs (id, kind, status, county_code, requested_by, payload, updated_at)
      VALUES (gen_random_uuid(), 'test-count', 'running', '610403', 'lost', '{"county":"610403","n":2}', now() - interval '5 minutes')
      RETURNING id::text AS id`;
    const boss = await getBoss();
    await boss.send("test-count", { jobId: lost }, { id: lost, startAfter: 3600 });
    await boss.cancel("test-count", lost);

    expect(await sweepLostJobs()).toEqual({ resent: 1, restarted: 0, failed: 1 });
    expect((await waitForJob(orphan)).status).toBe("succeeded");
    const failed = await db.job.findUniqueOrThrow({ where: { id: lost } });
    expect(failed).toMatchObject({ status: "failed", errorCode: "JOB_INTERRUPTED" });
    expect(failed.errorMessage).toContain("任务意外中断");
  });
});

describe("reading jobs", () => {
  it("shows a job only inside the caller's region and to roles that may read its kind", async () => {
    const { job } = await enqueueJob(countJob, admin, meta, { county: "610403", n: 1 });
    await waitForJob(job.id);
    expect((await getJob(admin, job.id)).status).toBe("succeeded");
    expect(await errorCodeOf(getJob(otherAdmin, job.id))).toBe("NOT_FOUND");
    expect(await errorCodeOf(getJob(reviewer, job.id))).toBe("NOT_FOUND"); // a county job is outside a township
    const viewer = await createActor({ role: "viewer" });
    expect(await errorCodeOf(getJob(viewer, job.id))).toBe("FORBIDDEN");
    expect(await errorCodeOf(getJob(admin, "00000000-0000-4000-8000-000000000000"))).toBe("NOT_FOUND");

    expect((await listJobs(admin)).map((j) => j.id)).toContain(job.id);
    expect(await listJobs(otherAdmin)).toEqual([]);
    expect(await listJobs(viewer)).toEqual([]);
    expect((await latestJob(admin, "test-count", "610403"))?.createdAt).toBe((await listJobs(admin, { kind: "test-count", limit: 1 }))[0].createdAt);
  });
});

describe("nightly schedules", () => {
  it("queue one job per county in use, as the county's system actor, de-duplicated", async () => {
    const counties = await countiesInUse();
    expect(counties).toEqual(expect.arrayContaining(["610403", "330727"]));
    const perCounty = defineJob({
      kind: "test-nightly",
      payload: z.object({ countyCode: z.string() }),
      requestAction: "settings.manage",
      readAction: "settings.manage",
      dedupeKey: (p) => p.countyCode,
      handler: async (p, ctx) => ({ county: p.countyCode, by: ctx.actor.username, role: ctx.actor.role }),
    });
    const schedule = nightlyPerCounty("nightly-test", "30 1 * * *", perCounty);
    await schedule.run();
    await schedule.run(); // a second tick while they wait adds nothing
    await startTestWorker(); // works the kind defined just now
    const jobs = await db.job.findMany({ where: { kind: "test-nightly" } });
    expect(jobs.map((j) => j.countyCode).sort()).toEqual(counties);
    for (const j of jobs) {
      const done = await waitForJob(j.id);
      expect(done.result).toEqual({ county: j.countyCode, by: "nightly", role: "system" });
      expect(done.requestedBy).toBe("nightly");
    }
  });
});

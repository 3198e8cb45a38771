// Helpers for tests that run background jobs in the test process.
import { db } from "@/lib/db";
import { startWorker, stopWorker, type TWorkerOptions } from "@/lib/jobs/worker";
import type { Job } from "@/lib/generated/prisma/client";

/** A worker that polls fast and fires no schedules, for integration tests. */
export function startTestWorker(options: TWorkerOptions = {}): Promise<void> {
  return startWorker({ pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, sweepIntervalSeconds: 3600, schedules: false, ...options });
}

export { stopWorker as stopTestWorker };

/** Waits until the job row satisfies `done` (default: it finished), polling the database. */
export async function waitForJob(id: string, options: { timeoutMs?: number; until?: (job: Job) => boolean } = {}): Promise<Job> {
  const until = options.until ?? ((job) => job.status === "succeeded" || job.status === "failed");
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const job = await db.job.findUniqueOrThrow({ where: { id } });
    if (until(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} (${job.phase ?? "-"} ${job.progressDone}/${job.progressTotal})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

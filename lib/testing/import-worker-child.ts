// A worker process for the kill -9 test (lib/elders/import-job.int.test.ts): it works jobs like
// any worker, except that an elder import stops for good once it has written its first chunk,
// inside its open transaction, and says so on stdout ("MIDWAY <jobId>"). The test then kills this
// process with SIGKILL, as an operator or the OOM killer would.
import { elderImportJob } from "@/lib/elders/import-job";
import { startWorker } from "@/lib/jobs/worker";

const original = elderImportJob.handler;
elderImportJob.handler = (payload, ctx) =>
  original(payload, {
    ...ctx,
    progress: ((done: number, total: number, phase?: string) => {
      ctx.progress(done, total, phase);
      if (phase === "write" && done > 0) {
        process.stdout.write(`MIDWAY ${ctx.jobId}\n`);
        // The import awaits its progress listener: it never gets past this chunk.
        return new Promise(() => {});
      }
    }) as typeof ctx.progress,
  });

await startWorker({ pollingIntervalSeconds: 0.5, schedules: false, sweepIntervalSeconds: 3600 });
process.stdout.write("READY\n");

import type { Command } from "commander";
import { z } from "zod";
import { print, withDatabase } from "./context";
import { db } from "@/lib/db";
import { systemActor } from "@/lib/authz/actor";
import { getJob, listJobs } from "@/lib/jobs/queries";
import { startWorker, stopWorker } from "@/lib/jobs/worker";
import type { TJobView } from "@/lib/jobs/view";
import { translator } from "@/lib/i18n/translate";

// Background jobs from the command line: a worker process for deployments whose web servers do
// not work jobs (JOBS_WORKER=off), and the jobs of a county as the system sees them.

const ZCounty = z.string().regex(/^\d{6}$/, { message: "--county 须为 6 位县级区划代码，如 610403" });
const ZJobId = z.string().uuid({ message: "任务 ID 须为 UUID（见 jobs list 的输出）" });

function line(job: TJobView): string {
  const t = translator();
  const kind = t.has(`jobs.kind.${job.kind}` as never) ? t(`jobs.kind.${job.kind}` as never) : job.kind;
  const progress = job.progress.total ? ` ${job.progress.done}/${job.progress.total}` : "";
  const error = job.error ? `  ${job.error.message}` : "";
  return `${job.id}  ${kind}  ${t(`jobs.status.${job.status}` as never)}${progress}  ${job.requestedBy}  ${job.createdAt.replace("T", " ").slice(0, 19)}${error}`;
}

export function registerJobCommands(program: Command) {
  const jobs = program.command("jobs").description("后台任务：运行任务进程，查看任务的进度和结果");
  jobs
    .command("work")
    .description("在本进程中处理后台任务（含每晚的定时任务），直到按 Ctrl-C；网页服务设置 JOBS_WORKER=off 时用它单独运行")
    .action(async (_opts, command: Command) => {
      await withDatabase(async () => {
        await startWorker();
        print(command, { working: true }, () => "后台任务进程已启动，按 Ctrl-C 停止。");
        await new Promise<void>((resolve) => {
          process.once("SIGINT", resolve);
          process.once("SIGTERM", resolve);
        });
        // Running jobs get time to finish; one that does not is retried by another worker later.
        await stopWorker(30_000);
      });
    });
  jobs
    .command("list")
    .description("列出一个县最近的后台任务")
    .requiredOption("--county <code>", "县级区划代码，如 610403")
    .option("--limit <n>", "条数（最多 200）", "20")
    .action(async (opts: { county: string; limit: string }, command: Command) => {
      const county = ZCounty.parse(opts.county);
      const rows = await withDatabase(() => listJobs(systemActor(county, "cli"), { limit: Number(opts.limit) || 20 }));
      print(command, rows, () => (rows.length ? rows.map(line).join("\n") : `${county} 没有后台任务`));
    });
  jobs
    .command("show")
    .description("一个后台任务的状态、进度和结果")
    .argument("<id>", "任务 ID")
    .action(async (id: string, _opts, command: Command) => {
      const jobId = ZJobId.parse(id);
      const job = await withDatabase(async () => {
        const row = await db.job.findUnique({ where: { id: jobId }, select: { countyCode: true } });
        return getJob(systemActor(row?.countyCode ?? "000000", "cli"), jobId);
      });
      print(command, job, () => `${line(job)}${job.result !== null ? `\n${JSON.stringify(job.result, null, 2)}` : ""}`);
    });
}

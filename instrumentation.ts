// Runs once when a Next.js server process starts: it also works background jobs (JOBS_WORKER,
// default "on"). See lib/jobs/worker.ts and docs/decisions/015-background-jobs.md.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServerWorker } = await import("@/lib/jobs/worker");
  await startServerWorker();
}

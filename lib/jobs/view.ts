// A job as pages, the JSON API and the progress component see it. Pure.
import type { Job } from "@/lib/generated/prisma/client";
import type { TJson } from "@/lib/jobs/define";

export type TJobStatus = "queued" | "running" | "succeeded" | "failed";

export type TJobView = {
  id: string;
  kind: string;
  status: TJobStatus;
  countyCode: string;
  townshipCode: string | null;
  villageCode: string | null;
  requestedBy: string;
  /** A message key under jobs.phase, or null. */
  phase: string | null;
  progress: { done: number; total: number };
  /** The kind's own summary, once succeeded. */
  result: TJson | null;
  error: { code: string; message: string } | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
};

export type TErrorDetail = { params?: Record<string, string | number>; fieldErrors?: Record<string, string[]> };

/** Whether the job may still change (the progress component keeps polling). */
export const isActive = (status: TJobStatus) => status === "queued" || status === "running";

/** Fraction done in [0, 1], or null while the total is unknown. */
export function fractionDone(progress: { done: number; total: number }): number | null {
  if (progress.total <= 0) return null;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}

/**
 * The row as a view. `sayError` renders a stored failure in the reader's locale (from its code
 * and detail); without it the stored Chinese message is used.
 */
export function toJobView(row: Job, sayError?: (code: string, detail: TErrorDetail | null) => string | null): TJobView {
  const detail = (row.errorDetail ?? null) as TErrorDetail | null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    countyCode: row.countyCode,
    townshipCode: row.townshipCode,
    villageCode: row.villageCode,
    requestedBy: row.requestedBy,
    phase: row.phase,
    progress: { done: row.progressDone, total: row.progressTotal },
    result: row.status === "succeeded" ? ((row.result ?? null) as TJson | null) : null,
    error:
      row.status === "failed"
        ? { code: row.errorCode ?? "INTERNAL", message: (row.errorCode && sayError?.(row.errorCode, detail)) || row.errorMessage || "" }
        : null,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Whole minutes and seconds of a duration (for "3 分 5 秒"); negative durations count as 0. */
export function durationParts(ms: number): { minutes: number; seconds: number } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** How long the job has run (until now while it runs), or null before it started. */
export function runningTime(job: Pick<TJobView, "startedAt" | "finishedAt">, now: number): number | null {
  if (!job.startedAt) return null;
  return (job.finishedAt ? Date.parse(job.finishedAt) : now) - Date.parse(job.startedAt);
}

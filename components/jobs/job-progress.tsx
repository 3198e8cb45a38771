"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { cn } from "@/components/ui/cn";
import { durationParts, fractionDone, isActive, runningTime, type TJobStatus, type TJobView } from "@/lib/jobs/view";

const STATUS_TONE: Record<TJobStatus, "gray" | "blue" | "green" | "red"> = { queued: "gray", running: "blue", succeeded: "green", failed: "red" };
const MAX_POLL_MS = 10_000;

/**
 * A background job's progress and outcome, kept current by polling GET /api/v1/jobs/{id} (in
 * the caller's region) while the job is queued or running. When it ends, `onFinished` gets the
 * final job and, with `refreshOnFinish`, the page's server components render again (to show
 * what the job wrote). Fits a 390 px screen. Give it `key={job.id}` where another job may
 * take its place.
 */
export function JobProgress({
  job: initial,
  onFinished,
  refreshOnFinish = false,
  pollMs = 1000,
  className,
}: {
  job: TJobView;
  onFinished?: (job: TJobView) => void;
  refreshOnFinish?: boolean;
  pollMs?: number;
  className?: string;
}) {
  const t = useTranslations("jobs");
  const router = useRouter();
  const [job, setJob] = useState(initial);
  const [problem, setProblem] = useState<"poll" | "gone" | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  useEffect(() => {
    if (!isActive(job.status) || problem === "gone") return;
    let cancelled = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const response = await fetch(`/api/v1/jobs/${job.id}`, { cache: "no-store", headers: { accept: "application/json" } });
        if (cancelled) return;
        if (response.status === 404 || response.status === 403) return setProblem("gone");
        if (!response.ok) throw new Error(`status ${response.status}`);
        const next = (await response.json()) as TJobView;
        if (cancelled) return;
        failures = 0;
        setProblem(null);
        setNow(Date.now());
        setJob(next);
        if (!isActive(next.status)) {
          finished.current?.(next);
          if (refreshOnFinish) router.refresh();
          return;
        }
      } catch {
        if (cancelled) return;
        failures++;
        setProblem("poll");
      }
      // Back off while the server does not answer; the job itself runs on regardless.
      timer = setTimeout(poll, Math.min(MAX_POLL_MS, pollMs * 2 ** failures));
    };
    timer = setTimeout(poll, pollMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [job.id, job.status, pollMs, problem, refreshOnFinish, router]);

  const fraction = fractionDone(job.progress);
  const percent = fraction === null ? null : Math.floor(fraction * 100);
  const phase = job.phase ? (t.has(`phase.${job.phase}`) ? t(`phase.${job.phase}`) : job.phase) : job.status === "queued" ? t("queuedHint") : t("startingHint");
  const elapsed = runningTime(job, now);
  const duration = elapsed === null ? null : durationParts(elapsed);
  const durationText = duration ? (duration.minutes ? t("minutes", duration) : t("seconds", duration)) : null;
  const valueText =
    percent === null ? t("indeterminate", { phase }) : t("progressValue", { phase, done: job.progress.done, total: job.progress.total });
  // Succeeded jobs show a full bar even when the last figures were coarse.
  const width = job.status === "succeeded" ? 100 : (percent ?? 0);

  return (
    <section aria-label={t("progressLabel")} data-testid="job-progress" data-status={job.status} className={cn("flex w-full min-w-0 flex-col gap-2", className)}>
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 text-sm text-slate-700">
        <span className="flex min-w-0 items-center gap-2">
          <Badge tone={STATUS_TONE[job.status]} className="shrink-0 whitespace-nowrap">
            {t(`status.${job.status}`)}
          </Badge>
          {isActive(job.status) ? <span className="truncate">{phase}</span> : null}
        </span>
        <span className="flex flex-wrap items-center gap-x-3 tabular-nums text-slate-500">
          {percent !== null && isActive(job.status) ? (
            <span data-testid="job-progress-figures">{t("progressText", { done: job.progress.done, total: job.progress.total, percent })}</span>
          ) : null}
          {durationText ? <span>{isActive(job.status) ? t("elapsed", { duration: durationText }) : t("tookTime", { duration: durationText })}</span> : null}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={job.status === "succeeded" ? 100 : (percent ?? undefined)}
        aria-valuetext={job.status === "succeeded" ? t("succeeded") : valueText}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={cn(
            "h-full rounded-full transition-[width] duration-500",
            job.status === "failed" ? "bg-red-500" : job.status === "succeeded" ? "bg-emerald-600" : "bg-sky-600",
            // Nothing to measure yet: a pulsing full-width bar, not a fraction.
            percent === null && isActive(job.status) && "w-full animate-pulse bg-sky-200",
          )}
          style={percent === null && isActive(job.status) ? undefined : { width: `${width}%` }}
        />
      </div>
      {/* Announced once per status or phase change, not on every figure. */}
      <p className="sr-only" aria-live="polite">
        {isActive(job.status) ? t("announce", { status: t(`status.${job.status}`), phase }) : job.status === "succeeded" ? t("succeeded") : ""}
      </p>
      {job.attempts > 1 && isActive(job.status) ? <p className="text-xs text-amber-800">{t("attempts", { attempts: job.attempts })}</p> : null}
      <Notice tone="error" testId="job-error">
        {job.status === "failed" ? t("failed", { message: job.error?.message ?? "" }) : null}
      </Notice>
      <Notice tone="warning">{problem === "poll" ? t("pollError") : problem === "gone" ? t("gone") : null}</Notice>
    </section>
  );
}

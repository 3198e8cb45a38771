"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Play, RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { JobProgress } from "@/components/jobs/job-progress";
import { isActive, type TJobView } from "@/lib/jobs/view";

type TStart = (versionId: string) => Promise<{ ok: boolean; message?: string; job?: TJobView; alreadyRunning?: boolean }>;

/**
 * 开始预览 / 重新预览 and the preview job's progress. The preview runs in the background; when it
 * ends the page renders again with its result.
 */
export function PreviewRunner({ versionId, job: initial, hasResult, start }: { versionId: string; job: TJobView | null; hasResult: boolean; start: TStart }) {
  const t = useTranslations("catalogue.preview");
  const tj = useTranslations("jobs");
  const [job, setJob] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [alreadyRunning, setAlreadyRunning] = useState(false);
  const [busy, setBusy] = useState(false);
  const running = job !== null && isActive(job.status);

  async function run() {
    setBusy(true);
    setMessage(null);
    try {
      const next = await start(versionId);
      if (next.ok && next.job) {
        setJob(next.job);
        setAlreadyRunning(Boolean(next.alreadyRunning));
      } else setMessage(next.message ?? t("startFailed"));
    } catch {
      setMessage(t("startFailed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-3" data-testid="preview-runner">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={run} disabled={busy || running} variant={hasResult ? "secondary" : "primary"} data-testid="preview-start">
          {hasResult ? <RotateCw aria-hidden="true" /> : <Play aria-hidden="true" />}
          {hasResult ? t("again") : t("start")}
        </Button>
        <span className="text-sm text-slate-600">{t("startHint")}</span>
      </div>
      <Notice tone="error">{message}</Notice>
      {alreadyRunning ? <Notice tone="info">{tj("alreadyRunning")}</Notice> : null}
      {job && job.status !== "succeeded" ? <JobProgress key={job.id} job={job} onFinished={setJob} refreshOnFinish /> : null}
    </div>
  );
}

"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Download, FileCheck2, Upload } from "lucide-react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { JobProgress } from "@/components/jobs/job-progress";
import type { TImportJobResult } from "@/lib/elders/import-job";
import type { TJobView } from "@/lib/jobs/view";

/** What the import actions hand back (messages already translated). */
export type TImportJobState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** The queued (or already running) job. */
  job?: TJobView;
  /** The same write was already queued or done: its job is shown. */
  alreadyRunning?: boolean;
};

const MAX_BYTES = 20 * 1024 * 1024; // next.config.js serverActions.bodySizeLimit

const resultOf = (job: TJobView | null) => (job?.status === "succeeded" ? (job.result as TImportJobResult) : null);
const counts = (r: TImportJobResult) => ({ created: r.created, updated: r.updated, unchanged: r.unchanged, invalid: r.invalid });

function Count({ label, value, tone }: { label: string; value: number; tone?: "red" }) {
  return (
    <div className="rounded-md border border-slate-200 px-4 py-2">
      <div className="text-xs text-slate-500">{label}</div>
      <div className={tone === "red" && value > 0 ? "text-xl font-semibold text-red-700" : "text-xl font-semibold text-slate-900"}>{value}</div>
    </div>
  );
}

/**
 * 批量导入: choose a file → 检查文件 (a background job that reports every bad row) → 确认导入 (a
 * second job that writes the valid rows of the same stored file). Both show their progress; the
 * address carries the check's id, so a reload (or coming back later) shows where things are.
 */
export function ImportForm({
  check,
  confirm,
  header,
  optionalColumns,
  initialCheck,
  initialWrite,
}: {
  check: (formData: FormData) => Promise<TImportJobState>;
  confirm: (checkJobId: string) => Promise<TImportJobState>;
  header: string;
  optionalColumns: string;
  initialCheck: TJobView | null;
  initialWrite: TJobView | null;
}) {
  const t = useTranslations("elders.import");
  const tj = useTranslations("jobs");
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [checkJob, setCheckJob] = useState<TJobView | null>(initialCheck);
  const [writeJob, setWriteJob] = useState<TJobView | null>(initialWrite);
  const [state, setState] = useState<TImportJobState | null>(null);
  const [busy, setBusy] = useState<"check" | "confirm" | null>(null);

  async function runCheck() {
    if (!file) return setState({ ok: false, fieldErrors: { file: [t("chooseFile")] } });
    if (file.size > MAX_BYTES) return setState({ ok: false, fieldErrors: { file: [t("tooLarge")] } });
    const formData = new FormData();
    formData.set("file", file);
    setBusy("check");
    try {
      const next = await check(formData);
      setState(next);
      if (next.ok && next.job) {
        setCheckJob(next.job);
        setWriteJob(null);
        router.replace(`/elders/import?job=${next.job.id}`, { scroll: false });
      }
    } catch {
      setState({ ok: false, message: t("failed") });
    } finally {
      setBusy(null);
    }
  }

  async function runConfirm() {
    if (!checkJob) return;
    setBusy("confirm");
    try {
      const next = await confirm(checkJob.id);
      setState(next);
      if (next.ok && next.job) setWriteJob(next.job);
    } catch {
      setState({ ok: false, message: t("failed") });
    } finally {
      setBusy(null);
    }
  }

  function reset() {
    setFile(null);
    setCheckJob(null);
    setWriteJob(null);
    setState(null);
    if (inputRef.current) inputRef.current.value = "";
    router.replace("/elders/import", { scroll: false });
  }

  const report = resultOf(checkJob);
  const written = resultOf(writeJob);
  const total = report ? report.created + report.updated + report.unchanged + report.invalid : 0;
  const writing = writeJob !== null && writeJob.status !== "failed";
  const canConfirm = Boolean(report && !report.fileProblem && !writing && report.created + report.updated > 0);
  const checking = checkJob !== null && (checkJob.status === "queued" || checkJob.status === "running");

  return (
    <div className="flex flex-col gap-4" data-testid="import-form">
      <p className="text-sm text-slate-600">{t("formatHint", { header, optional: optionalColumns })}</p>

      <div className="flex flex-wrap items-end gap-3">
        <Field label={t("file")} hint={t("fileHint")} errors={state?.fieldErrors?.file} className="w-full min-w-0 sm:w-auto sm:min-w-72">
          <Input
            ref={inputRef}
            type="file"
            name="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            disabled={busy !== null || checking}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setState(null);
            }}
            className="h-auto py-1.5"
          />
        </Field>
        <div className="pb-6">
          <Button
            type="button"
            variant={report ? "secondary" : "primary"}
            onClick={runCheck}
            disabled={busy !== null || checking || Boolean(written)}
            data-testid="import-check"
          >
            <FileCheck2 aria-hidden="true" />
            {busy === "check" ? t("uploading") : t("check")}
          </Button>
        </div>
      </div>

      <Notice tone="error" testId="import-message">
        {state && !state.ok && state.message ? state.message : null}
      </Notice>

      {checkJob && checkJob.status !== "succeeded" ? (
        <div className="flex flex-col gap-1" data-testid="import-check-progress">
          <h2 className="text-sm font-medium text-slate-700">{t("checkProgress")}</h2>
          <JobProgress key={checkJob.id} job={checkJob} onFinished={setCheckJob} />
        </div>
      ) : null}

      {report ? (
        <section className="flex flex-col gap-3" aria-labelledby="import-report-title" data-testid="import-report">
          <h2 id="import-report-title" className="text-base font-semibold text-slate-900">
            {t("report")}
            <span className="ml-2 text-sm font-normal text-slate-500">{report.fileName}</span>
          </h2>
          <p className="text-sm text-slate-700" data-testid="import-summary">
            {t("summary", { total, ...counts(report) })}
          </p>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Count label={t("created")} value={report.created} />
            <Count label={t("updated")} value={report.updated} />
            <Count label={t("unchanged")} value={report.unchanged} />
            <Count label={t("invalid")} value={report.invalid} tone="red" />
          </div>

          {report.fileProblem ? <Notice tone="error">{t("fileProblem")}</Notice> : null}
          {report.invalid > 0 && !written ? <Notice tone="warning">{t("invalidNotice", { invalid: report.invalid })}</Notice> : null}

          {report.errors.length > 0 ? (
            <div className="flex flex-col gap-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                {report.errorTotal > report.errors.length ? (
                  <p className="text-xs text-slate-500">{t("errorsShown", { shown: report.errors.length, total: report.errorTotal })}</p>
                ) : (
                  <span />
                )}
                <a
                  href={`/jobs/${checkJob!.id}/file`}
                  className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "h-auto min-h-8 whitespace-normal py-1 text-left")}
                  data-testid="import-download-report"
                >
                  <Download aria-hidden="true" />
                  {t("downloadReport")}
                </a>
              </div>
              <div className="max-h-96 overflow-auto rounded-md border border-slate-200">
                <Table data-testid="import-errors">
                  <THead>
                    <tr>
                      <Th className="w-16">{t("row")}</Th>
                      <Th className="w-32">{t("field")}</Th>
                      <Th>{t("problem")}</Th>
                    </tr>
                  </THead>
                  <TBody>
                    {report.errors.map((e, i) => (
                      <Tr key={`${e.row}-${e.field}-${i}`}>
                        <Td className="tabular-nums">{e.row || "—"}</Td>
                        <Td>{e.field}</Td>
                        <Td>{e.message}</Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              </div>
            </div>
          ) : null}

          {report.fileProblem ? null : canConfirm ? (
            <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3">
              <Button type="button" onClick={runConfirm} disabled={busy !== null} data-testid="import-confirm">
                <Upload aria-hidden="true" />
                {busy === "confirm" ? t("confirming") : t("confirm")}
              </Button>
              <span className="text-sm text-slate-600">{t("confirmHint", { created: report.created, updated: report.updated })}</span>
            </div>
          ) : !writeJob ? (
            <Notice tone="info">{t("nothingToWrite")}</Notice>
          ) : null}
        </section>
      ) : null}

      {writeJob ? (
        <section className="flex flex-col gap-2 border-t border-slate-200 pt-3" aria-labelledby="import-write-title">
          <h2 id="import-write-title" className="text-sm font-medium text-slate-700">
            {t("writeProgress")}
          </h2>
          {state?.alreadyRunning ? <Notice tone="info">{tj("alreadyRunning")}</Notice> : null}
          <JobProgress key={writeJob.id} job={writeJob} onFinished={setWriteJob} />
          {written ? (
            <>
              <Notice tone="success" testId="import-done">
                {t("done", counts(written))}
              </Notice>
              <div>
                <Button type="button" variant="secondary" onClick={reset}>
                  {t("another")}
                </Button>
              </div>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

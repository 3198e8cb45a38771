"use client";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Download, FileCheck2, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { TImportError } from "@/lib/elders/import";
import type { TImportProgress } from "@/lib/elders/import-progress";

/** What the import actions hand back (messages already translated). */
export type TImportState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** true when the valid rows were written (确认导入), false for a check. */
  written?: boolean;
  /** SHA-256 of the checked file: 确认导入 sends it back so that only that file is written. */
  fileHash?: string;
  report?: {
    created: number;
    updated: number;
    unchanged: number;
    invalid: number;
    /** The first problems, for the table; the .xlsx report has all of them. */
    errors: TImportError[];
    errorTotal: number;
    /** The file as a whole could not be read (wrong header, encoding …): nothing to confirm. */
    fileProblem: boolean;
  };
  /** The problem list as a base64 .xlsx, when there are problems. */
  errorReport?: string;
};

type TImportAction = (formData: FormData) => Promise<TImportState>;

const MAX_BYTES = 20 * 1024 * 1024; // next.config.js serverActions.bodySizeLimit
const POLL_MS = 700;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A v4 UUID; crypto.randomUUID exists only in secure contexts, and county intranets are often plain http. */
function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function downloadBase64(base64: string, fileName: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const counts = (r: NonNullable<TImportState["report"]>) => ({ created: r.created, updated: r.updated, unchanged: r.unchanged, invalid: r.invalid });

function Count({ label, value, tone }: { label: string; value: number; tone?: "red" }) {
  return (
    <div className="rounded-md border border-slate-200 px-4 py-2">
      <div className="text-xs text-slate-500">{label}</div>
      <div className={tone === "red" && value > 0 ? "text-xl font-semibold text-red-700" : "text-xl font-semibold text-slate-900"}>{value}</div>
    </div>
  );
}

/**
 * 批量导入: choose a file → 检查文件 (a dry run that reports every bad row) → 确认导入 (writes the
 * valid rows). The File object stays in state between the two steps and is sent again.
 */
export function ImportForm({
  preview,
  confirm,
  header,
  optionalColumns,
}: {
  preview: TImportAction;
  confirm: TImportAction;
  header: string;
  optionalColumns: string;
}) {
  const t = useTranslations("elders.import");
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<TImportState | null>(null);
  const [busy, setBusy] = useState<"check" | "confirm" | null>(null);
  const [progress, setProgress] = useState<TImportProgress | null>(null);

  async function run(kind: "check" | "confirm") {
    if (!file) return setState({ ok: false, fieldErrors: { file: [t("chooseFile")] } });
    if (file.size > MAX_BYTES) return setState({ ok: false, fieldErrors: { file: [t("tooLarge")] } });
    const token = uuid();
    const formData = new FormData();
    formData.set("file", file);
    formData.set("token", token);
    if (kind === "confirm" && state?.fileHash) formData.set("fileHash", state.fileHash);
    setBusy(kind);
    setProgress(null);
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/elders/import/progress?token=${token}`, { cache: "no-store" });
        if (response.ok) {
          const body = (await response.json()) as { progress: TImportProgress | null };
          if (body.progress) setProgress(body.progress);
        }
      } catch {
        // Progress is a courtesy; the action's own answer is what counts.
      }
    }, POLL_MS);
    try {
      const next = await (kind === "check" ? preview : confirm)(formData);
      // After a failed confirm keep the checked report (and its digest) on screen.
      setState(!next.ok && kind === "confirm" && state?.report ? { ...state, ok: false, message: next.message, fieldErrors: next.fieldErrors } : next);
    } catch {
      setState({ ok: false, message: t("failed") });
    } finally {
      clearInterval(timer);
      setBusy(null);
      setProgress(null);
    }
  }

  function reset() {
    setFile(null);
    setState(null);
    if (inputRef.current) inputRef.current.value = "";
  }

  const report = state?.report;
  const written = Boolean(state?.ok && state.written);
  const total = report ? report.created + report.updated + report.unchanged + report.invalid : 0;
  const canConfirm = Boolean(report && !report.fileProblem && !written && state?.fileHash && report.created + report.updated > 0);

  return (
    <div className="flex flex-col gap-4" data-testid="import-form">
      <p className="text-sm text-slate-600">{t("formatHint", { header, optional: optionalColumns })}</p>

      <div className="flex flex-wrap items-end gap-3">
        <Field label={t("file")} hint={t("fileHint")} errors={state?.fieldErrors?.file} className="min-w-72">
          <Input
            ref={inputRef}
            type="file"
            name="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            disabled={busy !== null}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setState(null);
            }}
            className="h-auto py-1.5"
          />
        </Field>
        <div className="pb-6">
          <Button type="button" variant={report ? "secondary" : "primary"} onClick={() => run("check")} disabled={busy !== null || written} data-testid="import-check">
            <FileCheck2 aria-hidden="true" />
            {busy === "check" ? t("checking") : t("check")}
          </Button>
        </div>
      </div>

      <div role="status" aria-live="polite" aria-label={t("progressLabel")} data-testid="import-progress">
        {busy ? (
          <div className="flex items-center gap-3 text-sm text-slate-700">
            <progress className="h-2 w-64" max={progress?.total || 1} value={progress && progress.total ? progress.done : undefined} />
            <span>
              {progress && progress.total > 0
                ? t("progress", { phase: t(`phase.${progress.phase}`), done: progress.done, total: progress.total })
                : progress
                  ? t(`phase.${progress.phase}`)
                  : busy === "check"
                    ? t("checking")
                    : t("confirming")}
            </span>
          </div>
        ) : null}
      </div>

      <Notice tone="error" testId="import-message">
        {state && !state.ok && state.message ? state.message : null}
      </Notice>

      {report ? (
        <section className="flex flex-col gap-3" aria-labelledby="import-report-title" data-testid="import-report">
          <h2 id="import-report-title" className="text-base font-semibold text-slate-900">
            {t("report")}
          </h2>
          {written ? (
            <Notice tone="success" testId="import-done">
              {t("done", counts(report))}
            </Notice>
          ) : (
            <p className="text-sm text-slate-700" data-testid="import-summary">
              {t("summary", { total, ...counts(report) })}
            </p>
          )}
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
                {state?.errorReport ? (
                  <Button type="button" variant="secondary" size="sm" onClick={() => downloadBase64(state.errorReport!, t("reportFileName"))} data-testid="import-download-report">
                    <Download aria-hidden="true" />
                    {t("downloadReport")}
                  </Button>
                ) : null}
              </div>
              <div className="max-h-96 overflow-y-auto rounded-md border border-slate-200">
                <Table data-testid="import-errors">
                  <THead>
                    <tr>
                      <Th className="w-20">{t("row")}</Th>
                      <Th className="w-40">{t("field")}</Th>
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

          {written ? (
            <div>
              <Button type="button" variant="secondary" onClick={reset}>
                {t("another")}
              </Button>
            </div>
          ) : report.fileProblem ? null : canConfirm ? (
            <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3">
              <Button type="button" onClick={() => run("confirm")} disabled={busy !== null} data-testid="import-confirm">
                <Upload aria-hidden="true" />
                {busy === "confirm" ? t("confirming") : t("confirm")}
              </Button>
              <span className="text-sm text-slate-600">{t("confirmHint", { created: report.created, updated: report.updated })}</span>
            </div>
          ) : (
            <Notice tone="info">{t("nothingToWrite")}</Notice>
          )}
        </section>
      ) : null}
    </div>
  );
}

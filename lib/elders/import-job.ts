// The elder import (ADR 007) as a background job (ADR 014). 检查文件 stores the upload and queues
// a check (a dry run that reports every row); 确认导入 queues the write of that same stored file.
// Both run in a worker, with their progress and report in the jobs table; the write's rows, its
// audit record, its report and the job's outcome commit in one transaction, so a worker killed
// mid-way leaves nothing, and the retry writes exactly what an uninterrupted run would have.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { pathOf } from "@/lib/regions/path";
import { translator } from "@/lib/i18n/translate";
import { XLSX_TYPE } from "@/lib/entry/download";
import { defineJob, type TJobContext } from "@/lib/jobs/define";
import { enqueueJob, type TEnqueued } from "@/lib/jobs/service";
import { readJobFile, storeJobFile } from "@/lib/jobs/files";
import { toJobView } from "@/lib/jobs/view";
import { buildErrorReport, importElders, type TImportError, type TImportResult } from "@/lib/elders/import";
import type { Tx } from "@/lib/db";

/** The largest upload (next.config.js allows server-action bodies of 20 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Problems kept in the job's result for the page; the downloadable report has all of them. */
export const SHOWN_ERRORS = 500;

export const ZElderImportPayload = z.object({
  fileId: z.string().uuid(),
  countyCode: z.string().regex(/^\d{6}$/),
  dryRun: z.boolean(),
  /** The check this write confirms. */
  checkJobId: z.string().uuid().optional(),
});
export type TElderImportPayload = z.infer<typeof ZElderImportPayload>;

/** What the import page shows of a finished check or write. */
export type TImportJobResult = {
  fileName: string;
  written: boolean;
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  /** The first SHOWN_ERRORS problems. */
  errors: TImportError[];
  errorTotal: number;
  /** The file as a whole could not be read: nothing to confirm. */
  fileProblem: boolean;
};

function summarize(fileName: string, written: boolean, result: TImportResult): TImportJobResult {
  return {
    fileName,
    written,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    invalid: result.invalid,
    errors: result.errors.slice(0, SHOWN_ERRORS),
    errorTotal: result.errors.length,
    fileProblem: result.errors.some((e) => e.row === 0),
  };
}

/**
 * Stores the problem report (when there are problems) and marks the job done, in `tx`. Two runs
 * of one write never both commit: the second's rows collide with the first's (the unique ID
 * number, the version guard), and its job row is no longer running.
 */
async function finish(tx: Tx, ctx: TJobContext, fileName: string, written: boolean, result: TImportResult): Promise<TImportJobResult> {
  if (result.errors.length > 0) {
    await storeJobFile(tx, {
      region: pathOf(ctx.actor),
      uploadedById: ctx.actor.userId,
      jobId: ctx.jobId,
      fileName: translator()("elders.import.reportFileName"),
      contentType: XLSX_TYPE,
      data: await buildErrorReport(result.errors),
    });
  }
  return ctx.succeed(tx, summarize(fileName, written, result));
}

export const elderImportJob = defineJob({
  kind: "elder-import",
  payload: ZElderImportPayload,
  requestAction: "elder.import",
  readAction: "elder.import",
  // One write of a checked file at a time (a second 确认导入 gets the running one back).
  dedupeKey: (p) => (p.dryRun ? null : `write:${p.checkJobId ?? p.fileId}`),
  // 100,000 rows take well under a minute; a run past this is taken as lost.
  expireInSeconds: 30 * 60,
  async handler(payload, ctx) {
    const file = await readJobFile(payload.fileId);
    const options = { countyCode: payload.countyCode, onProgress: (p: { phase: string; done: number; total: number }) => ctx.progress(p.done, p.total, p.phase) };
    if (payload.dryRun) {
      const result = await importElders(ctx.actor, ctx.meta, { name: file.fileName, data: file.data }, { ...options, dryRun: true });
      return db.$transaction((tx) => finish(tx, ctx, file.fileName, false, result));
    }
    let summary: TImportJobResult | null = null;
    const result = await importElders(ctx.actor, ctx.meta, { name: file.fileName, data: file.data }, {
      ...options,
      dryRun: false,
      beforeCommit: async (tx, result) => void (summary = await finish(tx, ctx, file.fileName, true, result)),
    });
    // A file with nothing valid to write has no write transaction.
    return summary ?? db.$transaction((tx) => finish(tx, ctx, file.fileName, true, result));
  },
});

/**
 * 检查文件: stores the upload and queues its check. The file stays in the database for the
 * confirm (and is deleted a week later); nothing is written to the registry.
 */
export async function requestImportCheck(actor: TActor, meta: TRequestMeta, file: { name: string; type: string; data: Uint8Array }): Promise<TEnqueued> {
  assertCan(actor, "elder.import");
  if (file.data.byteLength === 0) throw new AppError("VALIDATION", "no file", { fieldErrors: { file: ["elders.import.chooseFile"] } });
  if (file.data.byteLength > MAX_IMPORT_BYTES) throw new AppError("VALIDATION", "file too large", { fieldErrors: { file: ["elders.import.tooLarge"] } });
  return db.$transaction(async (tx) => {
    const stored = await storeJobFile(tx, {
      region: pathOf(actor),
      uploadedById: actor.userId,
      fileName: file.name || "import",
      contentType: file.type || "application/octet-stream",
      data: file.data,
    });
    return enqueueJob(elderImportJob, actor, meta, { fileId: stored.id, countyCode: actor.countyCode, dryRun: true }, { tx });
  });
}

/**
 * 确认导入: queues the write of the file a finished check of the actor's read. Only the account
 * that checked it may confirm (another one gets NOT_FOUND); a check that found nothing to write,
 * or a file that could not be read, is refused. Confirming again while the write runs, or after
 * it succeeded, gets that write back.
 */
export async function requestImportWrite(actor: TActor, meta: TRequestMeta, checkJobId: string): Promise<TEnqueued> {
  assertCan(actor, "elder.import");
  const check = await db.job.findFirst({ where: { id: checkJobId, kind: elderImportJob.kind, requestedById: actor.userId ?? undefined, ...regionScope(actor) } });
  const payload = check && ZElderImportPayload.safeParse(check.payload);
  if (!check || !payload?.success || !payload.data.dryRun || !actor.userId) throw new AppError("NOT_FOUND", "no such check");
  const result = check.result as TImportJobResult | null;
  if (check.status !== "succeeded" || !result || result.fileProblem || result.created + result.updated === 0) {
    throw new AppError("VALIDATION", "nothing to write", { fieldErrors: { file: ["elders.import.nothingToWrite"] } });
  }
  const done = await db.job.findFirst({ where: { kind: elderImportJob.kind, dedupeKey: `write:${check.id}`, status: "succeeded" } });
  if (done) return { job: toJobView(done), created: false };
  return enqueueJob(elderImportJob, actor, meta, { ...payload.data, dryRun: false, checkJobId: check.id });
}

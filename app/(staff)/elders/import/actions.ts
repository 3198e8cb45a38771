"use server";
import { z } from "zod";
import { getActor, getRequestMeta } from "@/lib/auth/session";
import { runFormAction } from "@/lib/entry/form-action";
import { parseInput } from "@/lib/entry/parse";
import { AppError } from "@/lib/errors/app-error";
import { requestImportCheck, requestImportWrite } from "@/lib/elders/import-job";
import type { TImportJobState } from "@/components/elders/import-form";

// Thin entry points for the import page: each stores what it needs and queues a background job
// (lib/elders/import-job.ts); the page then follows the job's progress. The write confirms the
// stored file the check read, so nothing is uploaded twice (ADR 007, ADR 014).

const ZConfirm = z.object({ checkJobId: z.string().uuid() });

/** 检查文件: stores the file and queues its check; writes nothing to the registry. */
export async function checkImportAction(formData: FormData): Promise<TImportJobState> {
  let state: TImportJobState = { ok: false };
  const outcome = await runFormAction({}, async () => {
    const actor = await getActor();
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("VALIDATION", "no file", { fieldErrors: { file: ["elders.import.chooseFile"] } });
    }
    const data = new Uint8Array(await file.arrayBuffer());
    const { job } = await requestImportCheck(actor, await getRequestMeta(), { name: file.name, type: file.type, data });
    state = { ok: true, job };
  });
  return outcome.ok ? state : { ok: false, message: outcome.message, fieldErrors: outcome.fieldErrors };
}

/** 确认导入: queues the write of the checked file (all valid rows, or nothing). */
export async function confirmImportAction(checkJobId: string): Promise<TImportJobState> {
  let state: TImportJobState = { ok: false };
  const outcome = await runFormAction({}, async () => {
    const actor = await getActor();
    const input = parseInput(ZConfirm, { checkJobId });
    const { job, created } = await requestImportWrite(actor, await getRequestMeta(), input.checkJobId);
    state = { ok: true, job, alreadyRunning: !created };
  });
  return outcome.ok ? state : { ok: false, message: outcome.message, fieldErrors: outcome.fieldErrors };
}

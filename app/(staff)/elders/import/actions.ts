"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor, getRequestMeta } from "@/lib/auth/session";
import { runFormAction } from "@/lib/entry/form-action";
import { parseInput } from "@/lib/entry/parse";
import { AppError } from "@/lib/errors/app-error";
import { buildErrorReport, fileDigest, importElders } from "@/lib/elders/import";
import { clearProgress, progressKey, reportProgress } from "@/lib/elders/import-progress";
import type { TImportState } from "@/components/elders/import-form";

// Thin entry points for the import page. The file travels with both calls: the page keeps the
// File object between 检查文件 and 确认导入 and sends it again with the digest the check returned,
// so the server holds no upload between requests and confirms exactly the file that was checked
// (docs/decisions/007-elder-import.md). importElders checks the role and the region itself.

/** Problems sent to the page for display; the downloadable report has all of them. */
const SHOWN_ERRORS = 500;

const ZPreview = z.object({ token: z.string().uuid() });
const ZConfirm = ZPreview.extend({ fileHash: z.string().regex(/^[0-9a-f]{64}$/) });

function uploadedFile(formData: FormData): File {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) {
    throw new AppError("VALIDATION", "no file", { fieldErrors: { file: ["elders.import.chooseFile"] } });
  }
  return file;
}

async function runImport(formData: FormData, confirm: boolean): Promise<TImportState> {
  let state: TImportState = { ok: false };
  const outcome = await runFormAction({}, async () => {
    const actor = await getActor();
    const values = { token: formData.get("token"), fileHash: formData.get("fileHash") ?? undefined };
    const { token } = parseInput(ZPreview, values);
    const file = uploadedFile(formData);
    const data = Buffer.from(await file.arrayBuffer());
    const fileHash = fileDigest(data);
    if (confirm && fileHash !== parseInput(ZConfirm, values).fileHash) {
      throw new AppError("VALIDATION", "file changed since the check", { fieldErrors: { file: ["elders.import.fileChanged"] } });
    }
    const key = progressKey(actor.userId, token);
    try {
      const result = await importElders(actor, await getRequestMeta(), { name: file.name, data }, {
        dryRun: !confirm,
        onProgress: (progress) => reportProgress(key, progress),
      });
      state = {
        ok: true,
        written: confirm,
        fileHash,
        report: {
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          invalid: result.invalid,
          errors: result.errors.slice(0, SHOWN_ERRORS),
          errorTotal: result.errors.length,
          fileProblem: result.errors.some((e) => e.row === 0),
        },
        errorReport: result.errors.length > 0 ? (await buildErrorReport(result.errors)).toString("base64") : undefined,
      };
    } finally {
      clearProgress(key);
    }
    if (confirm) revalidatePath("/elders", "layout");
  });
  return outcome.ok ? state : { ok: false, message: outcome.message, fieldErrors: outcome.fieldErrors };
}

/** 检查文件: validates every row and reports; writes nothing. */
export async function previewImportAction(formData: FormData): Promise<TImportState> {
  return runImport(formData, false);
}

/** 确认导入: validates again and writes the valid rows in one transaction. */
export async function confirmImportAction(formData: FormData): Promise<TImportState> {
  return runImport(formData, true);
}

import { z } from "zod";
import { apiHandler } from "@/lib/entry/api";
import { contentDisposition } from "@/lib/entry/download";
import { AppError } from "@/lib/errors/app-error";
import { getJob } from "@/lib/jobs/queries";
import { jobOutputFile } from "@/lib/jobs/files";

/** GET /jobs/:id/file — the file a job wrote (e.g. an import's problem report), in the caller's region (404 outside it or when there is none). */
export const GET = apiHandler<{ params: Promise<{ id: string }> }>(async (actor, _request, context) => {
  const id = z.string().uuid().safeParse((await context.params).id);
  if (!id.success) throw new AppError("NOT_FOUND", "malformed job id");
  const job = await getJob(actor, id.data);
  const file = await jobOutputFile(job.id);
  if (!file) throw new AppError("NOT_FOUND", "the job wrote no file");
  return new Response(new Uint8Array(file.data), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(file.fileName, `job-${job.id.slice(0, 8)}${file.fileName.match(/\.[a-z0-9]+$/i)?.[0] ?? ""}`),
      "Content-Length": String(file.sizeBytes),
      "Cache-Control": "no-store",
    },
  });
});

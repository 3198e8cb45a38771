// Files a job reads (an upload waiting for its job) or writes (a report), kept in PostgreSQL like
// case attachments (ADR 012), so that any instance can run the job and serve the download. A
// job that reads an upload names it `fileId` in its payload: the nightly clean-up keeps files
// that a waiting or running job still names (lib/jobs/schedules.ts).
import { createHash } from "node:crypto";
import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { pathOf, type TRegionPath } from "@/lib/regions/path";

export type TJobFileMeta = { id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string };

const META = { id: true, fileName: true, contentType: true, sizeBytes: true, sha256: true } as const;

export async function storeJobFile(
  client: Db,
  file: { region: TRegionPath; uploadedById: string | null; jobId?: string; fileName: string; contentType: string; data: Uint8Array },
): Promise<TJobFileMeta> {
  return client.jobFile.create({
    data: {
      ...pathOf(file.region),
      jobId: file.jobId ?? null,
      uploadedById: file.uploadedById,
      fileName: file.fileName.slice(0, 200),
      contentType: file.contentType.slice(0, 100),
      sizeBytes: file.data.byteLength,
      sha256: createHash("sha256").update(file.data).digest("hex"),
      bytes: Buffer.from(file.data),
    },
    select: META,
  });
}

/** An upload's bytes (for the job that reads it); NOT_FOUND once the clean-up deleted it. */
export async function readJobFile(id: string): Promise<TJobFileMeta & { data: Buffer }> {
  const file = await db.jobFile.findUnique({ where: { id }, select: { ...META, bytes: true } });
  if (!file) throw new AppError("NOT_FOUND", "the job's file is gone");
  const { bytes, ...meta } = file;
  return { ...meta, data: Buffer.from(bytes) };
}

/** The file a job wrote (its report), or null. The caller has read the job through getJob. */
export async function jobOutputFile(jobId: string): Promise<(TJobFileMeta & { data: Buffer }) | null> {
  const file = await db.jobFile.findFirst({ where: { jobId }, select: { ...META, bytes: true }, orderBy: { createdAt: "desc" } });
  if (!file) return null;
  const { bytes, ...meta } = file;
  return { ...meta, data: Buffer.from(bytes) };
}

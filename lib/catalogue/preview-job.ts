// 预览影响 as a background job (issue 10 item 12, ADR 015): every elder of the county is evaluated
// against a catalogue version (normally a draft) and the version in force, in a worker. The job
// stores the per-item counts as its result, names the elders whose records could not be
// evaluated (masked), and keeps one row per elder and item that changes (gained, lost, another
// amount, with the rule's reasons) in catalogue_preview_changes, for the list of people behind
// each count. Only the latest preview of a version keeps its rows.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/authz/policy";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { maskIdNumber } from "@/lib/audit/mask";
import { isValidIsoDate, todayInShanghai } from "@/lib/dates";
import { defineJob } from "@/lib/jobs/define";
import { enqueueJob, type TEnqueued } from "@/lib/jobs/service";
import { getVersion } from "@/lib/catalogue/queries";
import { previewVersion, type TAmounts, type TPreviewChange, type TPreviewRow, type TSkipReason } from "@/lib/catalogue/evaluation";
import { renderReasonLines, type TReason } from "@/lib/policy/evaluate";
import type { TReasonLine } from "@/lib/policy/render";
import { regionScope } from "@/lib/authz/scope";
import { DEFAULT_LOCALE, type TLocale } from "@/lib/i18n/config";

/** Elders that could not be evaluated, named in the result (the count covers all of them). */
export const SKIPPED_SHOWN = 200;
const SAVE_CHUNK = 5_000;
const SAVE_TIMEOUT_MS = 10 * 60 * 1000;

export const ZPreviewPayload = z.object({
  versionId: z.string().uuid(),
  asOf: z.string().refine(isValidIsoDate),
});

export type TSkippedShown = { elderId: string; name: string; idNumberMasked: string; villageName: string; reason: TSkipReason };

/** What the preview page shows; `versionRevision` and `baselineId` tell whether it is still current. */
export type TPreviewJobResult = {
  versionId: string;
  versionNumber: number;
  versionRevision: number;
  baselineId: string | null;
  baselineNumber: number | null;
  asOf: string;
  elders: number;
  rows: TPreviewRow[];
  /** Elder × item rows stored in catalogue_preview_changes. */
  changes: number;
  skipped: number;
  skippedElders: TSkippedShown[];
  loadMs: number;
  evaluateMs: number;
  saveMs: number;
};

type TChange = TPreviewChange & { elderId: string };

/** Elders whose records could not be evaluated, with what staff need to find and fix them (masked). */
async function describeSkipped(skipped: { elderId: string; reason: TSkipReason }[]): Promise<TSkippedShown[]> {
  const shown = skipped.slice(0, SKIPPED_SHOWN);
  const elders = await db.elder.findMany({
    where: { id: { in: shown.map((s) => s.elderId) } },
    select: { id: true, name: true, idNumber: true, village: { select: { name: true } } },
  });
  const byId = new Map(elders.map((e) => [e.id, e]));
  return shown.flatMap((s) => {
    const elder = byId.get(s.elderId);
    return elder ? [{ elderId: s.elderId, name: elder.name, idNumberMasked: maskIdNumber(elder.idNumber), villageName: elder.village.name, reason: s.reason }] : [];
  });
}

export const cataloguePreviewJob = defineJob({
  kind: "catalogue-preview",
  payload: ZPreviewPayload,
  requestAction: "catalogue.manage",
  readAction: "catalogue.manage",
  // One preview of a version at a time: a second request follows the running one.
  dedupeKey: (p) => p.versionId,
  expireInSeconds: 30 * 60,
  async handler(payload, ctx) {
    ctx.progress(0, 0, "load");
    const changes: TChange[] = [];
    const preview = await previewVersion(ctx.actor, payload.versionId, payload.asOf, {
      onChange: (change) => changes.push(change),
      onProgress: (done, total) => ctx.progress(done, total, "evaluate"),
    });
    const skippedElders = await describeSkipped(preview.skippedElders);
    const saveStarted = performance.now();
    ctx.progress(0, changes.length, "save");
    return db.$transaction(
      async (tx) => {
        await ctx.lock(tx);
        // An earlier preview of this version (or an interrupted run of this one) is superseded.
        await tx.cataloguePreviewChange.deleteMany({ where: { versionId: payload.versionId } });
        for (let i = 0; i < changes.length; i += SAVE_CHUNK) {
          const chunk = changes.slice(i, i + SAVE_CHUNK);
          const column = <T>(value: (c: TChange) => T) => chunk.map(value);
          // The elder's region path comes from the registry, in the same statement.
          await tx.$executeRaw`
            INSERT INTO catalogue_preview_changes (job_id, version_id, elder_id, county_code, township_code, village_code, item_code,
                                                   change, before_monthly_fen, before_one_off_fen, after_monthly_fen, after_one_off_fen, reasons)
            SELECT ${ctx.jobId}::uuid, ${payload.versionId}::uuid, u.elder_id, e.county_code, e.township_code, e.village_code, u.item_code,
                   u.change::preview_change, u.bm, u.bo, u.am, u.ao, u.reasons
              FROM unnest(${column((c) => c.elderId)}::uuid[], ${column((c) => c.code)}::text[], ${column((c) => c.change)}::text[],
                          ${column((c) => c.before?.monthlyFen ?? null)}::int[], ${column((c) => c.before?.oneOffFen ?? null)}::int[],
                          ${column((c) => c.after?.monthlyFen ?? null)}::int[], ${column((c) => c.after?.oneOffFen ?? null)}::int[],
                          ${column((c) => JSON.stringify(c.reasons))}::jsonb[])
                   AS u(elder_id, item_code, change, bm, bo, am, ao, reasons)
              JOIN elders e ON e.id = u.elder_id`;
          ctx.progress(i + chunk.length, changes.length, "save");
        }
        return ctx.succeed(tx, {
          versionId: preview.version.id,
          versionNumber: preview.version.number,
          versionRevision: preview.version.revision,
          baselineId: preview.baseline?.id ?? null,
          baselineNumber: preview.baseline?.number ?? null,
          asOf: preview.asOf,
          elders: preview.elders,
          rows: preview.rows,
          changes: changes.length,
          skipped: preview.skipped,
          skippedElders,
          loadMs: preview.loadMs,
          evaluateMs: preview.evaluateMs,
          saveMs: Math.round(performance.now() - saveStarted),
        } satisfies TPreviewJobResult);
      },
      { timeout: SAVE_TIMEOUT_MS, maxWait: 30_000 },
    );
  },
});

/**
 * 预览影响: queues a preview of a version of the actor's county as of today. A preview of that
 * version already queued or running is returned instead. A retired version has nothing to preview.
 */
export async function requestPreview(actor: TActor, meta: TRequestMeta, versionId: string): Promise<TEnqueued> {
  // The version first: one of another county does not exist for the caller, whatever the role.
  const version = await getVersion(actor, versionId);
  assertCan(actor, "catalogue.manage");
  if (version.status === "retired") throw new AppError("VALIDATION", "retired version", { fieldErrors: { versionId: ["catalogue.preview.retired"] } });
  return enqueueJob(cataloguePreviewJob, actor, meta, { versionId: version.id, asOf: todayInShanghai() });
}

export type TPreviewChangeRow = {
  elderId: string;
  name: string;
  idNumberMasked: string;
  villageName: string;
  itemCode: string;
  change: TPreviewChange["change"];
  before: TAmounts | null;
  after: TAmounts | null;
  /** The rule's reasons in the reader's language. */
  reasons: TReasonLine[];
};

const amounts = (monthlyFen: number | null, oneOffFen: number | null, present: boolean): TAmounts | null => (present ? { monthlyFen, oneOffFen } : null);

/**
 * The elders behind one count of a preview the actor may read (its job inside the actor's region,
 * NOT_FOUND otherwise): who gains, loses or keeps `itemCode` at another amount, with the reasons,
 * `limit` at a time after the elder id `after` (keyset paging).
 */
export async function listPreviewChanges(
  actor: TActor,
  jobId: string,
  query: { itemCode: string; change?: TPreviewChange["change"]; after?: string; limit?: number; locale?: TLocale },
): Promise<{ rows: TPreviewChangeRow[]; next: string | null }> {
  const job = await db.job.findFirst({ where: { id: jobId, kind: cataloguePreviewJob.kind, ...regionScope(actor) }, select: { id: true } });
  if (!job) throw new AppError("NOT_FOUND", "preview not found");
  assertCan(actor, cataloguePreviewJob.readAction);
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const found = await db.cataloguePreviewChange.findMany({
    where: { jobId, itemCode: query.itemCode, ...(query.change ? { change: query.change } : {}), ...(query.after ? { elderId: { gt: query.after } } : {}) },
    orderBy: { elderId: "asc" },
    take: limit + 1,
  });
  const page = found.slice(0, limit);
  const elders = await db.elder.findMany({
    where: { id: { in: page.map((c) => c.elderId) } },
    select: { id: true, name: true, idNumber: true, village: { select: { name: true } } },
  });
  const byId = new Map(elders.map((e) => [e.id, e]));
  const locale = query.locale ?? DEFAULT_LOCALE;
  return {
    rows: page.map((c) => {
      const elder = byId.get(c.elderId);
      return {
        elderId: c.elderId,
        name: elder?.name ?? "",
        idNumberMasked: elder ? maskIdNumber(elder.idNumber) : "",
        villageName: elder?.village.name ?? "",
        itemCode: c.itemCode,
        change: c.change,
        before: amounts(c.beforeMonthlyFen, c.beforeOneOffFen, c.change !== "gained"),
        after: amounts(c.afterMonthlyFen, c.afterOneOffFen, c.change !== "lost"),
        reasons: renderReasonLines(c.reasons as TReason[], locale),
      };
    }),
    next: found.length > limit ? page[page.length - 1].elderId : null,
  };
}

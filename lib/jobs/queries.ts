// Reading jobs, always inside the caller's region (a job outside it does not exist for them)
// and only kinds the caller's role may read.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan, can } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import type { TActor } from "@/lib/authz/actor";
import { DEFAULT_LOCALE, type TLocale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translate";
import { jobDefinition, jobDefinitions } from "@/lib/jobs/define";
import { toJobView, type TErrorDetail, type TJobStatus, type TJobView } from "@/lib/jobs/view";
import "@/lib/jobs/kinds";

/** Renders a stored failure in `locale` from its error code and detail. */
function errorSayer(locale: TLocale) {
  const t = translator(locale);
  return (code: string, detail: TErrorDetail | null) => {
    const key = `errors.${code}`;
    if (!t.has(key as never)) return null;
    const message = t(key as never, (detail?.params ?? {}) as never);
    const fields = Object.values(detail?.fieldErrors ?? {})
      .flat()
      .map((k) => (t.has(k as never) ? t(k as never) : k));
    return fields.length ? `${message}${fields.join("；")}` : message;
  };
}

/** A job in the actor's region (NOT_FOUND outside it or for an unknown id), if the role may read its kind. */
export async function getJob(actor: TActor, id: string, options: { locale?: TLocale } = {}): Promise<TJobView> {
  const row = await db.job.findFirst({ where: { id, ...regionScope(actor) } });
  const definition = row && jobDefinition(row.kind);
  if (!row || !definition) throw new AppError("NOT_FOUND", "job not found");
  assertCan(actor, definition.readAction);
  return toJobView(row, errorSayer(options.locale ?? DEFAULT_LOCALE));
}

/** The kinds the actor's role may read. */
export function readableKinds(actor: Pick<TActor, "role">): string[] {
  return jobDefinitions()
    .filter((d) => can(actor, d.readAction))
    .map((d) => d.kind);
}

/** The latest jobs in the actor's region, newest first, of kinds the role may read. */
export async function listJobs(
  actor: TActor,
  options: { kind?: string; limit?: number; locale?: TLocale } = {},
): Promise<TJobView[]> {
  const kinds = readableKinds(actor).filter((k) => !options.kind || k === options.kind);
  if (kinds.length === 0) return [];
  const rows = await db.job.findMany({
    where: { kind: { in: kinds }, ...regionScope(actor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.limit ?? 50, 200),
  });
  const say = errorSayer(options.locale ?? DEFAULT_LOCALE);
  return rows.map((row) => toJobView(row, say));
}

/** The newest job of `kind` with `dedupeKey` in the actor's region (of any status, or of `status`), or null. */
export async function latestJob(
  actor: TActor,
  kind: string,
  dedupeKey: string,
  options: { locale?: TLocale; status?: TJobStatus } = {},
): Promise<TJobView | null> {
  const definition = jobDefinition(kind);
  if (!definition || !can(actor, definition.readAction)) return null;
  const row = await db.job.findFirst({
    where: { kind, dedupeKey, ...(options.status ? { status: options.status } : {}), ...regionScope(actor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return row ? toJobView(row, errorSayer(options.locale ?? DEFAULT_LOCALE)) : null;
}

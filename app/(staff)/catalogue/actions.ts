"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor, getRequestMeta } from "@/lib/auth/session";
import { formObject, parseInput } from "@/lib/entry/parse";
import { runFormAction } from "@/lib/entry/form-action";
import type { TFormState } from "@/lib/entry/form-state";
import { AppError } from "@/lib/errors/app-error";
import { toLocale } from "@/lib/i18n/config";
import { ZFinderForm, ZItemForm, ZParamsForm, ZPublishDraft } from "@/lib/catalogue/schemas";
import { enqueueJob } from "@/lib/jobs/service";
import { entitlementRecomputeJob } from "@/lib/entitlements/recompute-job";
import { parseJsonWith, type TJsonProblem } from "@/lib/catalogue/rule-json";
import { yuanToFen } from "@/lib/money";
import { evaluateTypedFacts, type TEvaluation, type TFinderState } from "@/lib/catalogue/evaluation";
import { createDraft, publishDraft, setCountyParameters, updateDraftItem, type TParamChange } from "@/lib/catalogue/service";
import { getVersion } from "@/lib/catalogue/queries";
import { ZAmountRule, ZRule } from "@/lib/policy/rules";
import type { TFactsInput } from "@/lib/catalogue/facts-input";
import { requestPreview } from "@/lib/catalogue/preview-job";
import type { TJobView } from "@/lib/jobs/view";
import { z } from "zod";

const ZVersionId = z.object({ id: z.string().uuid() });

// Thin entry points: authenticate, parse, call one service (which checks the policy and the
// version's state in its transaction), revalidate.

/** 一键查询 for typed-in facts: the answer comes back in the form state. */
export async function evaluateFactsAction(_prev: TFinderState, formData: FormData): Promise<TFinderState> {
  const values = { ...formObject(formData), circumstances: formData.getAll("circumstances").join(",") };
  let result: TEvaluation | undefined;
  const state = await runFormAction(values, async () => {
    const actor = await getActor();
    const form = parseInput(ZFinderForm, { ...values, circumstances: formData.getAll("circumstances") });
    let disability: TFactsInput["disability"] = null;
    if (form.disabilityGrade !== undefined || form.disabilityCategory !== undefined) {
      if (form.disabilityGrade === undefined || form.disabilityCategory === undefined) {
        throw new AppError("VALIDATION", "disability needs grade and category", {
          fieldErrors: { [form.disabilityGrade === undefined ? "disabilityGrade" : "disabilityCategory"]: ["catalogue.finder.disabilityIncomplete"] },
        });
      }
      disability = { grade: form.disabilityGrade as 1 | 2 | 3 | 4, category: form.disabilityCategory };
    }
    const input: TFactsInput = {
      idNumber: form.idNumber,
      birthDate: form.birthDate,
      sex: form.sex,
      hukouLocal: form.hukouLocal === "yes",
      residence: form.residence ?? null,
      deceased: form.deceased,
      circumstances: form.circumstances,
      disability,
      capabilityLevel: (form.capabilityLevel ?? null) as TFactsInput["capabilityLevel"],
    };
    result = await evaluateTypedFacts(actor, input, { asOf: form.asOf, locale: toLocale(await getLocale()) });
  });
  return { ...state, values, result };
}

export async function createDraftAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  let id = "";
  const state = await runFormAction(values, async () => {
    const actor = await getActor();
    id = (await createDraft(actor, await getRequestMeta())).id;
  });
  if (!state.ok) return state;
  revalidatePath("/catalogue", "layout");
  redirect(`/catalogue/admin/versions/${id}`);
}

function problemsText(t: Awaited<ReturnType<typeof getTranslations>>, problems: TJsonProblem[]) {
  return problems.map((p) => t(p.key as never, p.values as never));
}

/** Saves one item of a draft: the common fields from the form, the rules from validated JSON. */
export async function updateItemAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const form = parseInput(ZItemForm, values);
    const t = await getTranslations("catalogue");
    const eligibility = parseJsonWith(form.eligibility, ZRule);
    const amount = parseJsonWith(form.amount, ZAmountRule);
    const fieldErrors: Record<string, string[]> = {};
    if (!eligibility.ok) fieldErrors.eligibility = problemsText(t, eligibility.problems);
    if (!amount.ok) fieldErrors.amount = problemsText(t, amount.problems);
    if (form.publicNotice && form.noticeDays === undefined) fieldErrors.noticeDays = [t("form.noticeDays")];
    if (Object.keys(fieldErrors).length || !eligibility.ok || !amount.ok) throw new AppError("VALIDATION", "invalid item", { fieldErrors });
    const version = await getVersion(actor, form.id);
    const current = version.catalogue.items.find((i) => i.code === form.code);
    if (!current) throw new AppError("NOT_FOUND", "no such item");
    await updateDraftItem(actor, await getRequestMeta(), { id: form.id, revision: form.revision }, {
      ...current,
      name: form.name,
      content: form.content,
      target: form.target,
      leadDepartments: form.leadDepartments,
      delivery: form.delivery,
      needsApplication: form.needsApplication,
      workflow: form.publicNotice ? { publicNotice: true, noticeDays: form.noticeDays! } : { publicNotice: false, noticeDays: null },
      eligibility: eligibility.value,
      amount: amount.value,
      ...(form.notes ? { notes: form.notes } : { notes: undefined }),
    });
    revalidatePath("/catalogue", "layout");
    return { ok: true, message: "catalogue.form.saved" };
  });
}

export async function publishAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  const state = await runFormAction(values, async () => {
    const actor = await getActor();
    const meta = await getRequestMeta();
    await publishDraft(actor, meta, parseInput(ZPublishDraft, values));
    // Its months and any 应退未退 it calls for show before it takes effect.
    await enqueueJob(entitlementRecomputeJob, actor, meta, { countyCode: actor.countyCode });
  });
  if (!state.ok) return state;
  revalidatePath("/catalogue", "layout");
  redirect(`/catalogue/admin?done=published`);
}

/**
 * County parameters: `param_<name>` in yuan ("" = back to the default), `was_<name>` the id of
 * the latest dated value the form showed, one `effectiveFrom` and `note` for every change.
 * Only the parameters whose value differs from the latest one are saved.
 */
export async function saveParamsAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const { effectiveFrom, note } = parseInput(ZParamsForm, values);
    const changes: TParamChange[] = [];
    const fieldErrors: Record<string, string[]> = {};
    for (const [key, raw] of Object.entries(values)) {
      if (!key.startsWith("param_")) continue;
      const name = key.slice("param_".length);
      const text = raw.trim();
      const valueFen = text === "" ? null : yuanToFen(text);
      if (text !== "" && valueFen === null) {
        fieldErrors[key] = ["catalogue.params.invalid"];
        continue;
      }
      const was = values[`was_${name}`];
      changes.push({ name, valueFen, expectedLatestId: was === undefined ? undefined : was === "" ? null : was });
    }
    if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "invalid parameters", { fieldErrors });
    let changed: string[];
    const meta = await getRequestMeta();
    try {
      ({ changed } = await setCountyParameters(actor, meta, { effectiveFrom, note, changes }));
    } catch (error) {
      // The service names fields by parameter; the form's inputs are param_<name>.
      if (error instanceof AppError && error.fieldErrors) {
        throw new AppError(error.code, error.message, {
          params: error.params,
          fieldErrors: Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k === "effectiveFrom" ? k : `param_${k}`, v])),
        });
      }
      throw error;
    }
    // Amounts follow the new values: the county's entitlements are recomputed in the background.
    if (changed.length) await enqueueJob(entitlementRecomputeJob, actor, meta, { countyCode: actor.countyCode });
    revalidatePath("/catalogue", "layout");
    return { ok: true, message: changed.length ? "catalogue.params.saved" : "catalogue.params.unchanged" };
  });
}

/** What 开始预览 hands back: the queued (or already running) preview job. */
export type TPreviewStartState = TFormState & { job?: TJobView; alreadyRunning?: boolean };

/** 开始预览: queues a background preview of the version (one at a time per version). */
export async function startPreviewAction(versionId: string): Promise<TPreviewStartState> {
  let state: TPreviewStartState = { ok: false };
  const outcome = await runFormAction({}, async () => {
    const actor = await getActor();
    const { id } = parseInput(ZVersionId, { id: versionId });
    const { job, created } = await requestPreview(actor, await getRequestMeta(), id);
    state = { ok: true, job, alreadyRunning: !created };
  });
  return outcome.ok ? state : { ok: false, message: outcome.message, fieldErrors: outcome.fieldErrors };
}

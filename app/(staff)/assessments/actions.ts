"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getActor, getRequestMeta } from "@/lib/auth/session";
import { formObject, parseInput } from "@/lib/entry/parse";
import { runFormAction } from "@/lib/entry/form-action";
import type { TFormState } from "@/lib/entry/form-state";
import { parseAssessmentFields, ZAssessmentIntent, ZAssessmentRef } from "@/lib/assessment/schemas";
import { confirmAssessment, createAssessment, createCorrection, saveAssessmentDraft, submitAssessment } from "@/lib/assessment/service";

// Thin entry points: authenticate, parse, call the service (which loads the assessment or elder
// inside the actor's region and checks the policy in its transaction), revalidate or redirect.

const ZNew = z.object({ elderId: z.string().uuid(), intent: ZAssessmentIntent });
const ZExisting = ZAssessmentRef.extend({ intent: ZAssessmentIntent });

/** 保存草稿 / 提交, for a new assessment (elderId) or an existing draft (id, version). */
export async function saveAssessmentAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  let target = "";
  const state = await runFormAction(values, async () => {
    const actor = await getActor();
    const meta = await getRequestMeta();
    const fields = parseAssessmentFields(values.payload);
    if (!values.id) {
      const input = parseInput(ZNew, values);
      const created = await createAssessment(actor, meta, { elderId: input.elderId, fields, submit: input.intent === "submit" });
      target = `/assessments/${created.id}?done=${input.intent === "submit" ? "submitted" : "created"}`;
      return;
    }
    const input = parseInput(ZExisting, values);
    if (input.intent === "submit") {
      await submitAssessment(actor, meta, { id: input.id, version: input.version, fields });
      target = `/assessments/${input.id}?done=submitted`;
      return;
    }
    const saved = await saveAssessmentDraft(actor, meta, { id: input.id, version: input.version, fields });
    revalidatePath(`/assessments/${saved.id}`);
    return { ok: true, message: "assessment.form.saved", values: { version: String(saved.version) } };
  });
  if (!state.ok || !target) return state;
  revalidatePath("/assessments", "layout");
  revalidatePath("/elders", "layout");
  redirect(target);
}

export async function confirmAssessmentAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  let id = "";
  const state = await runFormAction(values, async () => {
    const actor = await getActor();
    id = (await confirmAssessment(actor, await getRequestMeta(), parseInput(ZAssessmentRef, values))).id;
  });
  if (!state.ok) return state;
  revalidatePath("/assessments", "layout");
  revalidatePath("/elders", "layout");
  redirect(`/assessments/${id}?done=confirmed`);
}

/** 更正: a new draft copying the confirmed assessment. */
export async function correctAssessmentAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  let id = "";
  const state = await runFormAction(values, async () => {
    const actor = await getActor();
    const input = parseInput(z.object({ id: z.string().uuid() }), values);
    id = (await createCorrection(actor, await getRequestMeta(), input)).id;
  });
  if (!state.ok) return state;
  revalidatePath("/assessments", "layout");
  redirect(`/assessments/${id}?done=correctionCreated`);
}

"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getActor, getRequestMeta } from "@/lib/auth/session";
import { formObject, parseInput } from "@/lib/entry/parse";
import { runFormAction } from "@/lib/entry/form-action";
import type { TFormState } from "@/lib/entry/form-state";
import { ZCreateElder, ZElderStatusChange, ZRevealField, ZUpdateElder } from "@/lib/elders/schemas";
import { ZCircumstanceRecord } from "@/lib/elders/circumstances";
import {
  addCircumstance,
  changeElderStatus,
  createElder,
  deleteCircumstance,
  revealElderField,
  updateCircumstance,
  updateElder,
} from "@/lib/elders/service";

// Thin entry points: authenticate, parse, call one service (which loads the elder inside the
// actor's region and checks the policy in its transaction), revalidate.

export async function createElderAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  let id = "";
  const state = await runFormAction(values, async () => {
    const actor = await getActor();
    id = (await createElder(actor, await getRequestMeta(), parseInput(ZCreateElder, values))).id;
  });
  if (!state.ok) return state;
  revalidatePath("/elders");
  redirect(`/elders/${id}?done=created`);
}

export async function updateElderAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  let id = "";
  const state = await runFormAction(values, async () => {
    const actor = await getActor();
    const input = parseInput(ZUpdateElder, values);
    id = (await updateElder(actor, await getRequestMeta(), input)).id;
  });
  if (!state.ok) return state;
  revalidatePath("/elders", "layout");
  redirect(`/elders/${id}?done=updated`);
}

export async function changeElderStatusAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    await changeElderStatus(actor, await getRequestMeta(), parseInput(ZElderStatusChange, values));
    revalidatePath("/elders", "layout");
    return { ok: true, message: "registry.statusChanged" };
  });
}

const ZRecordRef = z.object({ elderId: z.string().uuid(), recordId: z.string().uuid().optional().or(z.literal("").transform(() => undefined)) });

export async function saveCircumstanceAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const ref = parseInput(ZRecordRef, values);
    const record = parseInput(ZCircumstanceRecord, values);
    const meta = await getRequestMeta();
    if (ref.recordId) await updateCircumstance(actor, meta, ref.elderId, ref.recordId, record);
    else await addCircumstance(actor, meta, ref.elderId, record);
    revalidatePath("/elders", "layout");
    return { ok: true, message: ref.recordId ? "registry.circumstances.saved" : "registry.circumstances.added" };
  });
}

export async function deleteCircumstanceAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const ref = parseInput(ZRecordRef.required({ recordId: true }), values);
    await deleteCircumstance(actor, await getRequestMeta(), ref.elderId, ref.recordId!);
    revalidatePath("/elders", "layout");
    return { ok: true, message: "registry.circumstances.deleted" };
  });
}

/** 查看完整: returns the full value in `values.value`; the look is audited by the service. */
export async function revealElderFieldAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const input = parseInput(ZRevealField, values);
    const value = await revealElderField(actor, await getRequestMeta(), input.id, input.field);
    return { ok: true, values: { value: value ?? "" } };
  });
}

"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor, getRequestMeta } from "@/lib/auth/session";
import { formObject, parseInput } from "@/lib/entry/parse";
import { runFormAction } from "@/lib/entry/form-action";
import type { TFormState } from "@/lib/entry/form-state";
import { ZCreateUser, ZResetPassword, ZUpdateUser, ZUserId } from "@/lib/users/schemas";
import { createUser, resetPassword, setUserActive, unlockUser, updateUser } from "@/lib/users/service";
import { ZCreateToken, ZRevokeToken } from "@/lib/tokens/schemas";
import { createToken, revokeToken } from "@/lib/tokens/service";
import { z } from "zod";

// Thin entry points: authenticate, parse, call one service (which loads the account inside the
// actor's region and checks the policy in its transaction), revalidate.

export async function createUserAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  let id = "";
  const state = await runFormAction({ ...values, password: "" }, async () => {
    const actor = await getActor();
    const input = parseInput(ZCreateUser, values);
    id = (await createUser(actor, await getRequestMeta(), input)).id;
  });
  if (!state.ok) return state;
  revalidatePath("/admin/users", "layout");
  redirect(`/admin/users/${id}?done=created`);
}

export async function updateUserAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const input = parseInput(ZUpdateUser, values);
    await updateUser(actor, await getRequestMeta(), input);
    revalidatePath("/admin/users", "layout");
    return { ok: true, message: "users.updated" };
  });
}

const ZSetActive = ZUserId.extend({ active: z.enum(["true", "false"]).transform((v) => v === "true") });

export async function setUserActiveAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const input = parseInput(ZSetActive, values);
    await setUserActive(actor, await getRequestMeta(), input.id, input.active);
    revalidatePath("/admin/users", "layout");
    return { ok: true, message: input.active ? "users.enabledDone" : "users.disabledDone" };
  });
}

export async function unlockUserAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const input = parseInput(ZUserId, values);
    await unlockUser(actor, await getRequestMeta(), input.id);
    revalidatePath("/admin/users", "layout");
    return { ok: true, message: "users.unlockedDone" };
  });
}

export async function resetPasswordAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction({ id: values.id ?? "" }, async () => {
    const actor = await getActor();
    const input = parseInput(ZResetPassword, values);
    await resetPassword(actor, await getRequestMeta(), input.id, input.password);
    revalidatePath("/admin/users", "layout");
    return { ok: true, message: "users.passwordResetDone" };
  });
}

/** What the token form gets back: on success, the new token, shown once and never stored in the page. */
export type TTokenFormState = TFormState & { token?: string; tokenName?: string };

export async function createTokenAction(_prev: TTokenFormState, formData: FormData): Promise<TTokenFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const input = parseInput(ZCreateToken, values);
    const issued = await createToken(actor, await getRequestMeta(), input);
    revalidatePath(`/admin/users/${input.userId}`);
    return { ok: true, token: issued.token, tokenName: issued.name } as TTokenFormState;
  });
}

const ZRevokeTokenForm = ZRevokeToken.extend({ userId: z.string().uuid() });

export async function revokeTokenAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const input = parseInput(ZRevokeTokenForm, values);
    await revokeToken(actor, await getRequestMeta(), { tokenId: input.tokenId });
    revalidatePath(`/admin/users/${input.userId}`);
    return { ok: true, message: "tokens.revokedDone" };
  });
}

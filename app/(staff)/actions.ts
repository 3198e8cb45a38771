"use server";
import { signOut } from "@/lib/auth/auth";
import { getRequestMeta, resolveActor } from "@/lib/auth/session";
import { recordLogout } from "@/lib/auth/login";

export async function signOutAction(): Promise<void> {
  const actor = await resolveActor();
  if (actor?.userId) await recordLogout(actor, await getRequestMeta());
  await signOut({ redirectTo: "/login" });
}

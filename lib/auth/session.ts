import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { actorFromUser } from "@/lib/users/actor-from-user";
import { requestMetaFrom } from "@/lib/auth/request-meta";

/**
 * The signed-in staff member, or null. The account is re-read on every request: a disabled
 * account, or a session older than a password reset or role change, no longer counts.
 */
export const resolveActor = cache(async (): Promise<TActor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId }, include: { region: true } });
  if (!user || !user.active || user.sessionVersion !== session.sessionVersion) return null;
  return actorFromUser(user);
});

/** For pages and server actions: the actor, or a redirect to the sign-in page. */
export async function getActor(): Promise<TActor> {
  const actor = await resolveActor();
  if (!actor) redirect("/login");
  return actor;
}

export async function getRequestMeta(): Promise<TRequestMeta> {
  return requestMetaFrom(await headers());
}

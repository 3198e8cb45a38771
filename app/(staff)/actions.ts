"use server";
import { signOut } from "@/lib/auth/auth";
import { getRequestMeta, resolveActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";

export async function signOutAction(): Promise<void> {
  const actor = await resolveActor();
  if (actor?.userId) {
    const meta = await getRequestMeta();
    await db.$transaction((tx) =>
      recordAudit(tx, actor, meta, {
        type: "auth.logout",
        entityType: "user",
        entityId: actor.userId,
        countyCode: actor.countyCode,
        townshipCode: actor.townshipCode,
        villageCode: actor.villageCode,
      }),
    );
  }
  await signOut({ redirectTo: "/login" });
}

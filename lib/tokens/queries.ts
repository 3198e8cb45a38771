// Reading API tokens: an account's tokens for the county admin (never a token or its hash).
import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import type { TActor } from "@/lib/authz/actor";
import type { ApiToken } from "@/lib/generated/prisma/client";
import { pathOf } from "@/lib/regions/path";

/** The token's account, inside the actor's region (NOT_FOUND outside it), for token.manage. */
export async function loadTokenOwner(client: Db, actor: TActor, userId: string) {
  const user = await client.user.findFirst({ where: { id: userId, ...regionScope(actor) } });
  if (!user) throw new AppError("NOT_FOUND", "user not found");
  assertCan(actor, "token.manage", pathOf(user));
  return user;
}

export type TTokenListItem = Pick<ApiToken, "id" | "name" | "prefix" | "createdBy" | "createdAt" | "lastUsedAt" | "revokedAt" | "revokedBy">;

/** An account's tokens, newest first (never their hashes). */
export async function listTokens(actor: TActor, userId: string): Promise<TTokenListItem[]> {
  const user = await loadTokenOwner(db, actor, userId);
  return db.apiToken.findMany({
    where: { userId: user.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, prefix: true, createdBy: true, createdAt: true, lastUsedAt: true, revokedAt: true, revokedBy: true },
  });
}

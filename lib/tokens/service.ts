// API tokens (API 令牌) for integrations: a county admin issues one for a staff account; a request
// carrying it acts as that account, with the account's role and region. Only the SHA-256 of a
// token is stored; the token itself is shown once, when issued.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { actorFromUser } from "@/lib/users/actor-from-user";
import { TOKEN_PATTERN, TOKEN_PREFIX_LENGTH, type TCreateToken, type TRevokeToken } from "@/lib/tokens/schemas";
import type { ApiToken } from "@/lib/generated/prisma/client";
import { pathOf } from "@/lib/regions/path";
import { loadTokenOwner as loadUser } from "@/lib/tokens/queries";

/** lastUsedAt is refreshed at most this often, so that busy integrations do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function newToken(): string {
  return `yy_${randomBytes(32).toString("base64url")}`;
}


/** What the audit trail keeps of a token: never the token or its hash, only the prefix. */
function snapshot(t: Pick<ApiToken, "name" | "prefix" | "userId" | "revokedAt">, username: string) {
  return { name: t.name, prefix: t.prefix, userId: t.userId, username, revoked: t.revokedAt !== null };
}

export type TIssuedToken = { id: string; prefix: string; name: string; token: string };

/** 签发令牌: a new token for an active account; the plain token is returned here and never again. */
export async function createToken(actor: TActor, meta: TRequestMeta, input: TCreateToken): Promise<TIssuedToken> {
  return db.$transaction(async (tx) => {
    const user = await loadUser(tx, actor, input.userId);
    if (!user.active) throw new AppError("VALIDATION", "account disabled", { fieldErrors: { userId: ["tokens.validation.userInactive"] } });
    const token = newToken();
    const row = await tx.apiToken.create({
      data: {
        userId: user.id,
        countyCode: user.countyCode,
        name: input.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, TOKEN_PREFIX_LENGTH),
        createdBy: actor.username,
      },
    });
    await recordAudit(tx, actor, meta, {
      type: "token.created",
      entityType: "token",
      entityId: row.id,
      ...pathOf(user),
      after: snapshot(row, user.username),
    });
    return { id: row.id, prefix: row.prefix, name: row.name, token };
  });
}

/** 吊销: the token stops working at once. Revoking a revoked token changes nothing. */
export async function revokeToken(actor: TActor, meta: TRequestMeta, input: TRevokeToken) {
  return db.$transaction(async (tx) => {
    const found = await tx.apiToken.findFirst({ where: { id: input.tokenId, user: regionScope(actor) }, include: { user: true } });
    if (!found) throw new AppError("NOT_FOUND", "token not found");
    assertCan(actor, "token.manage", pathOf(found.user));
    const { user, ...token } = found;
    if (token.revokedAt) return token;
    // Guarded by revokedAt: of two revocations at once, one writes (and is audited).
    const { count } = await tx.apiToken.updateMany({
      where: { id: found.id, revokedAt: null },
      data: { revokedAt: new Date(), revokedBy: actor.username },
    });
    const after = await tx.apiToken.findUniqueOrThrow({ where: { id: found.id } });
    if (count === 0) return after;
    await recordAudit(tx, actor, meta, {
      type: "token.revoked",
      entityType: "token",
      entityId: found.id,
      ...pathOf(user),
      before: snapshot(token, user.username),
      after: snapshot(after, user.username),
    });
    return after;
  });
}

/**
 * The actor a Bearer token acts as, or null for an unknown or revoked token or a disabled
 * account. The account is read afresh on every request, as for a session.
 */
export async function resolveTokenActor(token: string, now = new Date()): Promise<TActor | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { include: { region: true } } } });
  // The county check is belt and braces: an account cannot leave the county its token was issued in.
  if (!row || row.revokedAt || !row.user.active || row.user.countyCode !== row.countyCode) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return actorFromUser(row.user);
}

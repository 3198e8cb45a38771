import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import type { TActor } from "@/lib/authz/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TUserListQuery } from "@/lib/users/schemas";

export const USER_PAGE_SIZE = 20;

/** Public shape of a staff account: never the password hash. */
const userSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  regionCode: true,
  countyCode: true,
  townshipCode: true,
  villageCode: true,
  phone: true,
  active: true,
  failedLoginCount: true,
  lockedUntil: true,
  lastLoginAt: true,
  version: true,
  createdAt: true,
  region: { select: { name: true, level: true } },
} satisfies Prisma.UserSelect;

export type TUserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export async function listUsers(actor: TActor, query: TUserListQuery) {
  assertCan(actor, "user.read");
  const now = new Date();
  const where: Prisma.UserWhereInput = {
    ...regionScope(actor),
    ...(query.role ? { role: query.role } : {}),
    ...(query.status === "active" ? { active: true } : {}),
    ...(query.status === "disabled" ? { active: false } : {}),
    ...(query.status === "locked" ? { lockedUntil: { gt: now } } : {}),
    ...(query.q
      ? {
          OR: [
            { username: { contains: query.q, mode: "insensitive" } },
            { displayName: { contains: query.q } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      select: userSelect,
      orderBy: [{ regionCode: "asc" }, { username: "asc" }],
      skip: (query.page - 1) * USER_PAGE_SIZE,
      take: USER_PAGE_SIZE,
    }),
  ]);
  return { total, rows, page: query.page, pageSize: USER_PAGE_SIZE };
}

/** One account inside the actor's region; anything else is NOT_FOUND. */
export async function getUser(actor: TActor, id: string): Promise<TUserRow> {
  const user = await db.user.findFirst({ where: { id, ...regionScope(actor) }, select: userSelect });
  if (!user) throw new AppError("NOT_FOUND", "user not found");
  assertCan(actor, "user.read", user);
  return user;
}

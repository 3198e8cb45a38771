import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One Prisma client per process, kept on globalThis so that dev-server reloads reuse it.
// Created on first use, so that importing this module (e.g. while `next build` collects
// pages) needs no database.
const globalForDb = globalThis as unknown as { yiyangDb?: PrismaClient };

function client(): PrismaClient {
  if (!globalForDb.yiyangDb) {
    const { DATABASE_URL, DATABASE_POOL_MAX } = env();
    const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_MAX });
    globalForDb.yiyangDb = new PrismaClient({ adapter });
  }
  return globalForDb.yiyangDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const target = client();
    const value = Reflect.get(target, prop, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

const disconnectHooks = new Set<() => Promise<void>>();

/** Runs `hook` on disconnectDb() (e.g. the job queue closing its own connections). */
export function onDisconnectDb(hook: () => Promise<void>): void {
  disconnectHooks.add(hook);
}

export async function disconnectDb() {
  for (const hook of disconnectHooks) await hook();
  await globalForDb.yiyangDb?.$disconnect();
  globalForDb.yiyangDb = undefined;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
/** Either the client or an open transaction: query helpers accept both. */
export type Db = PrismaClient | Tx;

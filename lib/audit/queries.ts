import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import type { TActor } from "@/lib/authz/actor";
import { AUDIT_EVENT_TYPES } from "@/lib/audit/events";

export const AUDIT_PAGE_SIZE = 50;

export const ZAuditListQuery = z.object({
  event: z.enum(AUDIT_EVENT_TYPES as [string, ...string[]]).optional().catch(undefined),
  actor: z.string().trim().max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1).catch(1),
});
export type TAuditListQuery = z.infer<typeof ZAuditListQuery>;

/** Audit records about things in the actor's region, newest first. */
export async function listAuditLogs(actor: TActor, query: TAuditListQuery) {
  assertCan(actor, "audit.read");
  const where = {
    ...regionScope(actor),
    ...(query.event ? { event: query.event } : {}),
    ...(query.actor ? { actorUsername: query.actor } : {}),
  };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (query.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
  ]);
  return { total, rows, page: query.page, pageSize: AUDIT_PAGE_SIZE };
}

import type { Db } from "@/lib/db";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { ZAuditEvent, type TAuditEvent } from "@/lib/audit/events";
import { findPersonalNumber } from "@/lib/audit/personal-data";

/**
 * Writes one audit record inside the caller's transaction, so that the change and its record
 * commit or roll back together. The event is validated against its own snapshot schemas
 * (lib/audit/events.ts), and whatever still carries an unmasked ID number, bank account or
 * mobile number is refused: a malformed event aborts the change.
 */
export async function recordAudit(tx: Db, actor: TActor, meta: TRequestMeta, event: TAuditEvent): Promise<void> {
  const e = ZAuditEvent.parse(event);
  const leak = findPersonalNumber({ entityId: e.entityId, before: e.before, after: e.after });
  if (leak) throw new Error(`audit event ${e.type}: unmasked ${leak.kind} at ${leak.path}`);
  await tx.auditLog.create({
    data: {
      event: e.type,
      entityType: e.entityType,
      entityId: e.entityId,
      countyCode: e.countyCode ?? null,
      townshipCode: e.townshipCode ?? null,
      villageCode: e.villageCode ?? null,
      actorId: actor.userId,
      actorUsername: actor.username,
      actorRole: actor.role,
      actorRegionCode: actor.regionCode,
      before: (e.before ?? undefined) as never,
      after: (e.after ?? undefined) as never,
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
  });
}

/** Only the fields whose values differ, for compact before/after snapshots. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

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
  const e = checkedEvent(event);
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

/** The event parsed against its schemas, refused when anything still carries a personal number. */
function checkedEvent(event: TAuditEvent) {
  const e = ZAuditEvent.parse(event);
  const leak = findPersonalNumber({ entityId: e.entityId, before: e.before, after: e.after });
  if (leak) throw new Error(`audit event ${e.type}: unmasked ${leak.kind} at ${leak.path}`);
  return e;
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

/**
 * Writes many audit records of one actor in one statement, inside the caller's transaction (a
 * county-wide recompute changes thousands of entitlements at once). Each event is validated as
 * recordAudit validates one.
 */
export async function recordAudits(tx: Db, actor: TActor, meta: TRequestMeta, events: readonly TAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(checkedEvent);
  const json = (value: unknown) => (value == null ? null : JSON.stringify(value));
  await tx.$executeRaw`
    INSERT INTO audit_logs (event, entity_type, entity_id, county_code, township_code, village_code, actor_id, actor_username, actor_role, actor_region_code, before, after, ip, user_agent)
    SELECT e.event, e.entity_type, e.entity_id, e.county_code, e.township_code, e.village_code, ${actor.userId}::uuid, ${actor.username}, ${actor.role}, ${actor.regionCode},
           e.before::jsonb, e.after::jsonb, ${meta.ip?.slice(0, 64) ?? null}, ${meta.userAgent?.slice(0, 300) ?? null}
      FROM unnest(${rows.map((r) => r.type)}::text[], ${rows.map((r) => r.entityType)}::text[], ${rows.map((r) => r.entityId)}::text[],
                  ${rows.map((r) => r.countyCode ?? null)}::text[], ${rows.map((r) => r.townshipCode ?? null)}::text[], ${rows.map((r) => r.villageCode ?? null)}::text[],
                  ${rows.map((r) => json(r.before))}::text[], ${rows.map((r) => json(r.after))}::text[])
        AS e(event, entity_type, entity_id, county_code, township_code, village_code, before, after)`;
}

import { z } from "zod";

// Typed audit events. Every state change writes one, in the same transaction, through
// recordAudit(). Snapshots must already be masked (lib/audit/mask.ts): no password hashes,
// no full ID numbers or bank accounts.

const ZSnapshot = z.record(z.string(), z.unknown()).nullable().optional();

const ZRegionPath = z.object({
  countyCode: z.string().length(6).nullable().optional(),
  townshipCode: z.string().length(9).nullable().optional(),
  villageCode: z.string().length(12).nullable().optional(),
});

function event<T extends string, E extends string>(type: T, entityType: E) {
  return ZRegionPath.extend({
    type: z.literal(type),
    entityType: z.literal(entityType),
    entityId: z.string().max(64).nullable(),
    before: ZSnapshot,
    after: ZSnapshot,
  });
}

export const ZAuditEvent = z.discriminatedUnion("type", [
  event("auth.login_succeeded", "user"),
  event("auth.login_failed", "user"),
  event("auth.account_locked", "user"),
  event("auth.logout", "user"),
  event("user.created", "user"),
  event("user.updated", "user"),
  event("user.disabled", "user"),
  event("user.enabled", "user"),
  event("user.password_reset", "user"),
  event("user.unlocked", "user"),
  event("system.demo_seeded", "system"),
  event("elder.created", "elder"),
  event("elder.updated", "elder"),
  event("elder.status_changed", "elder"),
  event("elder.circumstance_added", "elder"),
  event("elder.circumstance_updated", "elder"),
  event("elder.circumstance_deleted", "elder"),
  event("elder.revealed", "elder"),
  event("elder.imported", "elder"),
  event("elder.exported", "elder"),
  event("assessment.created", "assessment"),
  event("assessment.updated", "assessment"),
  event("assessment.submitted", "assessment"),
  event("assessment.confirmed", "assessment"),
  event("assessment.superseded", "assessment"),
  event("catalogue.draft_created", "catalogue"),
  event("catalogue.draft_updated", "catalogue"),
  event("catalogue.published", "catalogue"),
  event("catalogue.retired", "catalogue"),
  event("catalogue.seeded", "catalogue"),
  event("setting.updated", "setting"),
  event("case.created", "case"),
  event("case.submit", "case"),
  event("case.verify", "case"),
  event("case.start_notice", "case"),
  event("case.end_notice", "case"),
  event("case.object", "case"),
  event("case.review_approve", "case"),
  event("case.return", "case"),
  event("case.approve", "case"),
  event("case.reject", "case"),
  event("case.withdraw", "case"),
  event("case.attachment_added", "case"),
  event("case.attachment_removed", "case"),
  event("entitlement.created", "entitlement"),
  event("token.created", "token"),
  event("token.revoked", "token"),
  event("job.requested", "job"),
]);

export type TAuditEvent = z.infer<typeof ZAuditEvent>;
export type TAuditEventType = TAuditEvent["type"];
export const AUDIT_EVENT_TYPES = ZAuditEvent.options.map((o) => o.shape.type.value) as TAuditEventType[];

/** The event's key in the message catalogue (next-intl keys cannot contain dots). */
export const auditEventKey = (type: string) => type.replaceAll(".", "_");

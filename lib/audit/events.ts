import { z } from "zod";
import { MASKED_PATTERN, type TMasked } from "@/lib/audit/mask";
import { redactPersonalNumbers, redactPersonalNumbersDeep } from "@/lib/audit/personal-data";

// Typed audit events. Every state change writes one, in the same transaction, through
// recordAudit(). Each event declares the shape of its `before` and `after` snapshots.
//
// Adding an event:
//   1. describe its snapshot with the field types below (strict objects: an undeclared key is
//      refused at the write), e.g.
//        const ZVisitSnapshot = z.strictObject({ visitedOn: ZIsoDate, visitor: z.string(),
//                                               phone: ZMasked.nullable(), note: ZText.nullable() });
//   2. add one line to ZAuditEvent:  event("visit.recorded", "visit", { after: ZVisitSnapshot }),
//   3. give it a label in messages/*/audit.json (events.visit_recorded) and labels for new
//      field names (fields.<name>); lib/audit/events.test.ts checks both.
// Personal identifiers (ID numbers, bank accounts, phone numbers, certificate numbers) are
// ZMasked: only what maskIdNumber / maskBankAccount / maskPhone return (type TMasked) compiles,
// and only a masked-looking value parses. Free text (notes, comments, file names) is ZText, which
// masks any ID, account or mobile number typed into it. Whatever else carries one is refused
// by recordAudit's guard (lib/audit/personal-data.ts).

/** A masked identifier: 6104**********1230, 139****5678. */
export const ZMasked = z.custom<TMasked>((value) => typeof value === "string" && MASKED_PATTERN.test(value), {
  message: "an unmasked personal identifier in an audit snapshot",
});
/** Free text: personal numbers in it are masked on the way in. */
export const ZText = z.string().transform(redactPersonalNumbers);
/** Any JSON (rule fragments, setting values, filters), with personal numbers in strings masked. */
export const ZJson = z.unknown().transform(redactPersonalNumbersDeep);
const ZIsoDate = z.iso.date();
const ZIsoInstant = z.string().max(40);
const ZMonth = z.string().regex(/^\d{4}-\d{2}$/);
const ZId = z.string().max(64);
const ZCode = z.string().max(60);
const ZFen = z.number().int();
const ZCount = z.number().int().min(0);

// ---- snapshots -------------------------------------------------------------------------------

const ZUserSnapshot = z.strictObject({
  username: z.string(),
  displayName: ZText,
  role: ZCode,
  regionCode: ZCode,
  phone: ZMasked.nullable(),
  active: z.boolean(),
});

const ZElderSnapshot = z.strictObject({
  name: z.string(),
  idNumber: ZMasked,
  hukouRegionCode: ZCode,
  villageCode: ZCode,
  residence: ZCode,
  address: ZText.nullable(),
  phone: ZMasked.nullable(),
  guardianName: ZText.nullable(),
  guardianRelation: ZText.nullable(),
  guardianPhone: ZMasked.nullable(),
  bankName: ZText.nullable(),
  bankAccount: ZMasked.nullable(),
  status: ZCode,
  deathDate: ZIsoDate.nullable(),
  movedOutDate: ZIsoDate.nullable(),
  movedOutTo: ZText.nullable(),
  notes: ZText.nullable(),
});

const ZCircumstanceSnapshot = z.strictObject({
  recordId: ZId,
  type: ZCode,
  startDate: ZIsoDate.nullable(),
  endDate: ZIsoDate.nullable(),
  source: ZText.nullable(),
  documentNo: ZText.nullable(),
  note: ZText.nullable(),
  disabilityCategory: ZCode.nullable(),
  disabilityGrade: z.number().int().nullable(),
  // 残疾人证号 embeds the holder's ID number.
  certificateNo: ZMasked.nullable(),
});

const ZAssessmentSnapshot = z.strictObject({
  elderId: ZId,
  reason: ZCode,
  assessedOn: ZIsoDate,
  place: ZText.nullable(),
  assessor1: ZText,
  assessor2: ZText.nullable(),
  informantName: ZText.nullable(),
  informantRelation: ZText.nullable(),
  items: ZJson,
  coma: z.boolean(),
  diagnoses: ZJson,
  riskEvents: ZJson,
  total: z.number().int().nullable(),
  preliminaryLevel: z.number().int().nullable(),
  finalLevel: z.number().int().nullable(),
  changes: ZJson,
  status: ZCode,
  supersedesId: ZId.nullable(),
  notes: ZText.nullable(),
});

const ZCatalogueVersionSnapshot = z.strictObject({
  number: z.number().int(),
  label: ZText,
  status: ZCode,
  effectiveFrom: ZIsoDate.nullable(),
  revision: z.number().int(),
  items: ZCount.optional(),
  source: z.string().optional(),
  basedOn: z.number().int().optional(),
  supersededBy: z.number().int().optional(),
});

/** One item of a draft: its code and the fields that changed (rule JSON, texts, amounts). */
const ZCatalogueItemChange = z.object({ number: z.number().int(), item: ZCode, revision: z.number().int().optional() }).catchall(ZJson);

/** A county setting or parameter: its key and its value (county parameters in fen). */
const ZSettingSnapshot = z.object({ key: z.string().max(120) }).catchall(ZJson);

const ZCaseStatus = z.strictObject({ status: ZCode, version: z.number().int() });
const ZCaseTransition = z.strictObject({
  status: ZCode,
  version: z.number().int(),
  comment: ZText.nullable(),
  dueDate: ZIsoDate.nullable(),
  eligible: z.boolean().optional(),
  monthlyAmountFen: ZFen.nullable().optional(),
  oneOffAmountFen: ZFen.nullable().optional(),
  noticeStartedOn: ZIsoDate.optional(),
  noticeEndsOn: ZIsoDate.optional(),
  entitlementId: ZId.optional(),
  startMonth: ZMonth.optional(),
});
const ZAttachmentSnapshot = z.strictObject({ attachmentId: ZId, type: ZCode, contentType: z.string().max(100), sizeBytes: ZCount });

const ZTokenSnapshot = z.strictObject({ name: ZText, prefix: z.string().max(20), userId: ZId, username: z.string(), revoked: z.boolean() });

const ZDemoSeeded = z.strictObject({
  regionsAdded: ZCount.optional(),
  usersAdded: z.array(z.string()).optional(),
  eldersAdded: ZCount.optional(),
  casesAdded: ZCount.optional(),
  elders: ZCount.optional(),
  circumstances: ZCount.optional(),
  seed: z.number().int().optional(),
});

// ---- events ----------------------------------------------------------------------------------

const ZRegionPath = z.object({
  countyCode: z.string().length(6).nullable().optional(),
  townshipCode: z.string().length(9).nullable().optional(),
  villageCode: z.string().length(12).nullable().optional(),
});

/** No snapshot on that side. */
const ZNone = z.null().optional();

function event<T extends string, E extends string, B extends z.ZodType = typeof ZNone, A extends z.ZodType = typeof ZNone>(
  type: T,
  entityType: E,
  snapshots: { before?: B; after?: A } = {},
) {
  return ZRegionPath.extend({
    type: z.literal(type),
    entityType: z.literal(entityType),
    entityId: z.string().max(64).nullable(),
    before: ((snapshots.before as z.ZodType | undefined)?.nullable().optional() ?? ZNone) as z.ZodOptional<z.ZodNullable<B>>,
    after: ((snapshots.after as z.ZodType | undefined)?.nullable().optional() ?? ZNone) as z.ZodOptional<z.ZodNullable<A>>,
  });
}

const same = <S extends z.ZodType>(schema: S) => ({ before: schema, after: schema });

const ZLockedUntil = z.strictObject({ lockedUntil: ZIsoInstant.nullable() });
const ZLoginCounter = z.strictObject({ lockedUntil: ZIsoInstant.nullable(), failedLoginCount: ZCount });
const ZStatusOnly = z.strictObject({ status: ZCode });

export const ZAuditEvent = z.discriminatedUnion("type", [
  event("auth.login_succeeded", "user"),
  event("auth.login_failed", "user", { after: z.strictObject({ failedLoginCount: ZCount }) }),
  event("auth.account_locked", "user", { after: z.strictObject({ lockedUntil: ZIsoInstant }) }),
  event("auth.logout", "user"),
  event("user.created", "user", { after: ZUserSnapshot }),
  event("user.updated", "user", same(ZUserSnapshot.partial())),
  event("user.disabled", "user", same(z.strictObject({ active: z.boolean() }))),
  event("user.enabled", "user", same(z.strictObject({ active: z.boolean() }))),
  event("user.password_reset", "user", { before: ZLockedUntil, after: ZLockedUntil.extend({ passwordChanged: z.literal(true) }) }),
  event("user.unlocked", "user", same(ZLoginCounter)),
  event("system.demo_seeded", "system", { after: ZDemoSeeded }),
  event("elder.created", "elder", { after: ZElderSnapshot }),
  event("elder.updated", "elder", same(ZElderSnapshot.partial())),
  event("elder.status_changed", "elder", same(ZElderSnapshot.partial())),
  event("elder.circumstance_added", "elder", { after: ZCircumstanceSnapshot }),
  event("elder.circumstance_updated", "elder", same(ZCircumstanceSnapshot.partial())),
  event("elder.circumstance_deleted", "elder", { before: ZCircumstanceSnapshot }),
  event("elder.revealed", "elder", { after: z.strictObject({ field: z.enum(["idNumber", "bankAccount"]) }) }),
  event("elder.imported", "elder", {
    after: z.strictObject({
      fileName: ZText,
      fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
      rows: ZCount,
      created: ZCount,
      updated: ZCount,
      unchanged: ZCount,
      invalid: ZCount,
      changedFields: z.record(z.string(), ZCount),
    }),
  }),
  event("elder.exported", "elder", {
    after: z.strictObject({ filters: z.record(z.string(), ZText.nullable()), rowCount: ZCount, masked: z.boolean() }),
  }),
  event("assessment.created", "assessment", { after: ZAssessmentSnapshot }),
  event("assessment.updated", "assessment", same(ZAssessmentSnapshot.partial())),
  event("assessment.submitted", "assessment", same(ZAssessmentSnapshot.partial())),
  event("assessment.confirmed", "assessment", {
    before: ZStatusOnly,
    after: ZStatusOnly.extend({ finalLevel: z.number().int().nullable(), total: z.number().int().nullable(), supersedesId: ZId.nullable() }),
  }),
  event("assessment.superseded", "assessment", { before: ZStatusOnly, after: ZStatusOnly.extend({ supersededBy: ZId }) }),
  event("catalogue.draft_created", "catalogue", { after: ZCatalogueVersionSnapshot }),
  event("catalogue.draft_updated", "catalogue", same(ZCatalogueItemChange)),
  event("catalogue.published", "catalogue", same(ZCatalogueVersionSnapshot)),
  event("catalogue.retired", "catalogue", same(ZCatalogueVersionSnapshot)),
  event("catalogue.seeded", "catalogue", { after: ZCatalogueVersionSnapshot }),
  event("setting.updated", "setting", same(ZSettingSnapshot)),
  event("case.created", "case", {
    after: z.strictObject({ caseNo: ZCode, elderId: ZId, itemCode: ZCode, catalogueVersion: z.number().int(), channel: ZCode, status: ZCode }),
  }),
  event("case.submit", "case", { before: ZCaseStatus, after: ZCaseTransition }),
  event("case.verify", "case", { before: ZCaseStatus, after: ZCaseTransition }),
  event("case.start_notice", "case", { before: ZCaseStatus, after: ZCaseTransition }),
  event("case.end_notice", "case", { before: ZCaseStatus, after: ZCaseTransition }),
  event("case.object", "case", { before: ZCaseStatus, after: ZCaseTransition }),
  event("case.review_approve", "case", { before: ZCaseStatus, after: ZCaseTransition }),
  event("case.return", "case", { before: ZCaseStatus, after: ZCaseTransition }),
  event("case.approve", "case", { before: ZCaseStatus, after: ZCaseTransition }),
  event("case.reject", "case", { before: ZCaseStatus, after: ZCaseTransition }),
  event("case.withdraw", "case", { before: ZCaseStatus, after: ZCaseTransition }),
  event("case.attachment_added", "case", { after: ZAttachmentSnapshot }),
  event("case.attachment_removed", "case", { before: ZAttachmentSnapshot }),
  event("entitlement.created", "entitlement", {
    after: z.strictObject({
      caseNo: ZCode,
      elderId: ZId,
      itemCode: ZCode,
      monthlyAmountFen: ZFen.nullable(),
      oneOffAmountFen: ZFen.nullable(),
      startMonth: ZMonth.nullable(),
    }),
  }),
  event("token.created", "token", { after: ZTokenSnapshot }),
  event("token.revoked", "token", same(ZTokenSnapshot)),
  event("job.requested", "job", { after: z.strictObject({ kind: ZCode, key: z.string().max(200).optional() }) }),
]);

/** An event as callers pass it to recordAudit (masked identifiers are TMasked). */
export type TAuditEvent = z.input<typeof ZAuditEvent>;
export type TAuditEventType = TAuditEvent["type"];
export const AUDIT_EVENT_TYPES = ZAuditEvent.options.map((o) => o.shape.type.value) as TAuditEventType[];

/** The event's key in the message catalogue (next-intl keys cannot contain dots). */
export const auditEventKey = (type: string) => type.replaceAll(".", "_");

// Inputs of the 待遇发放 area as forms, the API and the CLI send them. Messages are catalogue keys.
import { z } from "zod";
import { isValidIsoDate, isValidMonth } from "@/lib/dates";
import { ACTION_KINDS } from "@/lib/entitlements/segments";
import { ZItemCode } from "@/lib/policy/catalogue-schema";
import { MAX_FEN } from "@/lib/policy/rules";
import { yuanToFen } from "@/lib/money";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const ZMonth = z.string().trim().refine(isValidMonth, { message: "entitlements.validation.month" });
const ZIsoDate = z.string().trim().refine(isValidIsoDate, { message: "entitlements.validation.date" });
const ZReason = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z.string({ message: "entitlements.validation.reasonRequired" }).min(1, { message: "entitlements.validation.reasonRequired" }).max(500, { message: "validation.tooLong" }),
);
const ZVersion = z.coerce.number().int().min(0);

/** An amount typed in yuan ("120", "120.5") or sent as fen by the API; negative is refused. */
const ZYuan = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    const text = v.trim();
    if (text.startsWith("-")) return -1;
    return text === "" ? undefined : (yuanToFen(text) ?? Number.NaN);
  },
  z
    .number({ message: "entitlements.validation.amount" })
    .int({ message: "entitlements.validation.amount" })
    .min(0, { message: "entitlements.validation.amountNegative" })
    .max(MAX_FEN, { message: "entitlements.validation.amount" }),
);

/** 停发 / 暂停 / 恢复 / 更正金额, by the county approver. */
export const ZEntitlementAction = z
  .object({
    id: z.string().uuid(),
    version: ZVersion,
    kind: z.enum(ACTION_KINDS, { message: "entitlements.validation.kind" }),
    fromMonth: ZMonth,
    reason: ZReason,
    /** correct: the new monthly amount (yuan in forms); absent = back to the computed amount. */
    amountFen: z.preprocess(blank, ZYuan.optional()),
    backPay: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
  })
  .transform((v) => ({ ...v, amountFen: v.amountFen ?? null }));
export type TEntitlementActionInput = z.infer<typeof ZEntitlementAction>;

export const CERTIFICATION_METHODS = ["face", "home", "window", "video"] as const;
export type TCertificationMethod = (typeof CERTIFICATION_METHODS)[number];

/** 资格认证 recorded for one entitlement. */
export const ZCertification = z.object({
  entitlementId: z.string().uuid(),
  certifiedOn: ZIsoDate,
  method: z.enum(CERTIFICATION_METHODS, { message: "entitlements.validation.method" }),
  note: z.preprocess(blank, z.string().trim().max(500, { message: "validation.tooLong" }).nullable().default(null)),
});
export type TCertificationInput = z.infer<typeof ZCertification>;

/** A township reviewer's decision on a 应退未退 proposal. */
export const ZProposalDecision = z.object({
  id: z.string().uuid(),
  version: ZVersion,
  decision: z.enum(["confirm", "dismiss"]),
  reason: ZReason,
});
export type TProposalDecision = z.infer<typeof ZProposalDecision>;

export const RECOVERY_METHODS = ["cash", "bank_deduction", "transfer"] as const;

/** 追缴到账 or 核销 of an overpayment (county approver). */
export const ZOverpaymentDecision = z.discriminatedUnion("decision", [
  z.object({
    decision: z.literal("recovered"),
    id: z.string().uuid(),
    version: ZVersion,
    amountFen: ZYuan,
    recoveredOn: ZIsoDate,
    method: z.enum(RECOVERY_METHODS, { message: "entitlements.validation.recoveryMethod" }),
  }),
  z.object({ decision: z.literal("waived"), id: z.string().uuid(), version: ZVersion, reason: ZReason }),
]);
export type TOverpaymentDecision = z.infer<typeof ZOverpaymentDecision>;

export const ENTITLEMENT_STATUSES = ["active", "suspended", "stopped"] as const;
export const PROPOSAL_STATUSES = ["pending", "confirmed", "dismissed", "obsolete"] as const;
export const OVERPAYMENT_STATUSES = ["pending", "recovered", "waived", "cancelled"] as const;
export const CERTIFICATION_VIEWS = ["due", "overdue", "suspended"] as const;

const page = z.coerce.number().int().min(1).max(100_000).optional().default(1).catch(1);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional()).catch(undefined);

/** The entitlements list's filters (a hand-edited query string falls back rather than failing). */
export const ZEntitlementListQuery = z.object({
  q: optional(z.string().trim().max(50)),
  itemCode: optional(ZItemCode),
  townshipCode: optional(z.string().regex(/^\d{9}$/)),
  villageCode: optional(z.string().regex(/^\d{12}$/)),
  status: optional(z.enum(ENTITLEMENT_STATUSES)),
  /** Only entitlements whose amount or state changes this month (a segment starts in it). */
  changed: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()).catch(false),
  page,
});
export type TEntitlementListQuery = z.infer<typeof ZEntitlementListQuery>;

export const ZProposalListQuery = z.object({
  status: optional(z.enum(PROPOSAL_STATUSES)).transform((v) => v ?? "pending"),
  townshipCode: optional(z.string().regex(/^\d{9}$/)),
  page,
});
export type TProposalListQuery = z.infer<typeof ZProposalListQuery>;

export const ZCertificationListQuery = z.object({
  view: optional(z.enum(CERTIFICATION_VIEWS)).transform((v) => v ?? "due"),
  page,
});
export type TCertificationListQuery = z.infer<typeof ZCertificationListQuery>;

export const ZOverpaymentListQuery = z.object({
  status: optional(z.enum(OVERPAYMENT_STATUSES)),
  townshipCode: optional(z.string().regex(/^\d{9}$/)),
  page,
});
export type TOverpaymentListQuery = z.infer<typeof ZOverpaymentListQuery>;

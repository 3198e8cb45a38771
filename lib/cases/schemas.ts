import { z } from "zod";
import { ZOptionalMobile } from "@/lib/elders/phone";
import { CASE_ACTIONS, CASE_STATUSES } from "@/lib/cases/workflow";

export const CASE_CHANNELS = ["window", "home_visit", "proactive"] as const;
export type TCaseChannel = (typeof CASE_CHANNELS)[number];

/** 610403-2026-000123 */
export const ZCaseNo = z.string().trim().regex(/^\d{6}-\d{4}-\d{6}$/, { message: "validation.invalid" });

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || null : (v ?? null)),
    z.string().max(max, { message: "validation.tooLong" }).nullable(),
  );

/**
 * 发起申请. Without an applicant name the elder applies in person (本人); an agent (代办人) gives
 * a name and relation.
 */
export const ZCreateCase = z.object({
  elderId: z.string().uuid({ message: "validation.invalid" }),
  itemCode: z.string().trim().min(1, { message: "validation.required" }).max(20, { message: "validation.tooLong" }),
  channel: z.enum(CASE_CHANNELS, { message: "validation.invalid" }),
  applicantName: optionalText(50),
  applicantRelation: optionalText(20),
  applicantPhone: ZOptionalMobile.optional(),
  comment: optionalText(1000).optional(),
});
export type TCreateCase = z.infer<typeof ZCreateCase>;

export const ZCaseActionInput = z.object({
  action: z.enum(CASE_ACTIONS, { message: "validation.invalid" }),
  comment: optionalText(1000).optional(),
  expectedVersion: z.coerce.number({ message: "validation.invalid" }).int().min(0),
});
export type TCaseActionInput = z.infer<typeof ZCaseActionInput>;

export const CASE_VIEWS = ["inbox", "all", "overdue"] as const;
export type TCaseView = (typeof CASE_VIEWS)[number];

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ZCaseListQuery = z.object({
  view: z.preprocess(blankToUndefined, z.enum(CASE_VIEWS).default("inbox")),
  status: z.preprocess(blankToUndefined, z.enum(CASE_STATUSES).optional()),
  itemCode: z.preprocess(blankToUndefined, z.string().max(20).optional()),
  channel: z.preprocess(blankToUndefined, z.enum(CASE_CHANNELS).optional()),
  townshipCode: z.preprocess(blankToUndefined, z.string().regex(/^\d{9}$/).optional()),
  villageCode: z.preprocess(blankToUndefined, z.string().regex(/^\d{12}$/).optional()),
  /** Elder name (prefix) or case number. */
  q: z.preprocess(blankToUndefined, z.string().trim().max(30).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100000).default(1)),
});
export type TCaseListQuery = z.infer<typeof ZCaseListQuery>;

export const ATTACHMENT_TYPES = ["id_card", "hukou", "disability_cert", "bank_card", "assessment_report", "income_proof", "photo", "other"] as const;
export type TAttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const ATTACHMENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxPerCase: 20,
  contentTypes: { "application/pdf": [".pdf"], "image/jpeg": [".jpg", ".jpeg"], "image/png": [".png"] } as Record<string, string[]>,
};

export const ZBulkApprove = z.object({
  cases: z
    .array(z.object({ caseNo: ZCaseNo, expectedVersion: z.coerce.number().int().min(0) }))
    .min(1, { message: "validation.required" })
    .max(200),
});

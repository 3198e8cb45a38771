import { z } from "zod";
import { ZIdNumber } from "@/lib/elders/id-number";
import { ZOptionalMobile } from "@/lib/elders/phone";
import { AGE_BANDS, isValidIsoDate } from "@/lib/dates";
import { CIRCUMSTANCE_RECORD_TYPES } from "@/lib/elders/circumstances";
import { ELDER_STATUSES } from "@/lib/elders/facts";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || null : v ?? null),
    z.string().max(max, { message: "validation.tooLong" }).nullable(),
  );
const ZIsoDate = z.string().trim().refine(isValidIsoDate, { message: "elders.record.invalidDate" });

/** 户籍地区划代码: 6, 9 or 12 digits, stored as 12 (padded with zeros). */
export const ZHukouCode = z
  .string()
  .trim()
  .regex(/^\d{6}(\d{3}){0,2}$/, { message: "registry.form.hukouCode" })
  .transform((v) => v.padEnd(12, "0"));

export const ZVillageCode = z.string().trim().regex(/^\d{12}$/, { message: "registry.form.villageCode" });

/** The fields of 老年人档案 that staff enter (birth date and sex come from the ID number). */
export const ZElderFields = z.object({
  name: z.string().trim().min(1, { message: "registry.form.nameRequired" }).max(50, { message: "validation.tooLong" }),
  idNumber: ZIdNumber,
  hukouRegionCode: ZHukouCode,
  villageCode: ZVillageCode,
  residence: z.enum(["urban", "rural"], { message: "registry.form.residence" }),
  address: optionalText(200),
  phone: ZOptionalMobile.optional().transform((v) => v ?? null),
  guardianName: optionalText(50),
  guardianRelation: optionalText(20),
  guardianPhone: ZOptionalMobile.optional().transform((v) => v ?? null),
  bankName: optionalText(50),
  bankAccount: z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\s/g, "") || null : v ?? null),
    z.string().regex(/^\d{8,30}$/, { message: "registry.form.bankAccount" }).nullable(),
  ),
  notes: optionalText(500),
});
export type TElderFields = z.infer<typeof ZElderFields>;

export const ZCreateElder = ZElderFields;
/**
 * Editing never shows the stored ID number or bank account (showing them would be a reveal): a
 * blank field keeps the stored value, a typed one replaces it, and `clearBankAccount` removes
 * the account.
 */
export const ZUpdateElder = ZElderFields.extend({
  id: z.string().uuid(),
  version: z.coerce.number().int().min(0),
  idNumber: z.preprocess(blank, ZIdNumber.optional()),
  bankAccount: z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\s/g, "") || undefined : v ?? undefined),
    z.string().regex(/^\d{8,30}$/, { message: "registry.form.bankAccount" }).optional(),
  ),
  clearBankAccount: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).optional(),
});
export type TUpdateElder = z.infer<typeof ZUpdateElder>;

/** Marking deceased or moved out asks for the date; back to living clears both. */
export const ZElderStatusChange = z
  .object({
    id: z.string().uuid(),
    version: z.coerce.number().int().min(0),
    status: z.enum(ELDER_STATUSES),
    date: z.preprocess(blank, ZIsoDate.optional()),
    movedOutTo: z.preprocess(blank, z.string().trim().max(100).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.status !== "living" && !v.date) ctx.addIssue({ code: "custom", path: ["date"], message: "registry.form.statusDateRequired" });
  });
export type TElderStatusChange = z.infer<typeof ZElderStatusChange>;

export const ELDER_SORTS = ["name", "birthDate", "createdAt"] as const;
/** Newest registrations first; names A→Z; birth date ascending = oldest first. */
export const ELDER_SORT_DIRECTION = { createdAt: "desc", name: "asc", birthDate: "asc" } as const;

export const ZElderListQuery = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  village: z.string().regex(/^\d{12}$/).optional().catch(undefined),
  township: z.string().regex(/^\d{9}$/).optional().catch(undefined),
  ageBand: z.enum(AGE_BANDS).optional().catch(undefined),
  circumstance: z.enum(CIRCUMSTANCE_RECORD_TYPES).optional().catch(undefined),
  status: z.enum(ELDER_STATUSES).optional().catch(undefined),
  sort: z.enum(ELDER_SORTS).optional().default("createdAt").catch("createdAt"),
  /** Without it, each sort has its natural direction (ELDER_SORT_DIRECTION). */
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1).catch(1),
});
export type TElderListQuery = z.infer<typeof ZElderListQuery>;

export const ZRevealField = z.object({ id: z.string().uuid(), field: z.enum(["idNumber", "bankAccount"]) });

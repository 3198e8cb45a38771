// Inputs of catalogue administration and the policy finder, as forms post them.
import { z } from "zod";
import { isValidIsoDate } from "@/lib/dates";
import { CIRCUMSTANCE_KEYS, DISABILITY_CATEGORIES } from "@/lib/policy/facts";
import { DELIVERIES, ZItemCode } from "@/lib/policy/catalogue-schema";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const ZIsoDate = z.string().trim().refine(isValidIsoDate, { message: "catalogue.form.invalidDate" });

export const ZVersionRef = z.object({
  id: z.string().uuid(),
  revision: z.coerce.number().int().min(0),
});
export type TVersionRef = z.infer<typeof ZVersionRef>;

export const ZPublishDraft = ZVersionRef.extend({
  effectiveFrom: z.preprocess(blank, z.string({ message: "catalogue.form.effectiveFromRequired" }).pipe(ZIsoDate)),
});
export type TPublishDraft = z.infer<typeof ZPublishDraft>;

/** The county parameters form's date and note (the values are read field by field). */
export const ZParamsForm = z.object({
  effectiveFrom: z.preprocess(blank, z.string({ message: "catalogue.params.effectiveFromRequired" }).pipe(ZIsoDate)),
  note: z.preprocess(blank, z.string().trim().max(200, { message: "validation.tooLong" }).nullable().default(null)),
});

/** The common fields of an item edited by the form; the rules come as JSON text (rule-json.ts). */
export const ZItemForm = ZVersionRef.extend({
  code: ZItemCode,
  name: z.string().trim().min(1, { message: "catalogue.form.nameRequired" }).max(60, { message: "validation.tooLong" }),
  content: z.string().trim().min(1, { message: "catalogue.form.contentRequired" }),
  target: z.string().trim().min(1, { message: "catalogue.form.targetRequired" }),
  leadDepartments: z
    .string()
    .transform((v) => v.split(/[,，、;；\n]/).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(60)).min(1, { message: "catalogue.form.departmentsRequired" })),
  delivery: z.enum(DELIVERIES, { message: "catalogue.form.delivery" }),
  needsApplication: checkbox,
  publicNotice: checkbox,
  noticeDays: z.preprocess(
    blank,
    z.coerce
      .number({ message: "catalogue.form.noticeDays" })
      .int({ message: "catalogue.form.noticeDays" })
      .min(1, { message: "catalogue.form.noticeDays" })
      .max(60, { message: "catalogue.form.noticeDays" })
      .optional(),
  ),
  eligibility: z.string(),
  amount: z.string(),
  notes: z.preprocess(blank, z.string().trim().max(2000).optional()),
});
export type TItemForm = z.infer<typeof ZItemForm>;

/** The finder's typed-in facts form (everything optional but a birth date or ID number). */
export const ZFinderForm = z.object({
  idNumber: z.preprocess(blank, z.string().trim().optional()),
  birthDate: z.preprocess(blank, z.string().trim().optional()),
  sex: z.preprocess(blank, z.enum(["male", "female"]).optional()),
  hukouLocal: z.enum(["yes", "no"]).default("yes"),
  residence: z.preprocess(blank, z.enum(["urban", "rural"]).optional()),
  deceased: checkbox,
  circumstances: z.array(z.enum(CIRCUMSTANCE_KEYS)).default([]),
  disabilityGrade: z.preprocess(blank, z.coerce.number().int().min(1).max(4).optional()),
  disabilityCategory: z.preprocess(blank, z.enum(DISABILITY_CATEGORIES).optional()),
  capabilityLevel: z.preprocess(blank, z.coerce.number().int().min(0).max(4).optional()),
  asOf: z.preprocess(blank, ZIsoDate.optional()),
});
export type TFinderForm = z.infer<typeof ZFinderForm>;

export const ZAsOf = z.preprocess(blank, ZIsoDate.optional()).catch(undefined);

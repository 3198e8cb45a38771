import { z } from "zod";
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";
import { isValidIsoDate } from "@/lib/dates";
import { ASSESSMENT_REASONS, ITEM_MAX_SCORES, RISK_EVENTS, isItemCode } from "@/lib/assessment/items";
import { parseIcd10 } from "@/lib/assessment/score";

// What an assessor enters. Field error messages are catalogue keys; nested paths are joined
// with dots (`items.B1.1`, `diagnoses.0.code`) so the form can show each next to its control.

const E = (key: string) => `assessment.errors.${key}`;

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || null : v ?? null),
    z.string().max(max, { message: "validation.tooLong" }).nullable(),
  );

/** 评估员: a staff account with the assessor role, or a named external assessor with a certificate. */
export const ZAssessor = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("staff"), userId: z.string().uuid({ message: E("assessorRequired") }) }),
    z.object({
      kind: z.literal("external"),
      name: z.string().trim().min(1, { message: E("assessorNameRequired") }).max(50, { message: "validation.tooLong" }),
      certNo: z.string().trim().min(1, { message: E("certNoRequired") }).max(50, { message: "validation.tooLong" }),
    }),
  ],
  { message: E("assessorRequired") },
);
export type TAssessor = z.infer<typeof ZAssessor>;

/** Item scores; a draft may leave items out, a submission needs all 26 (checked by the service). */
export const ZItemScores = z.record(z.string(), z.number()).superRefine((items, ctx) => {
  for (const [code, score] of Object.entries(items)) {
    if (!isItemCode(code)) ctx.addIssue({ code: "custom", path: [code], message: E("unknownItem") });
    else if (!Number.isInteger(score) || score < 0 || score > ITEM_MAX_SCORES[code]) {
      ctx.addIssue({ code: "custom", path: [code], message: E("itemOutOfRange") });
    }
  }
});

export const ZDiagnosisEntry = z.object({
  code: z
    .string()
    .trim()
    .min(1, { message: E("diagnosisCode") })
    .refine((c) => parseIcd10(c) !== null, { message: E("diagnosisCode") })
    .transform((c) => parseIcd10(c)!.code),
  byPsychiatrist: z.boolean().default(false),
});

export const ZAssessmentFields = z.object({
  reason: z.enum(ASSESSMENT_REASONS, { message: E("reasonRequired") }),
  assessedOn: z.string().trim().refine(isValidIsoDate, { message: E("dateRequired") }),
  place: optionalText(100),
  assessor1: ZAssessor,
  assessor2: ZAssessor.nullable().default(null),
  informantName: optionalText(50),
  informantRelation: optionalText(20),
  items: ZItemScores.default({}),
  coma: z.boolean().default(false),
  diagnoses: z.array(ZDiagnosisEntry).max(20).default([]),
  /** One entry per event in the last 30 days: two falls are ["fall", "fall"]. */
  riskEvents: z.array(z.enum(RISK_EVENTS)).max(50).default([]),
  notes: optionalText(500),
});
export type TAssessmentFields = z.infer<typeof ZAssessmentFields>;
export type TAssessmentFieldsInput = z.input<typeof ZAssessmentFields>;

export const ZAssessmentRef = z.object({ id: z.string().uuid(), version: z.coerce.number().int().min(0) });

/** The form posts its fields as one JSON value (`payload`) next to id, version and intent. */
export const ZAssessmentIntent = z.enum(["save", "submit"]);

export const ASSESSMENT_STATUSES = ["draft", "submitted", "confirmed", "superseded"] as const;
export type TAssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ZAssessmentListQuery = z.object({
  view: z.enum(["all", "due"]).optional().default("all").catch("all"),
  status: z.enum(ASSESSMENT_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1).catch(1),
});
export type TAssessmentListQuery = z.infer<typeof ZAssessmentListQuery>;

/** Zod issues as field errors keyed by the whole path (`items.B1.1`). */
export function assessmentFieldErrors(error: z.ZodError): TFieldErrors {
  const out: TFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses the form's JSON payload; a failure is VALIDATION with field errors. */
export function parseAssessmentFields(raw: unknown): TAssessmentFields {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new AppError("VALIDATION", "payload is not JSON");
    }
  }
  const result = ZAssessmentFields.safeParse(value);
  if (!result.success) throw new AppError("VALIDATION", "invalid assessment", { fieldErrors: assessmentFieldErrors(result.error) });
  return result.data;
}

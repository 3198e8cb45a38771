// The circumstance records the registry stores for an elder. Each has an effective period and a
// source, because benefits start and stop with them (应享尽享, 应退尽退). The keys are the ones
// eligibility rules read (lib/policy/facts.ts), plus "disability", which is a record here but a
// separate field (grade and category) in the person's facts.
import { z } from "zod";
import { isValidIsoDate } from "@/lib/dates";
import { CIRCUMSTANCE_KEYS, DISABILITY_CATEGORIES, type TCircumstanceKey } from "@/lib/policy/facts";

export const CIRCUMSTANCE_RECORD_TYPES = [...CIRCUMSTANCE_KEYS, "disability"] as const;
export type TCircumstanceRecordType = (typeof CIRCUMSTANCE_RECORD_TYPES)[number];

export const DISABILITY_GRADES = [1, 2, 3, 4] as const;
export type TDisabilityGrade = (typeof DISABILITY_GRADES)[number];

export const CIRCUMSTANCE_GROUP_KEYS = [
  "economic",
  "disability",
  "family_planning",
  "special_care",
  "living_arrangement",
  "other",
] as const;
export type TCircumstanceGroupKey = (typeof CIRCUMSTANCE_GROUP_KEYS)[number];

/**
 * How the UI groups the record types (labels: elders.circumstanceGroup.<key>, elders.circumstance.<type>).
 * `satisfies` makes the compiler refuse a group of unknown types; the unit test checks that every
 * type appears in exactly one group.
 */
export const CIRCUMSTANCE_GROUPS = [
  { key: "economic", types: ["dibao", "dibao_edge", "tekun_dispersed", "tekun_centralized", "low_income"] },
  { key: "disability", types: ["disability"] },
  { key: "family_planning", types: ["fp_only_child_deceased", "fp_only_child_disabled"] },
  {
    key: "special_care",
    types: [
      "martyr_family",
      "duty_death_family",
      "illness_death_family",
      "disabled_veteran",
      "demobilized_soldier",
      "retired_soldier",
    ],
  },
  { key: "living_arrangement", types: ["living_alone", "empty_nest", "left_behind"] },
  { key: "other", types: ["vagrant"] },
] as const satisfies readonly { key: TCircumstanceGroupKey; types: readonly TCircumstanceRecordType[] }[];

export function circumstanceGroupOf(type: TCircumstanceRecordType): TCircumstanceGroupKey {
  const group = CIRCUMSTANCE_GROUPS.find((g) => (g.types as readonly TCircumstanceRecordType[]).includes(type));
  if (!group) throw new Error(`circumstance type without a group: ${type}`);
  return group.key;
}

export function isCircumstanceKey(type: TCircumstanceRecordType): type is TCircumstanceKey {
  return type !== "disability";
}

// Forms post "" for an empty field and the database hands back null; both mean "not given".
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const ZIsoDate = z.string().trim().refine(isValidIsoDate, { message: "elders.record.invalidDate" });

function optionalText(max: number) {
  return z.preprocess(
    (value) => blankToUndefined(typeof value === "string" ? value.trim() : value),
    z.string().max(max, { message: "validation.tooLong" }).optional(),
  );
}

const DISABILITY_FIELDS = ["disabilityCategory", "disabilityGrade", "certificateNo"] as const;

/**
 * One circumstance record as entered or imported. Absent optional fields come out as null, the
 * value the database stores, so an update clears a field rather than leaving it unchanged.
 *
 * Rules: dates are real ISO dates; the end date, when given, is on or after the start date (a
 * one-day record is allowed; both ends are inclusive, see lib/elders/facts.ts); the disability
 * category, grade and certificate number are required for a disability record and refused for
 * any other type, so a stray grade can never turn into a disability fact.
 */
export const ZCircumstanceRecord = z
  .object({
    type: z.enum(CIRCUMSTANCE_RECORD_TYPES, { message: "elders.record.type" }),
    startDate: ZIsoDate,
    endDate: z.preprocess(blankToUndefined, ZIsoDate.optional()),
    source: optionalText(100),
    documentNo: optionalText(100),
    note: optionalText(500),
    disabilityCategory: z.preprocess(
      blankToUndefined,
      z.enum(DISABILITY_CATEGORIES, { message: "elders.record.disabilityCategory" }).optional(),
    ),
    // Coerced because HTML forms post the grade as a string.
    disabilityGrade: z.preprocess(
      (value) => {
        const v = blankToUndefined(value);
        return typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
      },
      z
        .number({ message: "elders.record.disabilityGrade" })
        .int({ message: "elders.record.disabilityGrade" })
        .min(1, { message: "elders.record.disabilityGrade" })
        .max(4, { message: "elders.record.disabilityGrade" })
        .optional(),
    ),
    certificateNo: optionalText(30),
  })
  .superRefine((record, ctx) => {
    if (record.endDate !== undefined && record.endDate < record.startDate) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "elders.record.endBeforeStart" });
    }
    const isDisability = record.type === "disability";
    for (const field of DISABILITY_FIELDS) {
      if (isDisability && record[field] === undefined) {
        ctx.addIssue({ code: "custom", path: [field], message: "elders.record.disabilityRequired" });
      }
      if (!isDisability && record[field] !== undefined) {
        ctx.addIssue({ code: "custom", path: [field], message: "elders.record.disabilityOnly" });
      }
    }
  })
  .transform((record) => ({
    type: record.type,
    startDate: record.startDate,
    endDate: record.endDate ?? null,
    source: record.source ?? null,
    documentNo: record.documentNo ?? null,
    note: record.note ?? null,
    disabilityCategory: record.disabilityCategory ?? null,
    disabilityGrade: (record.disabilityGrade ?? null) as TDisabilityGrade | null,
    certificateNo: record.certificateNo ?? null,
  }));
export type TCircumstanceRecord = z.infer<typeof ZCircumstanceRecord>;
export type TCircumstanceRecordInput = z.input<typeof ZCircumstanceRecord>;

// A registered elder's facts on one date, as eligibility and amount rules read them
// (TPersonFacts). Pure: the caller loads the elder, their circumstance records and the latest
// capability level, and this decides what holds on `asOf`.
//
// Boundary choices (all dates are inclusive Asia/Shanghai calendar days):
// - A circumstance record is in force from its start date through its end date, both included;
//   a record without an end date is open-ended. So a record ending 2025-03-31 still counts on
//   2025-03-31 and no longer on 2025-04-01, and one starting 2025-04-01 counts on that day.
// - The death date is the first day the person is not alive: deceased on 2025-03-10 means
//   alive on 2025-03-09 and not alive on 2025-03-10. A death date after asOf means still alive
//   on asOf (facts for past dates stay true after the death is recorded).
// - A deceased elder without a death date is treated as not alive on every date: stopping a
//   benefit that may be owed is recoverable, paying one after death is an overpayment.
// - Moving out (迁出) is modelled the same way on hukouLocal: from the moved-out date (or on every
//   date when it is unknown) the person's 户籍 no longer lies in the county, whatever code the
//   record still carries. TPersonFacts has no other field through which a rule could see it.
import { ageOn, isValidIsoDate } from "@/lib/dates";
import { CIRCUMSTANCE_KEYS, DISABILITY_CATEGORIES } from "@/lib/policy/facts";
import type {
  TCircumstanceKey,
  TDisabilityCategory,
  TPersonFacts,
  TResidence,
  TSex,
} from "@/lib/policy/facts";
import {
  DISABILITY_GRADES,
  isCircumstanceKey,
  type TCircumstanceRecordType,
  type TDisabilityGrade,
} from "@/lib/elders/circumstances";

export const ELDER_STATUSES = ["living", "deceased", "moved_out"] as const;
export type TElderStatus = (typeof ELDER_STATUSES)[number];

/** The parts of an elder's record the facts depend on. */
export type TElderForFacts = {
  idNumber?: string | null;
  birthDate: string;
  sex: TSex;
  hukouRegionCode: string | null;
  residence: TResidence | null;
  status: TElderStatus;
  deathDate?: string | null;
  movedOutDate?: string | null;
};

/** A stored circumstance record (extra fields such as id are ignored). */
export type TCircumstanceRecordForFacts = {
  id?: string;
  type: TCircumstanceRecordType;
  startDate: string;
  endDate?: string | null;
  disabilityCategory?: TDisabilityCategory | null;
  // number, not 1|2|3|4: that is what the database hands back; checked below.
  disabilityGrade?: number | null;
};

export type TFactsOptions = {
  /** The county whose catalogue is evaluated (6-digit GB/T 2260 code). */
  countyCode: string;
  /** Final level of the latest confirmed capability assessment, if any. */
  capabilityLevel?: 0 | 1 | 2 | 3 | 4 | null;
};

export function isInForce(record: Pick<TCircumstanceRecordForFacts, "startDate" | "endDate">, asOf: string): boolean {
  return record.startDate <= asOf && (record.endDate == null || record.endDate >= asOf);
}

/**
 * The elder's facts on `asOf` ("YYYY-MM-DD"). Throws on malformed input (an invalid date, a county
 * code that is not 6 digits, a disability record without a grade 1–4 or category) rather than
 * guessing: the records passed the registry's schemas, so such input is a bug to surface.
 */
export function factsAsOf(
  elder: TElderForFacts,
  records: readonly TCircumstanceRecordForFacts[],
  asOf: string,
  options: TFactsOptions,
): TPersonFacts {
  if (!isValidIsoDate(asOf)) throw new RangeError(`asOf is not a valid ISO date: ${asOf}`);
  // An empty prefix would make every 户籍 local.
  if (!/^\d{6}$/.test(options.countyCode)) throw new RangeError(`countyCode must be 6 digits: ${options.countyCode}`);

  const deceased = elder.status === "deceased" && (elder.deathDate == null || elder.deathDate <= asOf);
  const movedOut = elder.status === "moved_out" && (elder.movedOutDate == null || elder.movedOutDate <= asOf);
  const hukouRegionCode = elder.hukouRegionCode ?? null;

  const inForce = records.filter((r) => isInForce(r, asOf));

  const keys = new Set<TCircumstanceKey>();
  for (const record of inForce) if (isCircumstanceKey(record.type)) keys.add(record.type);
  // Catalogue order rather than alphabetical: stable, and reasons read in the same order as the form.
  const circumstances = CIRCUMSTANCE_KEYS.filter((key) => keys.has(key));

  return {
    asOf,
    birthDate: elder.birthDate,
    sex: elder.sex,
    age: ageOn(elder.birthDate, asOf),
    hukouRegionCode,
    hukouLocal: !movedOut && hukouRegionCode !== null && hukouRegionCode.startsWith(options.countyCode),
    residence: elder.residence ?? null,
    alive: !deceased,
    circumstances,
    disability: disabilityInForce(inForce),
    capabilityLevel: options.capabilityLevel ?? null,
  };
}

/**
 * The most severe (lowest grade) disability record among those in force. Two certificates in
 * force at once happen when a reassessed one is entered before the old one is ended; on equal
 * grades the later start date wins (the newer certificate), then the category order, so the
 * answer never depends on the order the records were loaded in.
 */
export function disabilityInForce(inForce: readonly TCircumstanceRecordForFacts[]): TPersonFacts["disability"] {
  let best: { grade: TDisabilityGrade; category: TDisabilityCategory; startDate: string } | null = null;
  for (const record of inForce) {
    if (record.type !== "disability") continue;
    const grade = record.disabilityGrade;
    const category = record.disabilityCategory;
    if (!isDisabilityGrade(grade)) {
      throw new RangeError(`disability record with grade ${String(grade)}`);
    }
    if (category == null || !DISABILITY_CATEGORIES.includes(category)) {
      throw new RangeError(`disability record with category ${String(category)}`);
    }
    const candidate = { grade, category, startDate: record.startDate };
    if (best === null || isMoreSevere(candidate, best)) best = candidate;
  }
  return best && { grade: best.grade, category: best.category };
}

function isDisabilityGrade(grade: number | null | undefined): grade is TDisabilityGrade {
  return (DISABILITY_GRADES as readonly unknown[]).includes(grade);
}

function isMoreSevere(
  a: { grade: number; category: TDisabilityCategory; startDate: string },
  b: { grade: number; category: TDisabilityCategory; startDate: string },
): boolean {
  if (a.grade !== b.grade) return a.grade < b.grade;
  if (a.startDate !== b.startDate) return a.startDate > b.startDate;
  return DISABILITY_CATEGORIES.indexOf(a.category) < DISABILITY_CATEGORIES.indexOf(b.category);
}

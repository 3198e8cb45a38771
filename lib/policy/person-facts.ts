// Builds TPersonFacts from plain inputs (typed-in facts, tests, the CLI): 周岁 age is derived
// from the birth date on the as-of date; everything not given takes the neutral default.
import { ageOn } from "@/lib/dates";
import type { TCircumstanceKey, TDisabilityCategory, TPersonFacts, TResidence, TSex } from "@/lib/policy/facts";

export type TPersonFactsInput = {
  asOf: string;
  birthDate: string;
  sex?: TSex;
  hukouRegionCode?: string | null;
  /** Defaults to true, or to whether hukouRegionCode lies in `countyCode` when both are given. */
  hukouLocal?: boolean;
  countyCode?: string;
  residence?: TResidence | null;
  alive?: boolean;
  circumstances?: TCircumstanceKey[];
  disability?: { grade: 1 | 2 | 3 | 4; category: TDisabilityCategory } | null;
  capabilityLevel?: 0 | 1 | 2 | 3 | 4 | null;
};

export function buildPersonFacts(input: TPersonFactsInput): TPersonFacts {
  const hukouRegionCode = input.hukouRegionCode ?? null;
  const hukouLocal =
    input.hukouLocal ?? (hukouRegionCode !== null && input.countyCode !== undefined ? hukouRegionCode.startsWith(input.countyCode) : true);
  return {
    asOf: input.asOf,
    birthDate: input.birthDate,
    sex: input.sex ?? "female",
    age: ageOn(input.birthDate, input.asOf),
    hukouRegionCode,
    hukouLocal,
    residence: input.residence ?? null,
    alive: input.alive ?? true,
    circumstances: [...new Set(input.circumstances ?? [])],
    disability: input.disability ?? null,
    capabilityLevel: input.capabilityLevel ?? null,
  };
}

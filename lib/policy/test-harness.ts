// Shared by the county catalogue tests: builds facts from a short spec and checks one item's
// answer, recording which items a test file has checked so it can assert it checked them all.
import { expect } from "vitest";
import { SEED_CATALOGUES, type TSeedCountyCode } from "@/lib/catalogue/data";
import { evaluateCatalogue, type TItemResult, type TParamValues } from "@/lib/policy/evaluate";
import type { TCircumstanceKey, TDisabilityCategory, TPersonFacts, TResidence, TSex } from "@/lib/policy/facts";
import { buildPersonFacts } from "@/lib/policy/person-facts";

/** The date the examples hold on. */
export const AS_OF = "2026-11-01";

export type TPersonSpec = {
  /** 周岁 on AS_OF; the person is born on 11-01 of the year, so the birthday is AS_OF itself. */
  age?: number;
  birthDate?: string;
  sex?: TSex;
  local?: boolean;
  residence?: TResidence | null;
  alive?: boolean;
  circumstances?: TCircumstanceKey[];
  disability?: { grade: 1 | 2 | 3 | 4; category?: TDisabilityCategory } | null;
  level?: 0 | 1 | 2 | 3 | 4 | null;
};

export function factsOf(spec: TPersonSpec): TPersonFacts {
  const birthDate = spec.birthDate ?? `${2026 - (spec.age ?? 70)}-11-01`;
  return buildPersonFacts({
    asOf: AS_OF,
    birthDate,
    sex: spec.sex ?? "female",
    hukouLocal: spec.local ?? true,
    residence: spec.residence ?? null,
    alive: spec.alive ?? true,
    circumstances: spec.circumstances ?? [],
    disability: spec.disability ? { grade: spec.disability.grade, category: spec.disability.category ?? "physical" } : null,
    capabilityLevel: spec.level ?? null,
  });
}

export type TExpected = { eligible: boolean; monthly?: number | null; oneOff?: number | null };

export function countyHarness(countyCode: TSeedCountyCode) {
  const catalogue = SEED_CATALOGUES[countyCode];
  const covered = new Set<string>();

  function run(spec: TPersonSpec, params: TParamValues = {}): Map<string, TItemResult> {
    return new Map(evaluateCatalogue(catalogue, factsOf(spec), params).map((r) => [r.code, r]));
  }

  function result(code: string, spec: TPersonSpec, params: TParamValues = {}): TItemResult {
    covered.add(code);
    const found = run(spec, params).get(code);
    if (!found) throw new Error(`no item ${code} in ${countyCode}`);
    return found;
  }

  /** Asserts eligibility and both amounts (amounts default to null). */
  function check(code: string, spec: TPersonSpec, expected: TExpected, params: TParamValues = {}) {
    const r = result(code, spec, params);
    expect({ code, eligible: r.eligible, monthly: r.monthlyAmountFen, oneOff: r.oneOffAmountFen }).toEqual({
      code,
      eligible: expected.eligible,
      monthly: expected.monthly ?? null,
      oneOff: expected.oneOff ?? null,
    });
    return r;
  }

  /** Checks an age threshold: ineligible one year below `min`, eligible at `min` (and deceased not). */
  function checkMinAge(code: string, min: number, extra: TPersonSpec = {}, expected: Omit<TExpected, "eligible"> = {}) {
    check(code, { ...extra, age: min - 1 }, { eligible: false });
    check(code, { ...extra, age: min }, { eligible: true, ...expected });
    check(code, { ...extra, age: min + 20 }, { eligible: true, ...expected });
    check(code, { ...extra, age: min, alive: false }, { eligible: false });
  }

  function uncovered(): string[] {
    return catalogue.items.map((i) => i.code).filter((code) => !covered.has(code));
  }

  return { catalogue, run, result, check, checkMinAge, covered, uncovered };
}

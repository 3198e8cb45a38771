// `npm run bench:policy`: how long the policy engine takes to evaluate every item of each seed
// county's catalogue for 200,000 people (issue 5 target: under 60 s; single evaluations under
// 50 ms). Prints figures; asserts nothing.
import { SEED_CATALOGUES, SEED_COUNTY_CODES } from "@/lib/catalogue/data";
import { createEvaluator } from "@/lib/policy/evaluate";
import { CIRCUMSTANCE_KEYS, type TPersonFacts } from "@/lib/policy/facts";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200_000);

function population(size: number): TPersonFacts[] {
  let seed = 20261101;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: size }, () => {
    const age = 55 + Math.floor(random() * 50);
    return {
      asOf: "2026-11-01",
      birthDate: `${2026 - age}-11-01`,
      sex: random() < 0.5 ? "male" : "female",
      age,
      hukouRegionCode: null,
      hukouLocal: random() < 0.9,
      residence: random() < 0.5 ? "urban" : "rural",
      alive: random() < 0.98,
      circumstances: CIRCUMSTANCE_KEYS.filter(() => random() < 0.06),
      disability: random() < 0.1 ? { grade: (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4, category: "physical" } : null,
      capabilityLevel: random() < 0.7 ? (Math.floor(random() * 5) as 0 | 1 | 2 | 3 | 4) : null,
    } satisfies TPersonFacts;
  });
}

const people = population(PEOPLE);
console.log(`policy engine, ${PEOPLE.toLocaleString()} people per county\n`);
console.log("county   items   no reasons (s)   with reasons (s)   single, with reasons (ms)");
for (const code of SEED_COUNTY_CODES) {
  const catalogue = SEED_CATALOGUES[code];
  const fast = createEvaluator(catalogue, {}, { withReasons: false });
  let started = performance.now();
  for (const person of people) fast(person);
  const bulk = (performance.now() - started) / 1000;
  const full = createEvaluator(catalogue);
  started = performance.now();
  for (const person of people) full(person);
  const withReasons = (performance.now() - started) / 1000;
  started = performance.now();
  const single = createEvaluator(catalogue);
  single(people[0]);
  const one = performance.now() - started;
  console.log(`${code}   ${String(catalogue.items.length).padStart(5)}   ${bulk.toFixed(2).padStart(14)}   ${withReasons.toFixed(2).padStart(16)}   ${one.toFixed(2).padStart(10)}`);
}
console.log("\ntargets: whole county under 60 s; a single evaluation under 50 ms");

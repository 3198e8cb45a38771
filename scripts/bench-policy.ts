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

// ---------------------------------------------------------------------------------------------
// Set-based evaluation of a real registry: every elder of a county in the database, loaded in a
// few queries (lib/catalogue/evaluation.ts loadCountyFacts) and evaluated against the catalogue
// in force (the seed catalogue when the database has none). Database: DATABASE_URL, or
// `yiyang_bench` on BENCH_SERVER_URL (the one `npm run bench:registry` fills with 200,000
// elders in 610403); skipped with a notice when neither answers.
async function benchDatabase() {
  const county = process.env.BENCH_COUNTY ?? "610403";
  const { databaseUrlFor } = await import("@/lib/testing/test-database");
  const pg = (await import("pg")).default;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const server = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
    const admin = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'yiyang_bench'");
      if (exists.rowCount) url = databaseUrlFor(server, "yiyang_bench");
    } catch {
      // No server: the database section is skipped below.
    } finally {
      await admin.end().catch(() => {});
    }
  }
  if (url && !process.env.DATABASE_URL) {
    // As bench:registry does: bring yiyang_bench up to date (adds tables; never drops data).
    const { execFileSync } = await import("node:child_process");
    const path = await import("node:path");
    try {
      execFileSync(path.resolve(import.meta.dirname, "../node_modules/.bin/prisma"), ["migrate", "deploy"], {
        cwd: path.resolve(import.meta.dirname, ".."),
        env: { ...process.env, DATABASE_URL: url },
        stdio: "pipe",
      });
    } catch (error) {
      console.log(`\ndatabase: yiyang_bench could not be migrated (${(error as Error).message.split("\n")[0]}); run \`npm run bench:registry -- --fresh\`; skipped`);
      return;
    }
  }
  if (!url) {
    console.log("\ndatabase: none (set DATABASE_URL, or run `npm run bench:registry` once to fill yiyang_bench); skipped");
    return;
  }
  process.env.DATABASE_URL = url;
  const { db, disconnectDb } = await import("@/lib/db");
  const { loadCountyFacts, compareCatalogues } = await import("@/lib/catalogue/evaluation");
  const { versionInForce } = await import("@/lib/catalogue/queries");
  const { readParamValues } = await import("@/lib/catalogue/params");
  const { seedCatalogue } = await import("@/lib/catalogue/data");
  try {
    const asOf = "2026-11-01";
    const inForce = await versionInForce(county, asOf).catch(() => null);
    const catalogue = inForce?.catalogue ?? seedCatalogue(county);
    if (!catalogue) throw new Error(`no catalogue for ${county}`);
    const params = await readParamValues(county, asOf).catch(() => ({}));
    const started = performance.now();
    const { facts, skipped, loadMs } = await loadCountyFacts(county, asOf, db);
    const evalStarted = performance.now();
    const evaluate = createEvaluator(catalogue, params, { withReasons: false });
    let eligible = 0;
    for (const person of facts) for (const r of evaluate(person)) if (r.eligible) eligible++;
    const evalMs = performance.now() - evalStarted;
    const totalS = (performance.now() - started) / 1000;
    // A draft preview runs two evaluators over the same facts.
    const previewStarted = performance.now();
    compareCatalogues(catalogue, catalogue, facts, params);
    const previewMs = performance.now() - previewStarted;
    const where = new URL(url);
    console.log(`\ndatabase ${where.host}${where.pathname}, county ${county}, as of ${asOf}, catalogue ${inForce ? `version ${inForce.number} (database)` : "seed version 1"}`);
    console.log(`elders ${facts.length.toLocaleString()} (${skipped} skipped), ${catalogue.items.length} items, ${eligible.toLocaleString()} eligible answers`);
    console.log(`load facts (3 queries + build) ${(loadMs / 1000).toFixed(2)} s; evaluate ${(evalMs / 1000).toFixed(2)} s; total ${totalS.toFixed(2)} s ${totalS < 60 ? "(target < 60 s: ok)" : "(OVER the 60 s target)"}`);
    console.log(`draft preview (two catalogues, same facts) ${(previewMs / 1000).toFixed(2)} s plus loading`);
  } finally {
    await disconnectDb();
  }
}

await benchDatabase();

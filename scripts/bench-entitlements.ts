#!/usr/bin/env tsx
// Entitlements benchmark (issue 11, Scale): `npm run bench:entitlements [-- options]`.
//
// With 200,000 elders and about 60,000 entitlements in county 610403 (built in bulk with SQL, not
// through the workflow: approved cases, entitlements of several items started over the last two
// years, three months of payments each), times
//   - `entitlements recompute` for the whole county: the first run, which writes every entitlement's
//     segments, and a second run, which finds nothing to change (it must report 0);
//   - the month's amounts due (dueTotals, what `entitlements due` prints);
// each beside a plain SQL sum() over the same rows as the floor, with the ratio. It asserts
// nothing: the figures are for people. Targets: recompute under 30 s, totals under 1 s.
//
// Database: DATABASE_URL, or BENCH_DATABASE_NAME (default yiyang_bench) on BENCH_SERVER_URL.
// Options: --elders <n> (200000)  --entitlements <n> (60000)  --runs <n> (5, for the totals)  --fresh  --json
import os from "node:os";
import { parseArgs } from "node:util";
import { ensureCountyElders, log, prepareBenchDatabase } from "./lib/bench";

const COUNTY = "610403";
const SEED = 20261122;

const { values: args } = parseArgs({
  options: {
    elders: { type: "string", default: "200000" },
    entitlements: { type: "string", default: "60000" },
    runs: { type: "string", default: "5" },
    fresh: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const ELDERS = Number(args.elders);
const ENTITLEMENTS = Number(args.entitlements);
const RUNS = Number(args.runs);

const seconds = (ms: number) => Math.round(ms) / 1000;

/** Wall time, and this process's CPU time (the machine may be shared: the load is printed too). */
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; cpuMs: number; result: T }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, result };
}

/** The median of `runs` timings of `run` (after one warm-up). */
async function median(run: () => Promise<unknown>, runs: number): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await timed(run)).ms);
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/**
 * Approved cases and their entitlements, in bulk: 高龄津贴 for local 70+ (most), 最低生活保障 for
 * 70+ in a 低保 family, 特困分散供养 for 特困 — each elder once per item, started in one of the
 * last 24 months; and the last three months (before this one) recorded as paid.
 */
async function ensureEntitlements(today: string): Promise<boolean> {
  const { db } = await import("@/lib/db");
  const { loadSeedCatalogue, setCountyParameters } = await import("@/lib/catalogue/service");
  const { versionInForce } = await import("@/lib/catalogue/queries");
  const { systemActor } = await import("@/lib/testing/factories");
  const { NO_REQUEST_META } = await import("@/lib/authz/actor");
  await loadSeedCatalogue(COUNTY);
  if ((await db.countyParameterValue.count({ where: { countyCode: COUNTY } })) === 0) {
    await setCountyParameters(systemActor(COUNTY, "bench"), NO_REQUEST_META, {
      effectiveFrom: "2025-01-01",
      changes: [
        { name: "urban_dibao_standard_monthly", valueFen: 76000 },
        { name: "rural_dibao_standard_monthly", valueFen: 58000 },
      ],
    });
  }
  const existing = await db.entitlement.count({ where: { countyCode: COUNTY } });
  if (existing >= ENTITLEMENTS) return false;
  const version = (await versionInForce(COUNTY, today))!;
  log(`县 ${COUNTY} 现有 ${existing} 项享受待遇，生成约 ${ENTITLEMENTS - existing} 项 …`);
  const started = performance.now();
  const plan: [string, number, string][] = [
    // item, share of the total, which elders qualify
    ["610403-10", 0.12, `EXISTS (SELECT 1 FROM circumstance_records c WHERE c.elder_id = e.id AND c.type = 'dibao' AND c.end_date IS NULL) AND e.birth_date <= $3::date - interval '70 years'`],
    ["610403-11", 0.05, `EXISTS (SELECT 1 FROM circumstance_records c WHERE c.elder_id = e.id AND c.type = 'tekun_dispersed' AND c.end_date IS NULL) AND e.birth_date <= $3::date - interval '60 years'`],
    ["610403-04", 0.83, `e.birth_date <= $3::date - interval '70 years' AND e.hukou_region_code LIKE '610403%'`],
  ];
  for (const [itemCode, share, qualifies] of plan) {
    const item = version.catalogue.items.find((i) => i.code === itemCode)!;
    const want = Math.round((ENTITLEMENTS - existing) * share);
    // Cases first (approved, decided a week before the start month), then one entitlement per case.
    await db.$executeRawUnsafe(
      `WITH p AS (
         SELECT e.id, e.name, e.township_code, e.village_code, row_number() OVER (ORDER BY md5(e.id::text || '${SEED}${itemCode}')) AS rn
           FROM elders e
          WHERE e.county_code = $1 AND e.status = 'living' AND ${qualifies}
            AND NOT EXISTS (SELECT 1 FROM entitlements x WHERE x.elder_id = e.id AND x.item_code = $2)
          ORDER BY md5(e.id::text || '${SEED}${itemCode}') LIMIT $4)
       INSERT INTO cases (id, case_no, elder_id, county_code, township_code, village_code, catalogue_version_id, catalogue_number,
                          item_code, item_name, delivery, channel, applicant_name, applicant_relation, status, has_notice, notice_days,
                          eligible, decided_at, decided_by, version, created_by, created_at, updated_at, step_started_at)
       SELECT gen_random_uuid(), $1 || '-2024-' || lpad((${existing} + p.rn + ${plan.findIndex((x) => x[0] === itemCode) * 100000})::text, 6, '0'), p.id, $1, p.township_code, p.village_code,
              $5::uuid, $6, $2, $7, $8, 'window', p.name, '本人', 'approved', true, 7, true,
              date_trunc('month', $3::date) - ((p.rn % 24) || ' months')::interval - interval '7 days', 'bench', 6, 'bench', now(), now(), now()
         FROM p`,
      COUNTY,
      itemCode,
      today,
      want,
      version.id,
      version.number,
      item.name,
      item.delivery,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO entitlements (id, case_id, elder_id, county_code, township_code, village_code, catalogue_version_id, catalogue_number,
                                 item_code, item_name, delivery, monthly_amount_fen, granted_monthly_fen, granted_on, start_month, status, version, created_at, updated_at)
       SELECT gen_random_uuid(), c.id, c.elder_id, c.county_code, c.township_code, c.village_code, c.catalogue_version_id, c.catalogue_number,
              c.item_code, c.item_name, c.delivery, $3, $3, (c.decided_at AT TIME ZONE 'Asia/Shanghai')::date,
              to_char(c.decided_at + interval '1 month', 'YYYY-MM'), 'active', 0, now(), now()
         FROM cases c
        WHERE c.county_code = $1 AND c.item_code = $2 AND c.status = 'approved'
          AND NOT EXISTS (SELECT 1 FROM entitlements e WHERE e.case_id = c.id)`,
      COUNTY,
      itemCode,
      itemCode === "610403-11" ? 88400 : itemCode === "610403-10" ? 17400 : 5000,
    );
  }
  // Three months paid, as locked rolls will have recorded them.
  await db.$executeRawUnsafe(
    `INSERT INTO benefit_payments (id, entitlement_id, elder_id, county_code, month, amount_fen, paid_on, source, created_at)
     SELECT gen_random_uuid(), e.id, e.elder_id, e.county_code, m.month, e.monthly_amount_fen, (to_date(m.month, 'YYYY-MM') + interval '1 month' - interval '1 day')::date, 'bench', now()
       FROM entitlements e
       CROSS JOIN LATERAL (SELECT to_char(date_trunc('month', $2::date) - (k || ' months')::interval, 'YYYY-MM') AS month FROM generate_series(1, 3) k) m
      WHERE e.county_code = $1 AND m.month >= e.start_month
        AND NOT EXISTS (SELECT 1 FROM benefit_payments b WHERE b.entitlement_id = e.id)`,
    COUNTY,
    today,
  );
  log(`  用时 ${seconds(performance.now() - started)} 秒`);
  return true;
}

async function main() {
  const { url, managed } = await prepareBenchDatabase(args.fresh);
  process.env.DATABASE_URL = url;
  const { db, disconnectDb } = await import("@/lib/db");
  const { todayInShanghai, monthOf } = await import("@/lib/dates");
  const { recomputeCounty } = await import("@/lib/entitlements/recompute");
  const { dueTotals } = await import("@/lib/entitlements/queries");
  const { systemActor } = await import("@/lib/testing/factories");
  const today = todayInShanghai();
  const month = monthOf(today);
  try {
    const elders = await ensureCountyElders(COUNTY, ELDERS, SEED);
    const added = await ensureEntitlements(today);
    if (managed || elders.generated || added) {
      for (const table of ["cases", "entitlements", "benefit_payments", "entitlement_segments"]) await db.$executeRawUnsafe(`VACUUM ANALYZE ${table}`);
      if (elders.generated) await db.$executeRawUnsafe(`VACUUM ANALYZE elders`);
    }
    const totalElders = await db.elder.count({ where: { countyCode: COUNTY } });
    const totalEntitlements = await db.entitlement.count({ where: { countyCode: COUNTY } });
    const actor = systemActor(COUNTY, "bench");

    // The floor of a recompute: a plain SQL sum() over the same entitlement rows.
    const recomputeFloor = await median(() => db.$queryRawUnsafe(`SELECT sum(monthly_amount_fen) FROM entitlements WHERE county_code = $1`, COUNTY), RUNS);
    log(`县 ${COUNTY}: ${totalElders} 名老年人，${totalEntitlements} 项享受待遇；重新计算 …`);
    const first = await timed(() => recomputeCounty(COUNTY, { actor, today }));
    log(`  第一次：${seconds(first.ms)} 秒，${first.result.changed} 项有变化`);
    await db.$executeRawUnsafe(`VACUUM ANALYZE entitlement_segments`);
    const second = await timed(() => recomputeCounty(COUNTY, { actor, today }));
    log(`  第二次：${seconds(second.ms)} 秒，${second.result.changed} 项有变化`);

    const dueMs = await median(() => dueTotals(COUNTY, month), RUNS);
    const due = await dueTotals(COUNTY, month);
    const dueFloor = await median(
      () =>
        db.$queryRawUnsafe(
          `SELECT sum(monthly_amount_fen) FROM entitlement_segments WHERE county_code = $1 AND from_month <= $2 AND (to_month IS NULL OR to_month >= $2)`,
          COUNTY,
          month,
        ),
      RUNS,
    );
    const figures = [
      { name: "recompute county, first run (all written)", ms: first.ms, floorMs: recomputeFloor, targetMs: 30_000, result: `${first.result.entitlements} entitlements, ${first.result.changed} changed, node CPU ${seconds(first.cpuMs)} s` },
      { name: "recompute county, second run", ms: second.ms, floorMs: recomputeFloor, targetMs: 30_000, result: `${second.result.entitlements} entitlements, ${second.result.changed} changed, node CPU ${seconds(second.cpuMs)} s` },
      { name: `amounts due ${month} (dueTotals)`, ms: dueMs, floorMs: dueFloor, targetMs: 1_000, result: `${due.count} due, ${due.totalFen} fen, ${due.byItem.length} items` },
    ].map((f) => ({ ...f, ms: Math.round(f.ms * 10) / 10, floorMs: Math.round(f.floorMs * 10) / 10, ratio: Math.round((f.ms / Math.max(f.floorMs, 0.1)) * 10) / 10, overTarget: f.ms > f.targetMs }));
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ county: COUNTY, elders: totalElders, entitlements: totalEntitlements, month, loadAverage: os.loadavg(), cpus: os.cpus().length, figures }, null, 2)}\n`);
    } else {
      const rows = figures.map((f) => `${f.name.padEnd(44)} ${`${f.ms} ms`.padStart(12)} ${`${f.floorMs} ms`.padStart(10)} ${`×${f.ratio}`.padStart(9)}  ${`< ${f.targetMs / 1000} s`.padEnd(8)} ${f.overTarget ? "OVER" : "ok  "}  ${f.result}`);
      console.log(
        [
          "",
          `Entitlements benchmark — county ${COUNTY}: ${totalElders} elders, ${totalEntitlements} entitlements; month ${month}.`,
          `Machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min) at the end.`,
          "Each figure beside its floor: a plain SQL sum() over the same rows (entitlements for a recompute, entitlement_segments for the totals).",
          "",
          `${"case".padEnd(44)} ${"time".padStart(12)} ${"floor".padStart(10)} ${"ratio".padStart(9)}  ${"target".padEnd(8)} ok?   result`,
          "-".repeat(120),
          ...rows,
        ].join("\n"),
      );
    }
  } finally {
    await disconnectDb();
  }
}

await main();

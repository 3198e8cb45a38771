#!/usr/bin/env tsx
// Case inbox benchmark (issue 6, item 9): `npm run bench:cases [-- options]`.
//
// With 200,000 elders and 50,000 cases in county 610403, times every role's inbox and the other
// case lists as the pages call them (lib/cases/queries.ts, server side), and prints the figures.
// It asserts nothing: the figures are for people. Target: under 300 ms (p95).
//
// Database: as bench:registry (DATABASE_URL, or yiyang_bench on BENCH_SERVER_URL). The elders
// are generated when missing; cases are generated in bulk with SQL (statuses, items and due
// dates spread deterministically) until the county has --cases of them.
//
// Options: --runs <n> (20)  --elders <n> (200000)  --cases <n> (50000)  --fresh  --json
import { parseArgs } from "node:util";
import { benchActor, ensureCountyElders, log, prepareBenchDatabase, table, TARGET_MS, time, type TBenchCase, type TFigure } from "./lib/bench";

const COUNTY = "610403";
const SEED = 20261122;

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "20" },
    elders: { type: "string", default: "200000" },
    cases: { type: "string", default: "50000" },
    fresh: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const RUNS = Number(args.runs);
const ELDERS = Number(args.elders);
const CASES = Number(args.cases);

// How the generated cases spread over the workflow (percent, summing to 100).
const STATUS_SHARE: [string, number][] = [
  ["draft", 6],
  ["verification", 8],
  ["notice_pending", 4],
  ["in_notice", 7],
  ["returned", 3],
  ["township_review", 12],
  ["county_approval", 12],
  ["approved", 40],
  ["rejected", 5],
  ["withdrawn", 3],
];

async function ensureCases(): Promise<boolean> {
  const { db } = await import("@/lib/db");
  const { loadSeedCatalogue } = await import("@/lib/catalogue/service");
  const { versionInForce } = await import("@/lib/catalogue/queries");
  const { todayInShanghai } = await import("@/lib/dates");
  await loadSeedCatalogue(COUNTY);
  const existing = await db.case.count({ where: { countyCode: COUNTY } });
  if (existing >= CASES) return false;
  const version = (await versionInForce(COUNTY, todayInShanghai()))!;
  const items = version.catalogue.items.filter((i) => i.needsApplication);
  const toAdd = CASES - existing;
  log(`县 ${COUNTY} 现有 ${existing} 件业务，生成 ${toAdd} 件 …`);
  const started = performance.now();
  // Bucket boundaries over 0..99 for the status of case number n.
  let edge = 0;
  const buckets = STATUS_SHARE.map(([status, share]) => {
    edge += share;
    return `WHEN p.rn % 100 < ${edge} THEN '${status}'::case_status`;
  }).join(" ");
  // One elder per case (an elder may hold one open case per item): the elders not yet in a case,
  // in a fixed pseudo-random order.
  await db.$executeRawUnsafe(
    `WITH p AS (
       SELECT e.id, e.name, e.township_code, e.village_code, ${existing} + row_number() OVER (ORDER BY md5(e.id::text || '${SEED}')) AS rn
         FROM elders e
        WHERE e.county_code = $1 AND e.status = 'living' AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.elder_id = e.id)
        ORDER BY md5(e.id::text || '${SEED}')
        LIMIT $2
     ), s AS (SELECT p.*, CASE ${buckets} END AS status, ($3::text[])[1 + (p.rn % $6)] AS item_code,
                     ($4::text[])[1 + (p.rn % $6)] AS item_name, ($5::text[])[1 + (p.rn % $6)] AS delivery,
                     ($7::boolean[])[1 + (p.rn % $6)] AS has_notice FROM p)
     INSERT INTO cases (id, case_no, elder_id, county_code, township_code, village_code, catalogue_version_id, catalogue_number,
                        item_code, item_name, delivery, channel, applicant_name, applicant_relation, status, has_notice, notice_days,
                        eligible, due_date, decided_at, version, created_by, created_at, updated_at, step_started_at)
     SELECT gen_random_uuid(), $1 || '-2025-' || lpad(s.rn::text, 6, '0'), s.id, $1, s.township_code, s.village_code, $8::uuid, $9,
            s.item_code, s.item_name, s.delivery, (ARRAY['window','home_visit','proactive']::case_channel[])[1 + s.rn % 3], s.name, '本人',
            s.status, s.has_notice, CASE WHEN s.has_notice THEN 7 END, true,
            CASE WHEN s.status IN ('approved', 'rejected', 'withdrawn') THEN NULL ELSE current_date + ((s.rn * 7919) % 50 - 30)::int END,
            CASE WHEN s.status IN ('approved', 'rejected') THEN now() - ((s.rn % 300) || ' days')::interval END,
            3, 'bench', now() - ((s.rn % 365) || ' days')::interval, now(), now()
       FROM s`,
    COUNTY,
    toAdd,
    items.map((i) => i.code),
    items.map((i) => i.name),
    items.map((i) => i.delivery),
    items.length,
    items.map((i) => i.workflow.publicNotice),
    version.id,
    version.number,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO case_steps (case_id, action, from_status, to_status, actor_username, actor_name, actor_role, at)
     SELECT c.id, 'create', NULL, 'draft', 'bench', 'bench', 'village_clerk', c.created_at FROM cases c
      WHERE c.county_code = $1 AND NOT EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = c.id)`,
    COUNTY,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO case_sequences (county_code, year, last) VALUES ($1, 2025, $2)
     ON CONFLICT (county_code, year) DO UPDATE SET last = GREATEST(case_sequences.last, EXCLUDED.last)`,
    COUNTY,
    CASES,
  );
  log(`  用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
  return true;
}

async function main() {
  const { url, managed } = await prepareBenchDatabase(args.fresh);
  process.env.DATABASE_URL = url;
  const { db, disconnectDb } = await import("@/lib/db");
  const { listCases, inboxCounts, getCase } = await import("@/lib/cases/queries");
  const { ZCaseListQuery } = await import("@/lib/cases/schemas");
  try {
    const elders = await ensureCountyElders(COUNTY, ELDERS, SEED);
    const added = await ensureCases();
    if (managed || elders.generated || added) {
      await db.$executeRawUnsafe(`VACUUM ANALYZE cases`);
      await db.$executeRawUnsafe(`VACUUM ANALYZE case_steps`);
      if (elders.generated) await db.$executeRawUnsafe(`VACUUM ANALYZE elders`);
    }
    const totalElders = await db.elder.count({ where: { countyCode: COUNTY } });
    const totalCases = await db.case.count({ where: { countyCode: COUNTY } });
    // The busiest township and village (most cases on the reviewer's and the clerk's desk).
    const [township] = await db.case.groupBy({ by: ["townshipCode"], where: { countyCode: COUNTY, status: "township_review" }, _count: { _all: true }, orderBy: { _count: { townshipCode: "desc" } }, take: 1 });
    const [village] = await db.case.groupBy({ by: ["villageCode"], where: { countyCode: COUNTY }, _count: { _all: true }, orderBy: { _count: { villageCode: "desc" } }, take: 1 });
    const [sample] = await db.case.findMany({ where: { countyCode: COUNTY, status: "approved" }, orderBy: { caseNo: "asc" }, take: 1, select: { caseNo: true } });
    const anyItem = await db.case.findFirst({ where: { countyCode: COUNTY }, select: { itemCode: true }, orderBy: { caseNo: "asc" } });

    const actors = {
      clerk: benchActor("village_clerk", village.villageCode),
      reviewer: benchActor("township_reviewer", `${township.townshipCode}000`),
      approver: benchActor("county_approver", `${COUNTY}000000`),
      admin: benchActor("county_admin", `${COUNTY}000000`),
      viewer: benchActor("viewer", `${COUNTY}000000`),
    };
    const size = (r: unknown) => {
      const l = r as { total: number; items: unknown[] };
      return `${l.items.length} of ${l.total}`;
    };
    const list = (name: string, actor: (typeof actors)[keyof typeof actors], q: Record<string, unknown>): TBenchCase => ({
      name,
      run: () => listCases(actor, ZCaseListQuery.parse(q)),
      size,
    });
    const cases: TBenchCase[] = [
      list("inbox village clerk (busiest village)", actors.clerk, {}),
      list("inbox township reviewer (busiest township)", actors.reviewer, {}),
      list("inbox county approver", actors.approver, {}),
      list("inbox county admin (all open)", actors.admin, {}),
      list("inbox viewer (all open)", actors.viewer, {}),
      list("overdue county approver", actors.approver, { view: "overdue" }),
      list("overdue township reviewer", actors.reviewer, { view: "overdue" }),
      list("overdue village clerk", actors.clerk, { view: "overdue" }),
      list("all cases county, page 1", actors.admin, { view: "all" }),
      list("all cases county, page 1000", actors.admin, { view: "all", page: 1000 }),
      list("inbox approver, filter item", actors.approver, { itemCode: anyItem!.itemCode }),
      list("inbox approver, filter township", actors.approver, { townshipCode: township.townshipCode }),
      list("all cases county, search name 王", actors.admin, { view: "all", q: "王" }),
      list("all cases county, search case number", actors.admin, { view: "all", q: sample.caseNo }),
      list("all cases county, status approved", actors.admin, { view: "all", status: "approved" }),
      { name: "inbox counts county approver", run: () => inboxCounts(actors.approver), size: (r) => JSON.stringify(r) },
      { name: "inbox counts village clerk", run: () => inboxCounts(actors.clerk), size: (r) => JSON.stringify(r) },
      { name: "case page getCase", run: () => getCase(actors.admin, sample.caseNo), size: (r) => `${(r as { steps: unknown[] }).steps.length} steps` },
    ];
    log(`县 ${COUNTY}: ${totalElders} 名老年人，${totalCases} 件业务；每项 ${RUNS} 次计时 …`);
    const figures: TFigure[] = [];
    for (const c of cases) {
      figures.push(await time(c, RUNS));
      log(`  ${c.name}: ${figures.at(-1)!.medianMs} ms`);
    }
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ county: COUNTY, elders: totalElders, cases: totalCases, runs: RUNS, targetMs: TARGET_MS, figures }, null, 2)}\n`);
    } else {
      const over = figures.filter((f) => f.overTarget);
      console.log(
        [
          "",
          `Case inbox benchmark — county ${COUNTY}: ${totalElders} elders, ${totalCases} cases; ${RUNS} timed runs each (after 2 warm-up), server-side ms.`,
          `Target: every inbox p95 under ${TARGET_MS} ms.`,
          "",
          table(figures),
          "",
          over.length === 0 ? `All ${figures.length} cases under ${TARGET_MS} ms (p95).` : `${over.length} case(s) over ${TARGET_MS} ms: ${over.map((f) => f.name).join("; ")}`,
        ].join("\n"),
      );
    }
  } finally {
    await disconnectDb();
  }
}

await main();

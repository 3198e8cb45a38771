// Shared by the benchmark scripts: the bench database, timing and the printed table.
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { databaseUrlFor, prepareTestDatabase } from "@/lib/testing/test-database";
import type { TActor } from "@/lib/authz/actor";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
export const TARGET_MS = 300;
const WARMUP_RUNS = 2;

export const log = (message: string) => process.stderr.write(`${message}\n`);

/**
 * DATABASE_URL when set (used as it is). Otherwise BENCH_DATABASE_NAME (default `yiyang_bench`)
 * on BENCH_SERVER_URL, created when missing and migrated (rebuilt from empty when migrating
 * fails, or with `fresh`).
 */
export async function prepareBenchDatabase(fresh: boolean): Promise<{ url: string; managed: boolean }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, managed: false };
  const server = process.env.BENCH_SERVER_URL ?? DEFAULT_SERVER;
  const name = process.env.BENCH_DATABASE_NAME ?? "yiyang_bench";
  if (fresh) {
    log(`重建基准数据库 ${name} …`);
    return { url: await prepareTestDatabase(server, name), managed: true };
  }
  const url = databaseUrlFor(server, name);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  try {
    execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
    return { url, managed: true };
  } catch {
    // A migration changed under an existing bench database: start over.
    log(`迁移失败，重建基准数据库 ${name} …`);
    return { url: await prepareTestDatabase(server, name), managed: true };
  }
}

/** Fills a county to `count` generated elders (deterministic); returns how many there are. */
export async function ensureCountyElders(countyCode: string, count: number, seed: number): Promise<{ total: number; generated: boolean }> {
  const { db } = await import("@/lib/db");
  const { ensureRegions } = await import("@/lib/testing/factories");
  const { generateCountyElders } = await import("@/lib/testing/demo-elders");
  await ensureRegions();
  const existing = await db.elder.count({ where: { countyCode } });
  if (existing >= count) return { total: existing, generated: false };
  log(`县 ${countyCode} 现有 ${existing} 名老年人，生成 ${count - existing} 名 …`);
  let last = 0;
  const generated = await generateCountyElders({
    countyCode,
    count: count - existing,
    seed: seed + existing,
    onProgress: (done, total) => {
      if (done === total || Date.now() - last > 2000) {
        last = Date.now();
        log(`  已写入 ${done} / ${total}`);
      }
    },
  });
  log(`  用时 ${generated.seconds} 秒（${generated.circumstances} 条情况记录）`);
  return { total: count, generated: true };
}

/** Actors of each scope level for timing queries (not stored: list queries read no user row). */
export function benchActor(role: TActor["role"], regionCode: string): TActor {
  const countyCode = regionCode.slice(0, 6);
  const level = regionCode.endsWith("000000") ? "county" : regionCode.endsWith("000") ? "township" : "village";
  return {
    userId: null,
    username: `bench_${role}`,
    displayName: "bench",
    role,
    regionCode,
    regionLevel: level,
    regionName: regionCode,
    countyCode,
    townshipCode: level === "county" ? null : regionCode.slice(0, 9),
    villageCode: level === "village" ? regionCode : null,
  };
}

export type TBenchCase = { name: string; run: () => Promise<unknown>; size?: (result: unknown) => string };
export type TFigure = { name: string; medianMs: number; p95Ms: number; minMs: number; maxMs: number; result: string; overTarget: boolean };

function quantile(sorted: number[], q: number): number {
  // Nearest rank: with 20 runs, p95 is the 19th fastest.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export async function time(c: TBenchCase, runs: number): Promise<TFigure> {
  let result: unknown;
  for (let i = 0; i < WARMUP_RUNS; i++) result = await c.run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await c.run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples.length % 2 ? samples[(samples.length - 1) / 2] : (samples[samples.length / 2 - 1] + samples[samples.length / 2]) / 2;
  const p95 = quantile(samples, 0.95);
  return {
    name: c.name,
    medianMs: round(median),
    p95Ms: round(p95),
    minMs: round(samples[0]),
    maxMs: round(samples[samples.length - 1]),
    result: c.size ? c.size(result) : "",
    overTarget: p95 > TARGET_MS,
  };
}

export function table(figures: TFigure[]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  const padEnd = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));
  const padStart = (s: string, n: number) => " ".repeat(Math.max(0, n - width(s))) + s;
  const nameWidth = Math.max(...figures.map((f) => width(f.name)), 4);
  const resultWidth = Math.max(...figures.map((f) => width(f.result)), 6);
  const header = `${padEnd("case", nameWidth)}  ${padStart("median", 8)}  ${padStart("p95", 8)}  ${padStart("max", 8)}  ${padEnd("result", resultWidth)}  target`;
  const lines = figures.map(
    (f) =>
      `${padEnd(f.name, nameWidth)}  ${padStart(f.medianMs.toFixed(1), 8)}  ${padStart(f.p95Ms.toFixed(1), 8)}  ${padStart(
        f.maxMs.toFixed(1),
        8,
      )}  ${padEnd(f.result, resultWidth)}  ${f.overTarget ? `OVER ${TARGET_MS} ms` : "ok"}`,
  );
  return [header, "-".repeat(width(header)), ...lines].join("\n");
}

#!/usr/bin/env node
// `npm test`: the whole suite — typecheck, lint (ESLint with the import boundaries; each file
// counts as one check), unit, integration (real PostgreSQL), e2e (Playwright on Debian's
// chromium against a production build). Installs what is missing, starts and stops
// its own servers, and ends with one "N passed, N failed" line.
//   TEST_DATABASE_URL  a PostgreSQL server to create test databases on
//                      (default postgresql://postgres@127.0.0.1:5432/postgres; when none answers,
//                      an embedded PGlite server is started for the run)
//   --only <step>      typecheck | lint | unit | integration | e2e
import fs from "node:fs";
import path from "node:path";
import { ensureBuild, ensureDependencies, freePort, log, portAnswers, ROOT, run, runBin } from "./lib/setup.mjs";

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const wants = (step) => !only || only === step;
const resultsDir = path.join(ROOT, ".data", "test-results");
fs.mkdirSync(resultsDir, { recursive: true });

await ensureDependencies();

async function ensureChromium() {
  if (fs.existsSync("/usr/bin/chromium")) return;
  log("安装 chromium (apt-get install chromium)…");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo", "-n"];
  const apt = (args) => (sudo.length ? run(sudo[0], [...sudo.slice(1), "apt-get", ...args]) : run("apt-get", args));
  await apt(["update", "-qq"]);
  await apt(["install", "-y", "-qq", "chromium"]);
}

/** A PostgreSQL server for the tests: the given/local one, or an embedded one for this run. */
async function testDatabaseServer() {
  const url = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const { hostname, port } = new URL(url);
  if (await portAnswers(hostname, Number(port || 5432))) return { url, stop: async () => {} };
  log(`${hostname}:${port || 5432} 无响应，改用内置数据库 (embedded PGlite) 运行测试…`);
  const { startEmbeddedDb } = await import("./lib/embedded-db.mjs");
  const embedded = await startEmbeddedDb({ dataDir: path.join(ROOT, ".data", "test-pglite"), fresh: true });
  return { url: embedded.url, stop: embedded.stop, embedded: true };
}

const tally = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  tally.passed += r.numPassedTests;
  tally.failed += r.numFailedTests;
  tally.skipped += r.numPendingTests + r.numTodoTests;
}

/** ESLint's JSON report: a file without problems passes, a file with any fails (each listed). */
function countLint(file) {
  if (!fs.existsSync(file)) return;
  for (const result of JSON.parse(fs.readFileSync(file, "utf8"))) {
    if (result.messages.length === 0) {
      tally.passed++;
      continue;
    }
    tally.failed++;
    for (const m of result.messages) {
      console.error(`${path.relative(ROOT, result.filePath)}:${m.line}:${m.column}  ${m.message.split("\n")[0]}  ${m.ruleId ?? ""}`);
    }
  }
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const { stats } = JSON.parse(fs.readFileSync(file, "utf8"));
  tally.passed += stats.expected + stats.flaky;
  tally.failed += stats.unexpected;
  tally.skipped += stats.skipped;
}

async function step(name, body) {
  if (!wants(name)) return;
  log(`—— ${name} ——`);
  try {
    await body();
  } catch (error) {
    failures.push(name);
    console.error(error instanceof Error ? error.message.split("\n").slice(0, 3).join("\n") : error);
  }
}

const vitest = (project, env = {}) => {
  const out = path.join(resultsDir, `${project}.json`);
  fs.rmSync(out, { force: true });
  return runBin("vitest", ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], { env }).finally(() =>
    countVitest(out),
  );
};

// TypeScript 7's compiler by its own path: `typescript` is the 6.0 API package that
// typescript-eslint and Next.js load (ADR 001).
await step("typecheck", () => run(path.join(ROOT, "node_modules", "@typescript", "native", "bin", "tsc"), ["--noEmit", "-p", "tsconfig.json"]));
await step("lint", async () => {
  const out = path.join(resultsDir, "lint.json");
  fs.rmSync(out, { force: true });
  await runBin("eslint", [".", "--max-warnings", "0", "--format", "json", "--output-file", out]).finally(() => countLint(out));
});
await step("unit", () => vitest("unit"));

let db = null;
if (wants("integration") || wants("e2e")) db = await testDatabaseServer();
try {
  await step("integration", () => vitest("integration", { TEST_DATABASE_URL: db.url, ...(db.embedded ? { DATABASE_POOL_MAX: "1" } : {}) }));
  await step("e2e", async () => {
    await ensureChromium();
    await ensureBuild();
    const e2eUrl = (
      await runBin("tsx", ["scripts/prepare-e2e-db.ts"], { env: { TEST_DATABASE_URL: db.url }, quiet: true })
    ).trim().split("\n").pop();
    const out = path.join(resultsDir, "e2e.json");
    fs.rmSync(out, { force: true });
    await runBin("playwright", ["test"], {
      env: {
        E2E_DATABASE_URL: e2eUrl,
        E2E_PORT: String(await freePort()),
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
        ...(db.embedded ? { DATABASE_POOL_MAX: "1" } : {}),
      },
    }).finally(() => countPlaywright(out));
  });
} finally {
  await db?.stop();
}

console.log(`\n${failures.length ? `失败的步骤: ${failures.join(", ")}` : "全部通过"}`);
console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
process.exit(failures.length ? 1 : 0);

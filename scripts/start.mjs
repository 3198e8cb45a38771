#!/usr/bin/env node
// `npm start`: installs what is missing, builds when the sources changed, prepares the
// database (the embedded one, with demo data on first start, when DATABASE_URL is not set),
// and serves on http://localhost:$PORT (3000).
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureAuthSecret, ensureBuild, ensureDependencies, log, migrate, ROOT, runBin } from "./lib/setup.mjs";

const port = process.env.PORT || "3000";

await ensureDependencies();
await ensureBuild();

let databaseUrl = process.env.DATABASE_URL;
let stopEmbedded = async () => {};
let poolMax = process.env.DATABASE_POOL_MAX;
if (!databaseUrl) {
  const { startEmbeddedDb } = await import("./lib/embedded-db.mjs");
  log("未设置 DATABASE_URL，使用内置数据库 .data/pglite …");
  const embedded = await startEmbeddedDb();
  databaseUrl = embedded.url;
  stopEmbedded = embedded.stop;
  poolMax = "1";
}

try {
  log("应用数据库迁移 (prisma migrate deploy)…");
  await migrate(databaseUrl);
  if (!process.env.DATABASE_URL) {
    // A fresh embedded database gets the demo data; the seed leaves existing rows alone.
    await runBin("tsx", ["scripts/cli.ts", "db", "seed", "--demo", "--if-empty"], {
      env: { DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: "1" },
    });
  }
} catch (error) {
  await stopEmbedded();
  throw error;
}

const server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", port], {
  cwd: ROOT,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    ...(poolMax ? { DATABASE_POOL_MAX: poolMax } : {}),
    AUTH_SECRET: ensureAuthSecret(),
  },
});
log(`颐养已启动：http://localhost:${port}`);

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await stopEmbedded();
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));
server.on("exit", (code) => shutdown(code ?? 0));

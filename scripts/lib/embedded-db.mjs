// The embedded PostgreSQL (PGlite) used when no DATABASE_URL is set: one process opens the
// data directory and serves it over the PostgreSQL wire protocol on 127.0.0.1, so that the
// Prisma CLI, the Next server and the CLI all connect over TCP like to any PostgreSQL.
// A lock file tells other processes where the running server listens; two processes must
// never open the same data directory.
import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATA_DIR = path.resolve(".data/pglite");

const lockFileOf = (dataDir) => `${dataDir}.lock.json`;

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export const urlFor = (port) => `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;

/** The URL of an embedded server another process is running on this data directory, if any. */
export function findRunningEmbeddedDb(dataDir = DEFAULT_DATA_DIR) {
  try {
    const lock = JSON.parse(fs.readFileSync(lockFileOf(dataDir), "utf8"));
    return isAlive(lock.pid) ? urlFor(lock.port) : null;
  } catch {
    return null;
  }
}

/** Opens the data directory (created on first use) and serves it; returns { url, port, stop }. */
export async function startEmbeddedDb({ dataDir = DEFAULT_DATA_DIR, port = 0, fresh = false } = {}) {
  if (findRunningEmbeddedDb(dataDir)) {
    throw new Error(`嵌入式数据库 ${dataDir} 已被另一个进程使用 (already in use by another process)`);
  }
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  // Extensions the migrations create must be loaded into PGlite here.
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 32 });
  await server.start();
  const actualPort = Number(server.getServerConn().split(":").pop());
  fs.writeFileSync(lockFileOf(dataDir), JSON.stringify({ pid: process.pid, port: actualPort }));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
    await db.close();
    fs.rmSync(lockFileOf(dataDir), { force: true });
  };
  return { url: urlFor(actualPort), port: actualPort, stop };
}

// Steps shared by `npm start` and `npm test`. Plain Node with no dependencies: it runs before
// `npm install` has.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const bin = (name) => path.join(ROOT, "node_modules", ".bin", name);

export function log(message) {
  console.log(`\x1b[36m[yiyang]\x1b[0m ${message}`);
}

/** Runs a command, inheriting the terminal; rejects on a non-zero exit. */
export function run(command, args, { env = {}, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, ...env },
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}\n${output}`)),
    );
  });
}

export const runBin = (name, args, options) => run(bin(name), args, options);

function hashFiles(files) {
  const hash = crypto.createHash("sha256");
  for (const file of files) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(ROOT, file)));
  }
  return hash.digest("hex");
}

function walk(dir, out = []) {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return out;
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "generated" || entry.name === "node_modules") continue;
      walk(rel, out);
    } else out.push(rel);
  }
  return out;
}

/** `npm install` when node_modules is missing or older than package.json / the lockfile. */
export async function ensureDependencies() {
  const stamp = path.join(ROOT, "node_modules", ".yiyang-install-stamp");
  const want = hashFiles(["package.json", ...(fs.existsSync(path.join(ROOT, "package-lock.json")) ? ["package-lock.json"] : [])]);
  const have = fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8") : "";
  if (have !== want || !fs.existsSync(bin("next"))) {
    log("安装依赖 (npm install)…");
    await run("npm", ["install", "--no-audit", "--no-fund"]);
    fs.writeFileSync(stamp, want);
  }
  if (!fs.existsSync(path.join(ROOT, "lib", "generated", "prisma", "client.ts"))) {
    await runBin("prisma", ["generate"]);
  }
}

const BUILD_INPUTS = ["app", "components", "lib", "messages", "prisma/schema.prisma", "prisma/data"];
const BUILD_FILES = ["proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

/** `next build` when there is no build or the sources changed since the last one. */
export async function ensureBuild() {
  const files = [...BUILD_INPUTS.flatMap((d) => (fs.statSync(path.join(ROOT, d)).isDirectory() ? walk(d) : [d])), ...BUILD_FILES]
    .filter((f) => fs.existsSync(path.join(ROOT, f)))
    .sort();
  const want = hashFiles(files);
  const stamp = path.join(ROOT, ".next", "yiyang-source-hash");
  const built = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === want;
  if (built) return;
  log("构建应用 (next build)…");
  await runBin("next", ["build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
  fs.writeFileSync(stamp, want);
}

/** AUTH_SECRET from the environment, or one generated once and kept in .data/. */
export function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(ROOT, ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * Applies the migrations as the owner role: DATABASE_OWNER_URL when set (the application itself
 * connects as the runtime role, which may not change the schema; ADR 014), else `databaseUrl`.
 */
export function migrate(databaseUrl) {
  const url = process.env.DATABASE_OWNER_URL || databaseUrl;
  return runBin("prisma", ["migrate", "deploy"], { env: { DATABASE_URL: url }, quiet: true });
}

/** Whether a TCP port answers within a short time. */
export function portAnswers(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on("connect", () => done(true));
    socket.on("error", () => done(false));
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

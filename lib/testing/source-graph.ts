// The application's own modules as a graph of imports, read from the files (no bundler): for
// tests that check properties of every page, route or client component, so that a file added
// later is checked without anyone listing it.
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

const SKIP_DIRS = new Set(["node_modules", "generated", ".next", ".data"]);

/** The .ts/.tsx files under `dir` (relative to the repository root), tests excluded. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(child);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

const cache = new Map<string, string>();
export function readSource(file: string): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = fs.readFileSync(path.join(ROOT, file), "utf8");
    cache.set(file, text);
  }
  return text;
}

/** The file starts with the "use client" (or "use server") directive. */
export function hasDirective(file: string, directive: "use client" | "use server"): boolean {
  const text = readSource(file).replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "");
  return text.startsWith(`"${directive}"`) || text.startsWith(`'${directive}'`);
}

function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(path.join(ROOT, candidate))) return candidate;
  }
  return null;
}

const IMPORT = /(?:^|[\n;])\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The repository files `file` imports at run time (type-only imports left out). */
export function localImports(file: string): string[] {
  const text = readSource(file);
  const out = new Set<string>();
  for (const m of text.matchAll(IMPORT)) {
    if (m[1]) continue;
    const resolved = resolve(file, m[2]);
    if (resolved) out.add(resolved);
  }
  for (const m of text.matchAll(DYNAMIC_IMPORT)) {
    const resolved = resolve(file, m[1]);
    if (resolved) out.add(resolved);
  }
  return [...out];
}

/**
 * The modules that run in the browser when `entry` (a server component) renders: every
 * "use client" module it reaches through server modules, and everything those import.
 */
export function clientModulesOf(entry: string): string[] {
  const seen = new Set<string>();
  const clients = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const client = inClient || hasDirective(file, "use client");
    const key = `${client ? "c" : "s"}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (client) clients.add(file);
    // A server action module is called from the browser, not bundled into it.
    if (!client && hasDirective(file, "use server")) return;
    for (const dep of localImports(file)) visit(dep, client);
  };
  visit(entry, false);
  return [...clients].sort();
}

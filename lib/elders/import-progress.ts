// Progress of running imports, for the import page to poll while its server action works.
//
// Kept in this process's memory: an import runs inside one request of one server, and the page
// polls the same server. On a deployment with several app servers behind a load balancer without
// sticky sessions, the poll may land elsewhere and simply sees no progress; the import itself is
// unaffected. The growth path (DESIGN.md) is a background job in PostgreSQL that stores its
// progress in a row; see docs/decisions/007-elder-import.md.

export type TImportPhase = "parse" | "validate" | "write";
export type TImportProgress = { phase: TImportPhase; done: number; total: number };

type TEntry = TImportProgress & { at: number };

const TTL_MS = 60 * 60 * 1000;

// On globalThis: server actions and route handlers may be bundled apart and must share one map.
const globalForProgress = globalThis as unknown as { yiyangImportProgress?: Map<string, TEntry> };
const store = (globalForProgress.yiyangImportProgress ??= new Map<string, TEntry>());

/** Progress is per user and per token (a UUID the page makes for each run). */
export const progressKey = (userId: string | null, token: string) => `${userId ?? "system"}:${token}`;

export function reportProgress(key: string, progress: TImportProgress): void {
  const now = Date.now();
  store.set(key, { ...progress, at: now });
  for (const [k, entry] of store) if (now - entry.at > TTL_MS) store.delete(k);
}

export function readProgress(key: string): TImportProgress | null {
  const entry = store.get(key);
  return entry ? { phase: entry.phase, done: entry.done, total: entry.total } : null;
}

export function clearProgress(key: string): void {
  store.delete(key);
}

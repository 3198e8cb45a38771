// The progress reporter a job handler calls. It never blocks the handler: a report only records
// the latest figures, and a write of them goes out at most every `intervalMs`, one at a time.
// On the embedded database (one connection) a write waits while the handler holds a
// transaction; awaiting it there would deadlock, so nothing here is awaited by the handler.

export type TProgressState = { phase: string | null; done: number; total: number };

export type TProgressReporter = {
  report: (done: number, total: number, phase?: string) => void;
  /** The latest figures reported (written or not), or null before the first report. */
  current: () => TProgressState | null;
  /** Writes the latest figures if they were not written yet, and waits for writes in flight. */
  flush: () => Promise<void>;
  /** Stops writing (the job ended); later reports are ignored. */
  close: () => Promise<void>;
};

const clampInt = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.min(2_147_483_647, Math.floor(n))) : 0);

export function createProgressReporter(
  write: (state: TProgressState) => Promise<unknown>,
  options: { intervalMs?: number; now?: () => number; onError?: (error: unknown) => void } = {},
): TProgressReporter {
  const intervalMs = options.intervalMs ?? 500;
  const now = options.now ?? Date.now;
  let latest: TProgressState | null = null;
  let written: TProgressState | null = null;
  let phase: string | null = null;
  let lastWriteAt = -Infinity;
  let inFlight: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const same = (a: TProgressState | null, b: TProgressState | null) =>
    a !== null && b !== null && a.phase === b.phase && a.done === b.done && a.total === b.total;

  function writeLatest(): Promise<void> {
    if (inFlight) return inFlight;
    const state = latest;
    if (state === null || same(state, written)) return Promise.resolve();
    lastWriteAt = now();
    inFlight = write(state)
      .then(
        () => {
          written = state;
        },
        (error) => options.onError?.(error),
      )
      .finally(() => {
        inFlight = null;
        // Reports that arrived meanwhile go out on the next tick of the schedule.
        if (!closed && !same(latest, written)) schedule();
      });
    return inFlight;
  }

  function schedule() {
    if (timer || closed) return;
    const wait = Math.max(0, lastWriteAt + intervalMs - now());
    timer = setTimeout(() => {
      timer = null;
      void writeLatest();
    }, wait);
  }

  return {
    report(done, total, nextPhase) {
      if (closed) return;
      if (nextPhase !== undefined) phase = nextPhase;
      latest = { phase, done: clampInt(done), total: clampInt(total) };
      // A new phase is worth showing at once; figures within a phase are throttled.
      if (written === null || latest.phase !== written.phase) {
        if (timer) clearTimeout(timer);
        timer = null;
        if (!inFlight) {
          void writeLatest();
          return;
        }
      }
      schedule();
    },
    current: () => latest,
    async flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (inFlight) await inFlight;
      await writeLatest();
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (inFlight) await inFlight;
    },
  };
}

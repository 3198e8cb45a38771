import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createProgressReporter, type TProgressState } from "@/lib/jobs/progress";

describe("progress reporter", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A writer whose writes stay pending until the test settles them. */
  function slowWriter() {
    const writes: TProgressState[] = [];
    const pending: (() => void)[] = [];
    const write = (state: TProgressState) => {
      writes.push(state);
      return new Promise<void>((resolve) => pending.push(resolve));
    };
    const settle = async () => {
      while (pending.length) pending.shift()!();
      await vi.advanceTimersByTimeAsync(0);
    };
    return { writes, write, settle };
  }

  it("writes the first report and each new phase at once, and figures within a phase at most every interval", async () => {
    const writes: TProgressState[] = [];
    const reporter = createProgressReporter(async (s) => void writes.push(s), { intervalMs: 500 });
    reporter.report(0, 100, "parse");
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toEqual([{ phase: "parse", done: 0, total: 100 }]);
    for (let i = 1; i <= 50; i++) reporter.report(i, 100);
    await vi.advanceTimersByTimeAsync(100);
    expect(writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(400);
    expect(writes.at(-1)).toEqual({ phase: "parse", done: 50, total: 100 });
    expect(writes).toHaveLength(2);
    reporter.report(0, 10, "write");
    await vi.advanceTimersByTimeAsync(0);
    expect(writes.at(-1)).toEqual({ phase: "write", done: 0, total: 10 });
    expect(writes).toHaveLength(3);
  });

  it("never has two writes in flight and sends only the latest figures after a slow write", async () => {
    const w = slowWriter();
    const reporter = createProgressReporter(w.write, { intervalMs: 100 });
    reporter.report(1, 10, "a");
    reporter.report(2, 10);
    reporter.report(3, 10, "b");
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.writes).toEqual([{ phase: "a", done: 1, total: 10 }]);
    await w.settle();
    await vi.advanceTimersByTimeAsync(100);
    expect(w.writes).toEqual([
      { phase: "a", done: 1, total: 10 },
      { phase: "b", done: 3, total: 10 },
    ]);
  });

  it("does not block or throw when writes fail, and reports the failure", async () => {
    const errors: unknown[] = [];
    const reporter = createProgressReporter(() => Promise.reject(new Error("database busy")), { onError: (e) => errors.push(e) });
    expect(() => reporter.report(1, 2, "x")).not.toThrow();
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toHaveLength(1);
  });

  it("flushes what was not written yet, keeps the phase across reports, and ignores reports after close", async () => {
    const writes: TProgressState[] = [];
    const reporter = createProgressReporter(async (s) => void writes.push(s), { intervalMs: 10_000 });
    reporter.report(0, 5, "count");
    reporter.report(4, 5);
    await reporter.flush();
    expect(writes.at(-1)).toEqual({ phase: "count", done: 4, total: 5 });
    expect(reporter.current()).toEqual({ phase: "count", done: 4, total: 5 });
    await reporter.close();
    reporter.report(5, 5);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(writes.at(-1)).toEqual({ phase: "count", done: 4, total: 5 });
  });

  it("stores whole, non-negative figures that fit a column", async () => {
    const writes: TProgressState[] = [];
    const reporter = createProgressReporter(async (s) => void writes.push(s));
    reporter.report(-3, Number.NaN, "p");
    await vi.advanceTimersByTimeAsync(0);
    reporter.report(2.7, 1e12, "q");
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toEqual([
      { phase: "p", done: 0, total: 0 },
      { phase: "q", done: 2, total: 2_147_483_647 },
    ]);
  });
});

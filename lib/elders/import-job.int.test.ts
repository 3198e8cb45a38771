import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createActor, makeIdNumber, YANGLING } from "@/lib/testing/factories";
import { startTestWorker, stopTestWorker, waitForJob } from "@/lib/testing/jobs";
import { errorCodeOf } from "@/lib/testing/error-code";
import { addDays } from "@/lib/dates";
import type { TActor } from "@/lib/authz/actor";
import { jobOutputFile } from "@/lib/jobs/files";
import { getJob } from "@/lib/jobs/queries";
import { requestImportCheck, requestImportWrite, type TImportJobResult } from "@/lib/elders/import-job";

// The elder import as background jobs: the check and the write run in a worker, and a worker
// killed with SIGKILL in the middle of the write (issue 17 item 12) leaves nothing half-written;
// the retry then writes exactly the checked rows.

const ROOT = path.resolve(import.meta.dirname, "../..");
const meta = { ip: "10.0.0.7", userAgent: "vitest" };
const HEADER = "姓名,身份证号,户籍地区划代码,居住村(社区)代码,城乡,联系电话,住址";

type TRow = { name: string; idNumber: string; village: string; phone: string; address: string };

function makeRows(count: number, prefix: string): TRow[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${prefix}${i}`,
    idNumber: makeIdNumber(addDays("1925-01-01", i), i % 2 ? "male" : "female"),
    village: i % 3 ? YANGLING.village1 : YANGLING.village2,
    phone: `139${String(10_000_000 + i).slice(-8)}`,
    address: `凤岗路 ${i} 号`,
  }));
}

function csv(rows: TRow[], extra: string[] = []) {
  const lines = [HEADER, ...rows.map((r) => [r.name, r.idNumber, "610403", r.village, "城镇", r.phone, r.address].join(",")), ...extra];
  return { name: "名单.csv", type: "text/csv", data: new Uint8Array(Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8")) };
}

/** The registry's rows for these ID numbers, as the file states them. */
async function snapshot(rows: TRow[]) {
  const found = await db.elder.findMany({
    where: { idNumber: { in: rows.map((r) => r.idNumber) } },
    select: { idNumber: true, name: true, villageCode: true, phone: true, address: true, residence: true, version: true },
    orderBy: { idNumber: "asc" },
  });
  return found;
}

const expected = (rows: TRow[]) =>
  rows
    .map((r) => ({ idNumber: r.idNumber, name: r.name, villageCode: r.village, phone: r.phone, address: r.address, residence: "urban", version: 0 }))
    .sort((a, b) => (a.idNumber < b.idNumber ? -1 : 1));

let reviewer: TActor;
let child: ChildProcess | null = null;

beforeAll(async () => {
  reviewer = await createActor({ role: "township_reviewer", regionCode: YANGLING.township1 });
});

afterEach(async () => {
  child?.kill("SIGKILL");
  child = null;
  await stopTestWorker();
});

afterAll(async () => {
  await stopTestWorker();
});

describe("the import as jobs", () => {
  it("checks in a worker with progress and a report, writes nothing until confirmed, then writes the valid rows", async () => {
    await startTestWorker();
    const rows = makeRows(30, "检查");
    const bad = "坏行,12345,610403,610403001001,城镇,,";
    const { job } = await requestImportCheck(reviewer, meta, csv(rows, [bad]));
    expect(job.status).toBe("queued");
    const checked = await waitForJob(job.id);
    expect(checked).toMatchObject({ status: "succeeded", phase: "validate", progressDone: 31, progressTotal: 31 });
    const report = checked.result as TImportJobResult;
    expect(report).toMatchObject({ written: false, created: 30, updated: 0, unchanged: 0, invalid: 1, errorTotal: 1, fileProblem: false });
    expect(report.errors[0]).toMatchObject({ row: 31, field: "身份证号" });
    expect((await jobOutputFile(job.id))?.fileName).toBe("导入问题清单.xlsx");
    expect(await snapshot(rows)).toEqual([]);

    const write = await requestImportWrite(reviewer, meta, job.id);
    expect(write.created).toBe(true);
    const written = await waitForJob(write.job.id);
    expect(written.result).toMatchObject({ written: true, created: 30, invalid: 1 });
    expect(await snapshot(rows)).toEqual(expected(rows));
    // Confirming again gets the write that happened, and writes nothing more.
    const again = await requestImportWrite(reviewer, meta, job.id);
    expect(again).toMatchObject({ created: false, job: { id: write.job.id, status: "succeeded" } });
    expect(await db.auditLog.count({ where: { event: "elder.imported" } })).toBe(1);
  });

  it("refuses to confirm someone else's check, a check outside the region, or one with nothing to write", async () => {
    await startTestWorker();
    const { job } = await requestImportCheck(reviewer, meta, csv(makeRows(2, "他人")));
    await waitForJob(job.id);
    const colleague = await createActor({ role: "township_reviewer", regionCode: YANGLING.township1 });
    const outsider = await createActor({ role: "township_reviewer", regionCode: YANGLING.township2 });
    expect(await errorCodeOf(requestImportWrite(colleague, meta, job.id))).toBe("NOT_FOUND");
    expect(await errorCodeOf(requestImportWrite(outsider, meta, job.id))).toBe("NOT_FOUND");
    expect(await errorCodeOf(getJob(outsider, job.id))).toBe("NOT_FOUND");
    const clerk = await createActor({ role: "village_clerk", regionCode: YANGLING.village1 });
    expect(await errorCodeOf(requestImportCheck(clerk, meta, csv(makeRows(1, "无权"))))).toBe("FORBIDDEN");

    const empty = await requestImportCheck(reviewer, meta, { name: "空.csv", type: "text/csv", data: new Uint8Array(Buffer.from(`${HEADER}\r\n`)) });
    const emptyDone = await waitForJob(empty.job.id);
    expect(emptyDone.result).toMatchObject({ fileProblem: true, created: 0 });
    expect(await errorCodeOf(requestImportWrite(reviewer, meta, empty.job.id))).toBe("VALIDATION");
    expect(await errorCodeOf(requestImportCheck(reviewer, meta, { name: "x.csv", type: "text/csv", data: new Uint8Array() }))).toBe("VALIDATION");
  });

  it("leaves nothing half-written when the worker is killed (SIGKILL) mid-write, and the retry writes exactly the checked rows", async () => {
    // 12,000 rows: the write goes in chunks of 5,000, so the worker is stopped after the first
    // chunk went into its open transaction.
    const rows = makeRows(12_000, "中断");
    const importAudits = () => db.auditLog.findMany({ where: { event: "elder.imported", actorId: reviewer.userId, at: { gte: started } } });
    const started = new Date();
    await startTestWorker();
    const check = await requestImportCheck(reviewer, meta, csv(rows));
    const checked = await waitForJob(check.job.id, { timeoutMs: 60_000 });
    expect(checked.result).toMatchObject({ created: 12_000, invalid: 0 });
    await stopTestWorker();

    // A separate worker process takes the write.
    // Node itself with tsx's loader (not the tsx wrapper, whose own child would outlive a SIGKILL).
    child = spawn(process.execPath, ["--import", "tsx", "lib/testing/import-worker-child.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_POOL_MAX: "2" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const lines: string[] = [];
    const seen = (word: string) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`worker never said ${word}: ${lines.join(" | ")}`)), 60_000);
        const look = () => {
          const line = lines.find((l) => l.startsWith(word));
          if (line) {
            clearTimeout(timer);
            resolve(line);
          }
        };
        child!.stdout!.on("data", (d: Buffer) => {
          lines.push(...d.toString().split("\n").filter(Boolean));
          look();
        });
        look();
      });
    await seen("READY");
    const write = await requestImportWrite(reviewer, meta, check.job.id);
    expect(await seen("MIDWAY")).toBe(`MIDWAY ${write.job.id}`);

    // Mid-way: the job shows how far it got; the rows of its open transaction are nobody's yet.
    const midway = await waitForJob(write.job.id, { until: (j) => j.phase === "write" && j.progressDone >= 5_000 });
    expect(midway).toMatchObject({ status: "running", progressDone: 5_000, progressTotal: 12_000, attempts: 1 });
    expect(await snapshot(rows)).toEqual([]);

    child.kill("SIGKILL");
    await new Promise((resolve) => child!.once("exit", resolve));
    child = null;

    // Nothing half-written: no elder, no audit record, and the job still says it was running.
    expect(await snapshot(rows)).toEqual([]);
    expect(await importAudits()).toEqual([]);
    expect((await db.job.findUniqueOrThrow({ where: { id: write.job.id } })).status).toBe("running");

    // A worker notices the job stopped moving, hands it back to the queue, and runs it again.
    await startTestWorker({ stalledSeconds: 2, sweepIntervalSeconds: 1 });
    const done = await waitForJob(write.job.id, { timeoutMs: 60_000 });
    expect(done).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(done.result).toEqual({ ...(checked.result as TImportJobResult), written: true });
    expect(await snapshot(rows)).toEqual(expected(rows));
    const audits = await importAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0].after).toMatchObject({ rows: 12_000, created: 12_000, updated: 0 });

    // Importing the same file once more changes nothing.
    const recheck = await requestImportCheck(reviewer, meta, csv(rows));
    expect((await waitForJob(recheck.job.id, { timeoutMs: 60_000 })).result).toMatchObject({ created: 0, updated: 0, unchanged: 12_000 });
    expect(await snapshot(rows)).toEqual(expected(rows));
  }, 240_000);
});

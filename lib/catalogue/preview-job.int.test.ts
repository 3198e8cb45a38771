import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { errorCodeOf } from "@/lib/testing/error-code";
import { createActor, createElder } from "@/lib/testing/factories";
import { startTestWorker, stopTestWorker, waitForJob } from "@/lib/testing/jobs";
import { addDays, addYears, todayInShanghai } from "@/lib/dates";
import type { TActor } from "@/lib/authz/actor";
import { createDraft, loadSeedCatalogue, updateDraftItem } from "@/lib/catalogue/service";
import { getVersion } from "@/lib/catalogue/queries";
import { previewVersion } from "@/lib/catalogue/evaluation";
import { getJob } from "@/lib/jobs/queries";
import { listPreviewChanges, requestPreview, type TPreviewJobResult } from "@/lib/catalogue/preview-job";

// The draft preview as a background job (issue 10 item 12): the counts equal the engine's own
// comparison, the elders whose records cannot be evaluated are named (masked), and every change
// is stored per elder and item with its reasons; only the latest preview of a version keeps them.

const meta = { ip: "10.0.0.8", userAgent: "vitest" };
const COUNTY = "530926";
const villageCode = "530926100001";
const today = todayInShanghai();
/** Born a little more than `age` years ago: that age today. */
const aged = (age: number) => addDays(addYears(today, -age), -10);

let admin: TActor;
let draftId: string;
let broken: { id: string; idNumber: string };

beforeAll(async () => {
  await loadSeedCatalogue(COUNTY);
  admin = await createActor({ role: "county_admin", regionCode: `${COUNTY}000000` });
  await createElder({ villageCode, birthDate: aged(77) }); // gains 03-1 (80 → 75)
  await createElder({ villageCode, birthDate: aged(86) }); // 03-1 amount 50 → 60
  await createElder({ villageCode, birthDate: aged(86), hukouRegionCode: "610403000000" }); // not local: nothing
  await createElder({ villageCode, birthDate: aged(100) }); // loses 03-2 (100 → 101)
  await createElder({ villageCode, birthDate: aged(106) }); // 03-2 either way
  // A disability record without a grade cannot be evaluated: the preview names the elder.
  broken = await createElder({ villageCode, birthDate: aged(90), name: "记录有误", circumstances: [{ type: "disability", startDate: "2020-01-01", disabilityCategory: "visual" }] });
  const draft = await createDraft(admin, meta);
  draftId = draft.id;
  const items = (await getVersion(admin, draftId)).catalogue.items;
  const item1 = items.find((i) => i.code === "530926-03-1")!;
  const item2 = items.find((i) => i.code === "530926-03-2")!;
  await updateDraftItem(admin, meta, { id: draftId, revision: 0 }, {
    ...item1,
    eligibility: { kind: "and", rules: [{ kind: "alive" }, { kind: "hukou", local: true }, { kind: "age", min: 75, max: 99 }] },
    amount: { kind: "monthly", amount: { kind: "fixed", fen: 6000 } },
  });
  await updateDraftItem(admin, meta, { id: draftId, revision: 1 }, {
    ...item2,
    eligibility: { kind: "and", rules: [{ kind: "alive" }, { kind: "hukou", local: true }, { kind: "age", min: 101 }] },
  });
  await startTestWorker();
});

afterAll(async () => {
  await stopTestWorker();
});

describe("the catalogue preview as a job", () => {
  it("stores the counts of the engine's comparison, the skipped elders (masked), and each change with its reasons", async () => {
    const first = await requestPreview(admin, meta, draftId);
    const second = await requestPreview(admin, meta, draftId);
    // One preview of a version at a time: the second request follows the first.
    expect(second).toMatchObject({ created: false, job: { id: first.job.id } });
    const done = await waitForJob(first.job.id, { timeoutMs: 60_000 });
    expect(done).toMatchObject({ status: "succeeded", phase: "save", countyCode: COUNTY });
    const result = done.result as TPreviewJobResult;

    const direct = await previewVersion(admin, draftId, today);
    expect(result.rows).toEqual(direct.rows);
    expect(result).toMatchObject({ versionId: draftId, versionNumber: 2, versionRevision: 2, baselineNumber: 1, asOf: today, elders: 5, skipped: 1 });
    expect(result.skippedElders).toEqual([
      { elderId: broken.id, name: "记录有误", idNumberMasked: `${broken.idNumber.slice(0, 4)}**********${broken.idNumber.slice(-4)}`, villageName: expect.any(String), reason: "disabilityGrade" },
    ]);
    const row = (code: string) => result.rows.find((r) => r.code === code)!;
    expect(row("530926-03-1")).toMatchObject({ gained: 1, lost: 0, amountChanged: 1 });
    expect(row("530926-03-2")).toMatchObject({ gained: 0, lost: 1, amountChanged: 0 });

    // One stored row per person and item behind each count.
    const stored = await db.cataloguePreviewChange.groupBy({ by: ["itemCode", "change"], where: { jobId: done.id }, _count: true });
    const expected = result.rows.flatMap((r) =>
      (
        [
          ["gained", r.gained],
          ["lost", r.lost],
          ["amount_changed", r.amountChanged],
        ] as const
      )
        .filter(([, n]) => n > 0)
        .map(([change, n]) => ({ itemCode: r.code, change, _count: n })),
    );
    expect(stored.sort((a, b) => `${a.itemCode}${a.change}`.localeCompare(`${b.itemCode}${b.change}`))).toEqual(
      expected.sort((a, b) => `${a.itemCode}${a.change}`.localeCompare(`${b.itemCode}${b.change}`)),
    );
    expect(result.changes).toBe(stored.reduce((n, s) => n + s._count, 0));

    const raised = await listPreviewChanges(admin, done.id, { itemCode: "530926-03-1", change: "amount_changed" });
    expect(raised.rows).toHaveLength(1);
    expect(raised.rows[0]).toMatchObject({ before: { monthlyFen: 5000 }, after: { monthlyFen: 6000 }, idNumberMasked: expect.stringMatching(/^5309\*+\d{3}[\dX]$/) });
    expect(raised.rows[0].reasons.map((l) => l.text).join("")).toMatch(/[\u4e00-\u9fff]/);
    const lost = await listPreviewChanges(admin, done.id, { itemCode: "530926-03-2", locale: "en" });
    expect(lost.rows).toMatchObject([{ change: "lost", after: null }]);
    expect(lost.rows[0].reasons.some((l) => !l.ok)).toBe(true);
    expect(lost.rows[0].reasons.map((l) => l.text).join("")).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("keeps only the latest preview's rows of a version, and a re-run gives the same counts", async () => {
    const runs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { job } = await requestPreview(admin, meta, draftId);
      await waitForJob(job.id, { timeoutMs: 60_000 });
      runs.push(job.id);
    }
    const [a, b] = await Promise.all(runs.map((id) => db.job.findUniqueOrThrow({ where: { id } })));
    expect((b.result as TPreviewJobResult).rows).toEqual((a.result as TPreviewJobResult).rows);
    expect(await db.cataloguePreviewChange.count({ where: { jobId: a.id } })).toBe(0);
    expect(await db.cataloguePreviewChange.count({ where: { jobId: b.id } })).toBe((b.result as TPreviewJobResult).changes);
    expect(await db.cataloguePreviewChange.count({ where: { versionId: draftId } })).toBe((b.result as TPreviewJobResult).changes);
  });

  it("is for the county's administrators only, inside their county", async () => {
    const { job } = await requestPreview(admin, meta, draftId);
    await waitForJob(job.id, { timeoutMs: 60_000 });
    const otherAdmin = await createActor({ role: "county_admin", regionCode: "610403000000" });
    const approver = await createActor({ role: "county_approver", regionCode: `${COUNTY}000000` });
    expect(await errorCodeOf(requestPreview(otherAdmin, meta, draftId))).toBe("NOT_FOUND");
    // A draft does not exist for other roles; a published version they may read, not preview.
    expect(await errorCodeOf(requestPreview(approver, meta, draftId))).toBe("NOT_FOUND");
    const published = await db.catalogueVersion.findFirstOrThrow({ where: { countyCode: COUNTY, number: 1 } });
    expect(await errorCodeOf(requestPreview(approver, meta, published.id))).toBe("FORBIDDEN");
    expect(await errorCodeOf(getJob(otherAdmin, job.id))).toBe("NOT_FOUND");
    expect(await errorCodeOf(getJob(approver, job.id))).toBe("FORBIDDEN");
    expect(await errorCodeOf(listPreviewChanges(otherAdmin, job.id, { itemCode: "530926-03-1" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(listPreviewChanges(approver, job.id, { itemCode: "530926-03-1" }))).toBe("FORBIDDEN");
    const retired = await db.catalogueVersion.create({
      data: { countyCode: COUNTY, number: 99, label: "旧版", status: "retired", content: (await db.catalogueVersion.findFirstOrThrow({ where: { countyCode: COUNTY, number: 1 } })).content as object, createdBy: "test" },
    });
    expect(await errorCodeOf(requestPreview(admin, meta, retired.id))).toBe("VALIDATION");
  });
});

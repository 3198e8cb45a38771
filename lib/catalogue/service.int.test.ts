import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { errorCodeOf } from "@/lib/testing/error-code";
import { createActor, createElder, YANGLING } from "@/lib/testing/factories";
import { todayInShanghai, addDays } from "@/lib/dates";
import { SEED_CATALOGUES, SEED_COUNTY_CODES } from "@/lib/catalogue/data";
import { createDraft, loadSeedCatalogue, loadSeedCatalogues, publishDraft, retireDueVersions, setCountyParameters, updateDraftItem } from "@/lib/catalogue/service";
import { getVersion, listVersions, versionInForce } from "@/lib/catalogue/queries";
import { readParamValues } from "@/lib/catalogue/params";
import { evaluateElder, evaluateTypedFacts, loadCountyFacts, previewVersion } from "@/lib/catalogue/evaluation";
import type { TActor } from "@/lib/authz/actor";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };

// The API route handler is called directly; the session is replaced by the actor under test.
let sessionActor: TActor | null = null;
vi.mock("@/lib/auth/session", () => ({ resolveActor: async () => sessionActor }));

describe("seed catalogues", () => {
  it("load as published version 1 of every seed county, dated from the document, once", async () => {
    const first = await loadSeedCatalogues();
    expect(first.map((r) => r.status)).toEqual(SEED_COUNTY_CODES.map(() => "created"));
    const again = await loadSeedCatalogues();
    expect(again.map((r) => r.status)).toEqual(SEED_COUNTY_CODES.map(() => "exists"));
    expect(await loadSeedCatalogue("999999")).toMatchObject({ status: "unknown" });
    const rows = await db.catalogueVersion.findMany({ orderBy: { countyCode: "asc" } });
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const seed = SEED_CATALOGUES[row.countyCode as keyof typeof SEED_CATALOGUES];
      expect(row).toMatchObject({ number: 1, status: "published", label: seed.versionLabel, revision: 0 });
      expect(row.effectiveFrom?.toISOString().slice(0, 10)).toBe(seed.effectiveFrom);
      expect(row.content).toEqual(JSON.parse(JSON.stringify(seed)));
    }
    expect(rows.find((r) => r.countyCode === "330727")!.effectiveFrom!.toISOString().slice(0, 10)).toBe("2024-01-01");
    expect(await db.auditLog.count({ where: { event: "catalogue.seeded" } })).toBe(5);
  });

  it("loads concurrently without duplicates", async () => {
    const results = await Promise.all([loadSeedCatalogue("610403"), loadSeedCatalogue("610403")]);
    expect(results.every((r) => r.status === "exists")).toBe(true);
    expect(await db.catalogueVersion.count({ where: { countyCode: "610403" } })).toBe(1);
  });
});

describe("versions: draft, edit, publish, in force by date, retire", () => {
  const today = todayInShanghai();
  const future = addDays(today, 40);

  it("copies the published version into a draft, edits an item, refuses stale and published edits, publishes", async () => {
    const admin = await createActor({ role: "county_admin" });
    const clerk = await createActor({ role: "village_clerk" });
    expect(await errorCodeOf(createDraft(clerk, meta))).toBe("FORBIDDEN");

    const draft = await createDraft(admin, meta);
    expect(draft).toMatchObject({ number: 2, status: "draft", effectiveFrom: null, revision: 0 });
    const v1 = await versionInForce("610403", today);
    expect(draft.basedOnId).toBe(v1!.id);
    expect(await errorCodeOf(createDraft(admin, meta))).toBe("CONFLICT");
    // Drafts are the admins' business.
    expect(await errorCodeOf(getVersion(clerk, draft.id))).toBe("NOT_FOUND");
    expect(await errorCodeOf(listVersions(clerk))).toBe("FORBIDDEN");

    const loaded = await getVersion(admin, draft.id);
    expect(loaded.catalogue.items).toEqual(v1!.catalogue.items);
    expect(loaded.catalogue.version).toBe(2);
    const item = loaded.catalogue.items.find((i) => i.code === "610403-04")!;
    const edited = {
      ...item,
      amount: {
        kind: "monthly" as const,
        amount: {
          kind: "tiers" as const,
          tiers: [
            { when: { kind: "age" as const, min: 70, max: 79 }, amount: { kind: "fixed" as const, fen: 6000 } },
            { when: { kind: "age" as const, min: 80 }, amount: { kind: "fixed" as const, fen: 12000 } },
          ],
        },
      },
    };
    const saved = await updateDraftItem(admin, meta, { id: draft.id, revision: 0 }, edited);
    expect(saved.revision).toBe(1);
    expect(await errorCodeOf(updateDraftItem(admin, meta, { id: draft.id, revision: 0 }, edited))).toBe("STALE_VERSION");

    // Cross-item checks run on the whole catalogue: a cash item without an amount is refused.
    const broken = updateDraftItem(admin, meta, { id: draft.id, revision: 1 }, { ...edited, amount: { kind: "none" } });
    await expect(broken).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { amount: expect.arrayContaining(["610403-04 pays cash but has no amount rule"]) } });
    const unknownParam = updateDraftItem(admin, meta, { id: draft.id, revision: 1 }, {
      ...edited,
      amount: { kind: "monthly", amount: { kind: "param", param: "no_such_param" } },
    });
    await expect(unknownParam).rejects.toMatchObject({ code: "VALIDATION" });

    // A published version is never edited, whatever revision is given.
    expect(await errorCodeOf(updateDraftItem(admin, meta, { id: v1!.id, revision: v1!.revision }, edited))).toBe("CONFLICT");
    expect(await errorCodeOf(publishDraft(admin, meta, { id: v1!.id, revision: v1!.revision, effectiveFrom: future }))).toBe("CONFLICT");
    expect((await db.catalogueVersion.findUniqueOrThrow({ where: { id: v1!.id } })).content).toEqual(JSON.parse(JSON.stringify(SEED_CATALOGUES["610403"])));

    // Publishing: not in the past, and a stale revision is refused.
    const past = publishDraft(admin, meta, { id: draft.id, revision: 1, effectiveFrom: addDays(today, -1) });
    await expect(past).rejects.toMatchObject({ fieldErrors: { effectiveFrom: ["catalogue.form.effectiveFromPast"] } });
    expect(await errorCodeOf(publishDraft(admin, meta, { id: draft.id, revision: 0, effectiveFrom: future }))).toBe("STALE_VERSION");
    const published = await publishDraft(admin, meta, { id: draft.id, revision: 1, effectiveFrom: future });
    expect(published).toMatchObject({ status: "published", effectiveFrom: future, revision: 2, publishedBy: admin.username });
    const content = (await getVersion(admin, draft.id)).catalogue;
    expect(content.effectiveFrom).toBe(future);
    expect(content.items.find((i) => i.code === "610403-04")!.amount).toEqual(edited.amount);
    // Now it is published, it cannot be edited either.
    expect(await errorCodeOf(updateDraftItem(admin, meta, { id: draft.id, revision: 2 }, edited))).toBe("CONFLICT");

    const events = await db.auditLog.findMany({ where: { entityId: draft.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.event)).toEqual(["catalogue.draft_created", "catalogue.draft_updated", "catalogue.published"]);
    expect(events[1].after).toMatchObject({ item: "610403-04", amount: edited.amount });
    expect(events.every((e) => e.countyCode === "610403" && e.actorUsername === admin.username)).toBe(true);
  });

  it("answers with the version in force on each date; retired versions still answer for their past", async () => {
    const admin = await createActor({ role: "county_admin" });
    expect(await versionInForce("610403", "2024-12-31")).toBeNull();
    expect((await versionInForce("610403", "2025-01-01"))!.number).toBe(1);
    expect((await versionInForce("610403", addDays(future, -1)))!.number).toBe(1);
    expect((await versionInForce("610403", future))!.number).toBe(2);

    // The next draft must take effect after version 2.
    const draft3 = await createDraft(admin, meta);
    expect(draft3.number).toBe(3);
    const same = publishDraft(admin, meta, { id: draft3.id, revision: 0, effectiveFrom: future });
    await expect(same).rejects.toMatchObject({ fieldErrors: { effectiveFrom: ["catalogue.form.effectiveFromNotAfter"] } });
    // Drafts never answer.
    expect((await versionInForce("610403", addDays(future, 400)))!.number).toBe(2);

    // Once version 2 is in force, version 1 is retired (the job, run on a later day).
    expect(await retireDueVersions("610403", addDays(future, -1))).toEqual([]);
    expect(await retireDueVersions("610403", future)).toEqual([1]);
    const v1 = await db.catalogueVersion.findFirstOrThrow({ where: { countyCode: "610403", number: 1 } });
    expect(v1.status).toBe("retired");
    expect(v1.retiredAt).not.toBeNull();
    expect((await versionInForce("610403", "2026-01-01"))!.number).toBe(1);
    expect((await versionInForce("610403", future))!.number).toBe(2);
    expect(await db.auditLog.count({ where: { event: "catalogue.retired", entityId: v1.id } })).toBe(1);
    expect(await retireDueVersions("610403", future)).toEqual([]);
  });
});

describe("county parameters", () => {
  it("default from the catalogue, get dated values from the admin, audited, and feed amounts on each date", async () => {
    const admin = await createActor({ role: "county_admin" });
    const approver = await createActor({ role: "county_approver" });
    const facts = { birthDate: "1950-03-01", sex: "female" as const, hukouLocal: true, residence: "urban" as const, circumstances: ["dibao" as const] };
    const before = await evaluateTypedFacts(approver, facts, { asOf: "2026-11-01" });
    const dibao = before.items.find((i) => i.code === "610403-10")!;
    expect(dibao).toMatchObject({ eligible: true, monthlyAmountFen: null });
    expect(dibao.reasons.join("\n")).toContain("尚未设置");

    const urban = "urban_dibao_standard_monthly";
    const set = (effectiveFrom: string, changes: { name: string; valueFen: number | null; expectedLatestId?: string | null }[]) =>
      setCountyParameters(admin, meta, { effectiveFrom, note: "区政府文件", changes });
    expect(await errorCodeOf(setCountyParameters(approver, meta, { effectiveFrom: "2026-01-01", changes: [{ name: urban, valueFen: 75000 }] }))).toBe("FORBIDDEN");
    await expect(set("2026-01-01", [{ name: "no_such_param", valueFen: 1 }])).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { no_such_param: ["catalogue.params.unknown"] },
    });
    expect(await set("2026-01-01", [{ name: urban, valueFen: 75000, expectedLatestId: null }])).toEqual({ changed: [urban] });
    const first = await db.countyParameterValue.findFirstOrThrow({ where: { countyCode: "610403", name: urban } });
    // The form showed "not set", but someone set it meanwhile: the case workflow's conflict message.
    expect(await errorCodeOf(set("2026-06-01", [{ name: urban, valueFen: 1, expectedLatestId: null }]))).toBe("CASE_CONFLICT");
    // Values follow each other in time.
    await expect(set("2025-12-01", [{ name: urban, valueFen: 80000, expectedLatestId: first.id }])).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { effectiveFrom: ["catalogue.params.effectiveFromOrder"] },
    });
    expect(await set("2026-07-01", [{ name: urban, valueFen: 80000, expectedLatestId: first.id }])).toEqual({ changed: [urban] });

    // A past date uses the value then in force; before the first value, the default (none).
    expect(await readParamValues("610403", "2025-12-31")).toEqual({});
    expect(await readParamValues("610403", "2026-06-30")).toEqual({ [urban]: 75000 });
    expect(await readParamValues("610403", "2026-07-01")).toEqual({ [urban]: 80000 });
    // 30% of the urban 低保 standard, rounded up to the fen, on each date.
    expect((await evaluateTypedFacts(approver, facts, { asOf: "2026-03-01" })).items.find((i) => i.code === "610403-10")).toMatchObject({ monthlyAmountFen: 22500 });
    expect((await evaluateTypedFacts(approver, facts, { asOf: "2026-11-01" })).items.find((i) => i.code === "610403-10")).toMatchObject({ monthlyAmountFen: 24000 });

    const latest = await db.countyParameterValue.findFirstOrThrow({ where: { countyCode: "610403", name: urban }, orderBy: { effectiveFrom: "desc" } });
    await set("2027-01-01", [{ name: urban, valueFen: null, expectedLatestId: latest.id }]);
    expect(await readParamValues("610403", "2027-01-01")).toEqual({});
    const audit = await db.auditLog.findMany({ where: { event: "parameter.value_added", countyCode: "610403" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ name: urban, valueFen: null, effectiveFrom: null }, { name: urban, valueFen: 75000, effectiveFrom: "2026-01-01", note: "区政府文件" }],
      [{ name: urban, valueFen: 75000, effectiveFrom: "2026-01-01" }, { name: urban, valueFen: 80000, effectiveFrom: "2026-07-01", note: "区政府文件" }],
      [{ name: urban, valueFen: 80000, effectiveFrom: "2026-07-01" }, { name: urban, valueFen: null, effectiveFrom: "2027-01-01", note: "区政府文件" }],
    ]);
  });

  it("two admins saving the same parameter at once: one succeeds, the other gets the conflict message", async () => {
    const [a1, a2] = [await createActor({ role: "county_admin" }), await createActor({ role: "county_admin" })];
    const name = "rural_dibao_standard_monthly";
    const save = (actor: TActor, valueFen: number, effectiveFrom: string) =>
      setCountyParameters(actor, meta, { effectiveFrom, changes: [{ name, valueFen, expectedLatestId: null }] }).then(
        () => "ok",
        (error: { code?: string }) => error.code,
      );
    const outcomes = await Promise.all([save(a1, 60000, "2026-03-01"), save(a2, 61000, "2026-04-01")]);
    expect(outcomes.sort()).toEqual(["CASE_CONFLICT", "ok"]);
    expect(await db.countyParameterValue.count({ where: { countyCode: "610403", name } })).toBe(1);
  });
});

describe("evaluation", () => {
  it("evaluates a registered elder in scope; outside the region it is not found (service and API)", async () => {
    const elder = await createElder({ villageCode: YANGLING.village1, birthDate: "1941-03-15", sex: "female", residence: "urban" });
    const clerk = await createActor({ role: "village_clerk", regionCode: YANGLING.village1 });
    const otherClerk = await createActor({ role: "village_clerk", regionCode: YANGLING.village2 });
    const result = await evaluateElder(clerk, elder.id, { asOf: "2026-11-01" });
    expect(result).toMatchObject({ county: "610403", catalogueVersion: 1, asOf: "2026-11-01", age: 85 });
    const allowance = result.items.find((i) => i.code === "610403-04")!;
    expect(allowance).toMatchObject({ eligible: true, monthlyAmountFen: 10000, oneOffAmountFen: null });
    expect(allowance.reasons).toContain("年龄 85 周岁，满足 80–89 周岁档");
    expect(await errorCodeOf(evaluateElder(otherClerk, elder.id))).toBe("NOT_FOUND");

    const { GET } = await import("@/app/api/v1/policy/evaluate/route");
    const call = (query: string) => GET(new Request(`http://localhost/api/v1/policy/evaluate?${query}`), undefined as never);
    sessionActor = clerk;
    const ok = await call(`elderId=${elder.id}&asOf=2026-11-01`);
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(Object.keys(body)).toEqual(["county", "catalogueVersion", "asOf", "age", "items"]);
    expect(Object.keys(body.items[0])).toEqual(["code", "name", "eligible", "monthlyAmountFen", "oneOffAmountFen", "reasons"]);
    expect(body.items.find((i: { code: string }) => i.code === "610403-04")).toMatchObject({ name: "高龄津贴", eligible: true, monthlyAmountFen: 10000 });
    sessionActor = otherClerk;
    expect((await call(`elderId=${elder.id}`)).status).toBe(404);
    expect((await call("elderId=nope")).status).toBe(422);
    sessionActor = null;
    expect((await call(`elderId=${elder.id}`)).status).toBe(401);
  });

  it("refuses typed-in facts whose ID number contradicts them, with a field error", async () => {
    const clerk = await createActor({ role: "village_clerk" });
    const bad = evaluateTypedFacts(clerk, { idNumber: "11010519491231002X".replace("X", "1"), hukouLocal: true });
    await expect(bad).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { idNumber: [expect.stringContaining("校验位")] } });
  });
});

describe("set-based facts and the draft preview", () => {
  const asOf = "2026-11-01";
  const villageCode = "530926100001";

  it("loads a county's facts in a few queries, with the latest confirmed capability level", async () => {
    const elder = await createElder({ villageCode, birthDate: "1940-05-01", circumstances: [{ type: "dibao", startDate: "2020-01-01" }, { type: "living_alone", startDate: "2020-01-01", endDate: "2021-01-01" }, { type: "disability", startDate: "2019-01-01", disabilityCategory: "visual", disabilityGrade: 2 }] });
    const assessment = (assessedOn: string, finalLevel: number, status: "confirmed" | "draft") =>
      db.assessment.create({
        data: {
          elderId: elder.id,
          countyCode: elder.countyCode,
          townshipCode: elder.townshipCode,
          villageCode: elder.villageCode,
          reason: "initial",
          assessedOn: new Date(`${assessedOn}T00:00:00Z`),
          assessor1Name: "评估员",
          items: {},
          finalLevel,
          status,
          createdBy: "test",
        },
      });
    await assessment("2024-01-01", 1, "confirmed");
    await assessment("2025-06-01", 3, "confirmed");
    await assessment("2026-01-01", 4, "draft");
    await assessment("2027-01-01", 0, "confirmed");
    const county = await loadCountyFacts("530926", asOf);
    const facts = county.facts[county.ids.indexOf(elder.id)];
    expect(facts).toMatchObject({ age: 86, circumstances: ["dibao"], disability: { grade: 2, category: "visual" }, capabilityLevel: 3, hukouLocal: true, alive: true });
  });

  it("counts, per item, who would gain, lose or see a different amount", async () => {
    const admin = await createActor({ role: "county_admin", regionCode: "530926000000" });
    const born = (birthDate: string, extra: Parameters<typeof createElder>[0] = {}) => createElder({ villageCode, birthDate, ...extra });
    await born("1949-01-01"); // 77: gains 03-1 (80 → 75)
    await born("1940-01-01"); // 86: amount 50 → 60
    await born("1940-01-01", { hukouRegionCode: "610403000000" }); // not local: nothing
    await born("1926-06-01"); // 100: loses 03-2 (100 → 101)
    await born("1920-01-01"); // 106: 03-2 either way
    const draft = await createDraft(admin, meta);
    const items = (await getVersion(admin, draft.id)).catalogue.items;
    const item1 = items.find((i) => i.code === "530926-03-1")!;
    const item2 = items.find((i) => i.code === "530926-03-2")!;
    await updateDraftItem(admin, meta, { id: draft.id, revision: 0 }, {
      ...item1,
      eligibility: { kind: "and", rules: [{ kind: "alive" }, { kind: "hukou", local: true }, { kind: "age", min: 75, max: 99 }] },
      amount: { kind: "monthly", amount: { kind: "fixed", fen: 6000 } },
    });
    await updateDraftItem(admin, meta, { id: draft.id, revision: 1 }, {
      ...item2,
      eligibility: { kind: "and", rules: [{ kind: "alive" }, { kind: "hukou", local: true }, { kind: "age", min: 101 }] },
    });
    const clerk = await createActor({ role: "village_clerk", regionCode: villageCode });
    expect(await errorCodeOf(previewVersion(clerk, draft.id, asOf))).toBe("FORBIDDEN");
    const preview = await previewVersion(admin, draft.id, asOf);
    // The elder of the previous test (86, local) is in this county too.
    expect(preview.elders).toBe(6);
    expect(preview.baseline!.number).toBe(1);
    const row = (code: string) => preview.rows.find((r) => r.code === code);
    expect(row("530926-03-1")).toMatchObject({ presence: "both", before: 2, after: 3, gained: 1, lost: 0, amountChanged: 2 });
    expect(row("530926-03-2")).toMatchObject({ presence: "both", before: 2, after: 1, gained: 0, lost: 1, amountChanged: 0 });
    expect(row("530926-04")).toMatchObject({ gained: 0, lost: 0, amountChanged: 0, before: 6, after: 6 });
    expect(preview.rows.filter((r) => r.gained || r.lost || r.amountChanged).map((r) => r.code)).toEqual(["530926-03-1", "530926-03-2"]);
  });
});

import { describe, expect, it } from "vitest";
import { errorCodeOf } from "@/lib/testing/error-code";
import { db } from "@/lib/db";
import { createActor, createElder, makeIdNumber, YANGLING } from "@/lib/testing/factories";
import { addCircumstance, changeElderStatus, createElder as createElderService, deleteCircumstance, revealElderField, updateElder } from "@/lib/elders/service";
import { getElder, getElderFacts, listElders, pageElders } from "@/lib/elders/queries";
import { ZCreateElder, ZElderListQuery, ZUpdateElder } from "@/lib/elders/schemas";
import { ZCircumstanceRecord } from "@/lib/elders/circumstances";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const list = (q: Record<string, string>) => ZElderListQuery.parse(q);

describe("elder registry", () => {
  it("registers an elder with birth date and sex from the ID number, audited with masked identifiers", async () => {
    const clerk = await createActor({ role: "village_clerk" });
    const idNumber = makeIdNumber("1941-03-15", "female");
    const elder = await createElderService(
      clerk,
      meta,
      ZCreateElder.parse({ name: "张桂兰", idNumber, hukouRegionCode: "610403", villageCode: YANGLING.village1, residence: "urban", bankAccount: "6217 0000 1111 2222 333", phone: "139-1234-5678" }),
    );
    expect(elder.sex).toBe("female");
    expect(elder.birthDate.toISOString().slice(0, 10)).toBe("1941-03-15");
    expect(elder.hukouRegionCode).toBe("610403000000");
    expect(elder.townshipCode).toBe("610403001");
    expect(elder.phone).toBe("13912345678");
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: elder.id, event: "elder.created" } });
    const text = JSON.stringify(audit.after);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain("6217000011112222333");
    expect(audit.after).toMatchObject({ idNumber: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`, bankAccount: "6217***********2333", phone: "139****5678" });
  });

  it("refuses a duplicate ID number and a village outside the clerk's own, writing nothing", async () => {
    const clerk = await createActor({ role: "village_clerk" });
    const existing = await createElder();
    const before = await db.auditLog.count();
    const dup = createElderService(clerk, meta, ZCreateElder.parse({ name: "甲", idNumber: existing.idNumber, hukouRegionCode: "610403", villageCode: YANGLING.village1, residence: "rural" }));
    await expect(dup).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { idNumber: ["registry.form.idNumberTaken"] } });
    const other = createElderService(clerk, meta, ZCreateElder.parse({ name: "乙", idNumber: makeIdNumber("1950-01-01", "male"), hukouRegionCode: "610403", villageCode: YANGLING.village2, residence: "rural" }));
    await expect(other).rejects.toMatchObject({ fieldErrors: { villageCode: ["registry.form.villageOutOfScope"] } });
    expect(await db.auditLog.count()).toBe(before);
  });

  it("rejects a bad checksum at the boundary with a field error", () => {
    const result = ZCreateElder.safeParse({ name: "丙", idNumber: "11010519491231002X".replace("X", "1"), hukouRegionCode: "610403", villageCode: YANGLING.village1, residence: "rural" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path[0], i.message])).toEqual([["idNumber", "elders.idNumber.checksum"]]);
  });

  it("scopes reads: the clerk's village, the reviewer's township, the county; anything else is not found", async () => {
    const inVillage1 = await createElder({ villageCode: YANGLING.village1, name: "村一老人" });
    const inVillage2 = await createElder({ villageCode: YANGLING.village2, name: "村二老人" });
    const inTownship2 = await createElder({ villageCode: YANGLING.village3, name: "镇二老人" });
    const elsewhere = await createElder({ villageCode: "330727001002", name: "磐安老人" });
    const clerk = await createActor({ role: "village_clerk", regionCode: YANGLING.village1 });
    const reviewer = await createActor({ role: "township_reviewer", regionCode: YANGLING.township1 });
    const approver = await createActor({ role: "county_approver" });
    const visible = async (actor: Awaited<ReturnType<typeof createActor>>, id: string) => (await errorCodeOf(getElder(actor, id))) === "ok";
    expect([await visible(clerk, inVillage1.id), await visible(clerk, inVillage2.id), await visible(clerk, inTownship2.id)]).toEqual([true, false, false]);
    expect([await visible(reviewer, inVillage2.id), await visible(reviewer, inTownship2.id)]).toEqual([true, false]);
    expect([await visible(approver, inTownship2.id), await visible(approver, elsewhere.id)]).toEqual([true, false]);
    expect(await errorCodeOf(getElder(clerk, inVillage2.id))).toBe("NOT_FOUND");
    const names = (await listElders(reviewer, list({ q: "老人" }))).rows.map((r) => r.name).sort();
    expect(names).toEqual(["村一老人", "村二老人"]);
    const api = await pageElders(clerk, { limit: 200 });
    expect(api.items.map((i) => i.id)).toContain(inVillage1.id);
    expect(api.items.map((i) => i.id)).not.toContain(inVillage2.id);
    expect(api.items[0]).not.toHaveProperty("idNumber");
  });

  it("filters by age band, circumstance in force and (partial) ID number", async () => {
    const county = await createActor({ role: "county_approver", regionCode: "530322000000" });
    const v = (await db.region.findFirstOrThrow({ where: { countyCode: "530322", level: "village" } })).code;
    const old = await createElder({ villageCode: v, birthDate: "1930-01-01", circumstances: [{ type: "dibao", startDate: "2020-01-01" }] });
    const ended = await createElder({ villageCode: v, birthDate: "1950-01-01", circumstances: [{ type: "dibao", startDate: "2020-01-01", endDate: "2021-01-01" }] });
    const ids = async (q: Record<string, string>) => (await listElders(county, list(q))).rows.map((r) => r.id);
    expect(await ids({ ageBand: "90-99" })).toEqual([old.id]);
    expect((await ids({ sort: "birthDate" }))[0]).toBe(old.id); // oldest first without a direction
    expect(await ids({ circumstance: "dibao" })).toEqual([old.id]);
    expect(await ids({ q: ended.idNumber.slice(-6) })).toEqual([ended.id]);
    expect(await ids({ q: ended.idNumber })).toEqual([ended.id]);
    const row = (await listElders(county, list({ q: old.idNumber }))).rows[0];
    expect(row.idNumberMasked).toBe(`${old.idNumber.slice(0, 4)}**********${old.idNumber.slice(-4)}`);
    expect(row.circumstances).toEqual(["dibao"]);
  });

  it("updates with optimistic locking, changes status with a date, and audits each", async () => {
    const clerk = await createActor({ role: "village_clerk" });
    const elder = await createElder();
    const fields = { id: elder.id, version: 0, name: "新名", idNumber: elder.idNumber, hukouRegionCode: elder.hukouRegionCode, villageCode: elder.villageCode, residence: "urban" as const, address: null, phone: null, guardianName: null, guardianRelation: null, guardianPhone: null, bankName: null, clearBankAccount: true, notes: null };
    await updateElder(clerk, meta, fields);
    expect(await errorCodeOf(updateElder(clerk, meta, fields))).toBe("STALE_VERSION");
    await changeElderStatus(clerk, meta, { id: elder.id, version: 1, status: "deceased", date: "2026-10-03" });
    const detail = await getElder(clerk, elder.id);
    expect(detail).toMatchObject({ name: "新名", status: "deceased", deathDate: "2026-10-03" });
    const facts = await getElderFacts(clerk, elder.id, "2026-10-02");
    expect(facts.alive).toBe(true);
    expect((await getElderFacts(clerk, elder.id, "2026-10-03")).alive).toBe(false);
    const events = await db.auditLog.findMany({ where: { entityId: elder.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.event)).toEqual(["elder.updated", "elder.status_changed"]);
    expect(events[0].before).toMatchObject({ name: elder.name, bankAccount: "6217***********2333" });
    expect(events[0].after).toMatchObject({ name: "新名", bankAccount: null });
  });

  it("records dated circumstances that feed the person's facts", async () => {
    const clerk = await createActor({ role: "village_clerk" });
    const elder = await createElder({ birthDate: "1940-05-01" });
    const record = await addCircumstance(clerk, meta, elder.id, ZCircumstanceRecord.parse({ type: "disability", startDate: "2024-01-01", disabilityCategory: "physical", disabilityGrade: "2", certificateNo: "61040319410315123642" }));
    await addCircumstance(clerk, meta, elder.id, ZCircumstanceRecord.parse({ type: "living_alone", startDate: "2025-01-01", endDate: "2025-12-31" }));
    const facts = await getElderFacts(clerk, elder.id, "2025-06-01");
    expect(facts).toMatchObject({ age: 85, hukouLocal: true, circumstances: ["living_alone"], disability: { grade: 2, category: "physical" } });
    expect((await getElderFacts(clerk, elder.id, "2026-01-01")).circumstances).toEqual([]);
    const added = await db.auditLog.findFirstOrThrow({ where: { entityId: elder.id, event: "elder.circumstance_added" } });
    expect(added.after).toMatchObject({ type: "disability", certificateNo: "6104************3642" });
    await deleteCircumstance(clerk, meta, elder.id, record.id);
    expect((await getElderFacts(clerk, elder.id, "2025-06-01")).disability).toBeNull();
    expect(await db.auditLog.count({ where: { entityId: elder.id, event: { startsWith: "elder.circumstance_" } } })).toBe(3);
  });

  it("reveals full identifiers only to roles allowed, and audits each look", async () => {
    const elder = await createElder();
    const clerk = await createActor({ role: "village_clerk" });
    const viewer = await createActor({ role: "viewer" });
    expect(await revealElderField(clerk, meta, elder.id, "idNumber")).toBe(elder.idNumber);
    expect(await revealElderField(clerk, meta, elder.id, "bankAccount")).toBe("6217000011112222333");
    expect(await errorCodeOf(revealElderField(viewer, meta, elder.id, "idNumber"))).toBe("FORBIDDEN");
    const outside = await createActor({ role: "village_clerk", regionCode: YANGLING.village3 });
    expect(await errorCodeOf(revealElderField(outside, meta, elder.id, "idNumber"))).toBe("NOT_FOUND");
    const looks = await db.auditLog.findMany({ where: { entityId: elder.id, event: "elder.revealed" } });
    expect(looks.map((l) => (l.after as { field: string }).field).sort()).toEqual(["bankAccount", "idNumber"]);
  });

  it("edits without the stored identifiers: blank keeps them, a typed one replaces, and no reveal is recorded", async () => {
    const clerk = await createActor({ role: "village_clerk" });
    const elder = await createElder({ bankAccount: "6217000011112222333" });
    const base = { id: elder.id, name: elder.name, hukouRegionCode: elder.hukouRegionCode, villageCode: elder.villageCode, residence: elder.residence };
    await updateElder(clerk, meta, ZUpdateElder.parse({ ...base, version: 0, idNumber: "", bankAccount: "", address: "新址" }));
    let saved = await db.elder.findUniqueOrThrow({ where: { id: elder.id } });
    expect([saved.idNumber, saved.bankAccount, saved.address]).toEqual([elder.idNumber, "6217000011112222333", "新址"]);
    const other = makeIdNumber("1944-04-04", "female");
    await updateElder(clerk, meta, ZUpdateElder.parse({ ...base, version: 1, idNumber: other, bankAccount: "6228 4800 0000 0000 123" }));
    saved = await db.elder.findUniqueOrThrow({ where: { id: elder.id } });
    expect([saved.idNumber, saved.bankAccount, saved.birthDate.toISOString().slice(0, 10)]).toEqual([other, "6228480000000000123", "1944-04-04"]);
    await updateElder(clerk, meta, ZUpdateElder.parse({ ...base, version: 2, clearBankAccount: "on" }));
    expect((await db.elder.findUniqueOrThrow({ where: { id: elder.id } })).bankAccount).toBeNull();
    expect(await db.auditLog.count({ where: { entityId: elder.id, event: "elder.revealed" } })).toBe(0);
    expect(ZUpdateElder.safeParse({ ...base, version: 3, idNumber: "123" }).error?.issues[0]).toMatchObject({ path: ["idNumber"] });
  });
});

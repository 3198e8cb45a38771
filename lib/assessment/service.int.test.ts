import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createActor, createElder, createUser, YANGLING } from "@/lib/testing/factories";
import { assessmentFields, createConfirmedAssessment, itemsForTotal } from "@/lib/testing/assessment-factories";
import { confirmAssessment, createAssessment, createCorrection, saveAssessmentDraft, submitAssessment } from "@/lib/assessment/service";
import { getAssessment, latestConfirmedLevel, latestConfirmedLevels, listAssessments, listDueAssessments, listElderAssessments } from "@/lib/assessment/queries";
import { ZAssessmentListQuery } from "@/lib/assessment/schemas";
import { getElderFacts } from "@/lib/elders/queries";
import { addDays, addYears, todayInShanghai, addMonths } from "@/lib/dates";
import { nextDueDate } from "@/lib/assessment/due";
import { getCountySetting, setCountySetting } from "@/lib/settings/county-settings";
import type { TActor } from "@/lib/authz/actor";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const PANAN_VILLAGE = "330727001002";

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

const staff = (actor: TActor) => ({ kind: "staff" as const, userId: actor.userId! });

describe("capability assessments", () => {
  it("goes draft → submit → confirm, storing the computed scores, each step audited", async () => {
    const elder = await createElder({ birthDate: "1940-03-01" });
    const a1 = await createActor({ role: "assessor", displayName: "评估员甲" });
    const a2 = await createActor({ role: "assessor", displayName: "评估员乙" });
    const partialItems = { "B1.1": 4, "B1.2": 3 };
    const draft = await createAssessment(a1, meta, { elderId: elder.id, fields: assessmentFields({ assessor1: staff(a1), assessor2: null, items: partialItems }) });
    expect(draft).toMatchObject({ status: "draft", version: 0, assessor1Name: "评估员甲", countyCode: "610403", villageCode: elder.villageCode, total: null });

    const saved = await saveAssessmentDraft(a1, meta, { id: draft.id, version: 0, fields: assessmentFields({ assessor1: staff(a1), assessor2: staff(a2), items: { ...partialItems, "B1.3": 2 } }) });
    expect(saved.version).toBe(1);

    // Incomplete: every missing item named; the second assessor is required; nothing changes.
    const incomplete = submitAssessment(a1, meta, { id: draft.id, version: 1, fields: assessmentFields({ assessor1: staff(a1), assessor2: null, items: { "B1.1": 4 } }) });
    await expect(incomplete).rejects.toMatchObject({ code: "VALIDATION" });
    const err = await incomplete.catch((e) => e);
    expect(Object.keys(err.fieldErrors).filter((k) => k.startsWith("items."))).toHaveLength(25);
    expect(err.fieldErrors.assessor2).toEqual(["assessment.errors.assessor2Required"]);
    expect((await db.assessment.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("draft");

    // Total 50 → level 2; dementia (F03) and two falls raise once (ADR 005) → 3.
    const submitted = await submitAssessment(a1, meta, {
      id: draft.id,
      version: 1,
      fields: assessmentFields({ assessor1: staff(a1), assessor2: staff(a2), items: itemsForTotal(50), diagnoses: [{ code: "f03", byPsychiatrist: false }], riskEvents: ["fall", "fall"] }),
    });
    expect(submitted).toMatchObject({ status: "submitted", total: 50, preliminaryLevel: 2, finalLevel: 3, submittedBy: a1.username, assessor2Name: "评估员乙" });
    expect(submitted.indicatorScores).toEqual({ B1: 32, B2: 15, B3: 3, B4: 0 });
    expect(submitted.changes).toEqual([
      { rule: "dementia", from: 2, to: 3 },
      { rule: "risk_events", from: 3, to: 3 },
    ]);
    expect(submitted.diagnoses).toEqual([{ code: "F03", byPsychiatrist: false }]);
    expect(await latestConfirmedLevel(elder.id)).toBeNull();

    const confirmed = await confirmAssessment(a2, meta, { id: draft.id, version: submitted.version });
    expect(confirmed).toMatchObject({ status: "confirmed", confirmedBy: a2.username });
    expect(await latestConfirmedLevel(elder.id)).toBe(3);
    expect((await getElderFacts(a1, elder.id)).capabilityLevel).toBe(3);
    expect((await getElderFacts(a1, elder.id, "2026-01-14")).capabilityLevel).toBeNull();

    const events = await db.auditLog.findMany({ where: { entityId: draft.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.event)).toEqual(["assessment.created", "assessment.updated", "assessment.submitted", "assessment.confirmed"]);
    expect(events.every((e) => e.villageCode === elder.villageCode)).toBe(true);
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain(elder.idNumber);
    expect(events[2].after).toMatchObject({ status: "submitted", total: 50, finalLevel: 3 });
  });

  it("scopes by region and checks roles: clerks read, only assessors write, approvers confirm", async () => {
    const elder = await createElder({ villageCode: YANGLING.village1 });
    const assessor = await createActor({ role: "assessor" });
    const clerk = await createActor({ role: "village_clerk", regionCode: YANGLING.village1 });
    const otherClerk = await createActor({ role: "village_clerk", regionCode: YANGLING.village2 });
    const approver = await createActor({ role: "county_approver" });
    const outsider = await createActor({ role: "assessor", regionCode: "330727000000" });
    const fields = assessmentFields();

    expect(await codeOf(createAssessment(clerk, meta, { elderId: elder.id, fields }))).toBe("FORBIDDEN");
    expect(await codeOf(createAssessment(approver, meta, { elderId: elder.id, fields }))).toBe("FORBIDDEN");
    expect(await codeOf(createAssessment(outsider, meta, { elderId: elder.id, fields }))).toBe("NOT_FOUND");
    const a = await createAssessment(assessor, meta, { elderId: elder.id, fields, submit: true });

    expect(await codeOf(getAssessment(clerk, a.id))).toBe("ok");
    expect(await codeOf(getAssessment(otherClerk, a.id))).toBe("NOT_FOUND");
    expect(await codeOf(getAssessment(outsider, a.id))).toBe("NOT_FOUND");
    expect((await getAssessment(clerk, a.id)).canConfirm).toBe(false);
    expect((await getAssessment(approver, a.id)).canConfirm).toBe(true);
    const list = async (actor: TActor) => (await listAssessments(actor, ZAssessmentListQuery.parse({}))).rows.map((r) => r.id);
    expect(await list(clerk)).toContain(a.id);
    expect(await list(otherClerk)).not.toContain(a.id);
    expect(await list(outsider)).not.toContain(a.id);

    expect(await codeOf(confirmAssessment(clerk, meta, { id: a.id, version: a.version }))).toBe("FORBIDDEN");
    expect(await codeOf(confirmAssessment(outsider, meta, { id: a.id, version: a.version }))).toBe("NOT_FOUND");
    expect(await codeOf(confirmAssessment(approver, meta, { id: a.id, version: a.version }))).toBe("ok");
  });

  it("checks the assessors: staff must be active assessors of the county, and two different people", async () => {
    const elder = await createElder();
    const assessor = await createActor({ role: "assessor" });
    const elsewhere = await createActor({ role: "assessor", regionCode: "330727000000" });
    const approver = await createActor({ role: "county_approver" });
    const disabled = await createUser({ role: "assessor", active: false });
    const run = (assessor2: unknown) => codeOf(createAssessment(assessor, meta, { elderId: elder.id, fields: assessmentFields({ assessor1: staff(assessor), assessor2: assessor2 as never }) }).catch((e) => Promise.reject({ code: JSON.stringify(e.fieldErrors) })));
    expect(await run(staff(elsewhere))).toBe(JSON.stringify({ assessor2: ["assessment.errors.assessorNotFound"] }));
    expect(await run(staff(approver))).toBe(JSON.stringify({ assessor2: ["assessment.errors.assessorNotFound"] }));
    expect(await run({ kind: "staff", userId: disabled.id })).toBe(JSON.stringify({ assessor2: ["assessment.errors.assessorNotFound"] }));
    expect(await run(staff(assessor))).toBe(JSON.stringify({ assessor2: ["assessment.errors.assessorsDistinct"] }));
    expect(await run({ kind: "external", name: "外聘张医生", certNo: "ZJ-2024-0099" })).toBe("ok");
    const future = createAssessment(assessor, meta, { elderId: elder.id, fields: assessmentFields({ assessedOn: addDays(todayInShanghai(), 1) }) });
    await expect(future).rejects.toMatchObject({ fieldErrors: { assessedOn: ["assessment.errors.dateInFuture"] } });
  });

  it("never edits a confirmed assessment; optimistic locking refuses a stale version; a transition happens once", async () => {
    const elder = await createElder();
    const assessor = await createActor({ role: "assessor" });
    const approver = await createActor({ role: "county_approver" });
    const draft = await createAssessment(assessor, meta, { elderId: elder.id, fields: assessmentFields() });
    await saveAssessmentDraft(assessor, meta, { id: draft.id, version: 0, fields: assessmentFields({ place: "村委会" }) });
    expect(await codeOf(saveAssessmentDraft(assessor, meta, { id: draft.id, version: 0, fields: assessmentFields({ place: "卫生室" }) }))).toBe("STALE_VERSION");
    expect(await codeOf(submitAssessment(assessor, meta, { id: draft.id, version: 0, fields: assessmentFields() }))).toBe("STALE_VERSION");

    // Two submits and then two confirms at the same moment: exactly one of each succeeds.
    const submits = await Promise.all([1, 2].map(() => codeOf(submitAssessment(assessor, meta, { id: draft.id, version: 1, fields: assessmentFields() }))));
    expect(submits.filter((c) => c === "ok")).toHaveLength(1);
    const confirms = await Promise.all([assessor, approver].map((a) => codeOf(confirmAssessment(a, meta, { id: draft.id, version: 2 }))));
    expect(confirms.filter((c) => c === "ok")).toHaveLength(1);
    expect(confirms.filter((c) => c !== "ok").every((c) => c === "STALE_VERSION" || c === "CONFLICT")).toBe(true);
    expect(await db.auditLog.count({ where: { entityId: draft.id, event: "assessment.submitted" } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: draft.id, event: "assessment.confirmed" } })).toBe(1);

    const confirmed = await db.assessment.findUniqueOrThrow({ where: { id: draft.id } });
    expect(confirmed).toMatchObject({ status: "confirmed", version: 3 });
    expect(await codeOf(saveAssessmentDraft(assessor, meta, { id: draft.id, version: 3, fields: assessmentFields({ place: "改" }) }))).toBe("CONFLICT");
    expect(await codeOf(submitAssessment(assessor, meta, { id: draft.id, version: 3, fields: assessmentFields() }))).toBe("CONFLICT");
    expect(await codeOf(confirmAssessment(approver, meta, { id: draft.id, version: 3 }))).toBe("CONFLICT");
    expect(await db.assessment.findUniqueOrThrow({ where: { id: draft.id } })).toEqual(confirmed);
  });

  it("corrects a confirmed assessment with a new one that supersedes it once confirmed", async () => {
    const elder = await createElder();
    const assessor = await createActor({ role: "assessor" });
    const original = await createConfirmedAssessment(elder, { items: itemsForTotal(70) });
    expect(await latestConfirmedLevel(elder.id)).toBe(1);
    expect(await codeOf(createCorrection(await createActor({ role: "county_approver" }), meta, { id: original.id }))).toBe("FORBIDDEN");

    const correction = await createCorrection(assessor, meta, { id: original.id });
    expect(correction).toMatchObject({ status: "draft", supersedesId: original.id, assessor1Name: original.assessor1Name, items: original.items });
    expect(await codeOf(createCorrection(assessor, meta, { id: original.id }))).toBe("CONFLICT");
    expect((await getAssessment(assessor, original.id)).pendingCorrectionId).toBe(correction.id);

    const submitted = await submitAssessment(assessor, meta, { id: correction.id, version: 0, fields: assessmentFields({ items: itemsForTotal(40) }) });
    expect((await db.assessment.findUniqueOrThrow({ where: { id: original.id } })).status).toBe("confirmed");
    await confirmAssessment(assessor, meta, { id: correction.id, version: submitted.version });
    expect((await db.assessment.findUniqueOrThrow({ where: { id: original.id } })).status).toBe("superseded");
    expect(await latestConfirmedLevel(elder.id)).toBe(3);
    expect((await getAssessment(assessor, original.id)).supersededById).toBe(correction.id);
    const superseded = await db.auditLog.findFirstOrThrow({ where: { entityId: original.id, event: "assessment.superseded" } });
    expect(superseded.after).toEqual({ status: "superseded", supersededBy: correction.id });
  });

  it("writes a transition and its audit rows in one transaction: a refused supersede leaves nothing", async () => {
    const elder = await createElder();
    const assessor = await createActor({ role: "assessor" });
    const original = await createConfirmedAssessment(elder);
    // Two corrections racing (made directly: the service lets only one be open at a time).
    const first = await createCorrection(assessor, meta, { id: original.id });
    const second = await db.assessment.create({ data: { ...first, id: undefined, items: first.items ?? {}, diagnoses: [], riskEvents: [], indicatorScores: undefined, changes: undefined, createdAt: undefined, updatedAt: undefined } });
    const s1 = await submitAssessment(assessor, meta, { id: first.id, version: 0, fields: assessmentFields() });
    const s2 = await submitAssessment(assessor, meta, { id: second.id, version: 0, fields: assessmentFields() });
    await confirmAssessment(assessor, meta, { id: first.id, version: s1.version });
    const auditBefore = await db.auditLog.count();
    expect(await codeOf(confirmAssessment(assessor, meta, { id: second.id, version: s2.version }))).toBe("CONFLICT");
    expect((await db.assessment.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("submitted");
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("computes the next due date from the county's interval, and lists what is due in the caller's scope in one query", async () => {
    const today = todayInShanghai();
    const county = await createActor({ role: "county_approver" });
    const reviewer = await createActor({ role: "township_reviewer", regionCode: YANGLING.township1 });
    const admin = await createActor({ role: "county_admin" });
    const born = (age: number) => addDays(addYears(today, -age), -40); // turned `age` 40 days ago
    const ago = (months: number, days = 0) => addDays(addMonths(today, -months), days);

    // 85 now, assessed 11 months + 10 days ago at 84 → due in ~20 days (12-month interval).
    const dueSoon = await createElder({ name: "到期甲", birthDate: born(85), villageCode: YANGLING.village1 });
    await createConfirmedAssessment(dueSoon, { assessedOn: ago(11, -10), reason: "routine" });
    // 70, assessed 25 months ago → overdue (24 months).
    const overdue = await createElder({ name: "逾期乙", birthDate: born(70), villageCode: YANGLING.village2 });
    await createConfirmedAssessment(overdue, { assessedOn: ago(25) });
    // 70, assessed 12 months ago → not due for a year.
    const notDue = await createElder({ name: "未到丙", birthDate: born(70), villageCode: YANGLING.village1 });
    await createConfirmedAssessment(notDue, { assessedOn: ago(12) });
    // Due, but in another township: the county sees it, the reviewer does not.
    const otherTownship = await createElder({ name: "他镇丁", birthDate: born(90), villageCode: YANGLING.village3 });
    await createConfirmedAssessment(otherTownship, { assessedOn: ago(12, -5) });
    // Never assessed, and deceased: not listed.
    await createElder({ name: "未评戊", birthDate: born(75), villageCode: YANGLING.village1 });
    const deceased = await createElder({ name: "故己", birthDate: born(88), villageCode: YANGLING.village1 });
    await createConfirmedAssessment(deceased, { assessedOn: ago(14) });
    await db.elder.update({ where: { id: deceased.id }, data: { status: "deceased" } });
    // Crossing 80 between assessments does not matter: the age on the assessment date does.
    const crossing = await createElder({ name: "跨龄庚", birthDate: addDays(addYears(today, -81), 10), villageCode: YANGLING.village1 });
    await createConfirmedAssessment(crossing, { assessedOn: ago(13) }); // 79 then → 24 months

    const names = async (actor: TActor) => (await listDueAssessments(actor, { page: 1, pageSize: 100 })).rows.map((r) => r.elderName);
    expect(await names(county)).toEqual(["逾期乙", "他镇丁", "到期甲"]);
    expect(await names(reviewer)).toEqual(["逾期乙", "到期甲"]);

    const due = await listDueAssessments(county, { page: 1, pageSize: 100 });
    expect(due.rows.map((r) => r.dueState)).toEqual(["overdue", "overdue", "due_soon"]);
    const tab = await listElderAssessments(county, dueSoon.id);
    expect(tab.nextDueOn).toBe(due.rows.find((r) => r.elderId === dueSoon.id)!.dueOn);
    expect(tab.nextDueOn).toBe(addMonths(ago(11, -10), 12));
    expect(tab.current?.finalLevel).toBe(1);
    for (const row of due.rows) {
      const elder = await db.elder.findUniqueOrThrow({ where: { id: row.elderId } });
      expect(row.dueOn).toBe(nextDueDate(row.lastAssessedOn, elder.birthDate.toISOString().slice(0, 10), await getCountySetting("610403", "assessment.interval")));
    }
    expect((await listElderAssessments(county, crossing.id)).nextDueOn).toBe(addMonths(ago(13), 24));

    // The county changes the interval: under 80 every 12 months → the crossing and not-due elders fall due.
    expect(await codeOf(setCountySetting(county, meta, "assessment.interval", { under80Months: 12, age80PlusMonths: 12 }))).toBe("FORBIDDEN");
    expect(await codeOf(setCountySetting(admin, meta, "assessment.interval", { under80Months: 0, age80PlusMonths: 12 }))).toBe("VALIDATION");
    await setCountySetting(admin, meta, "assessment.interval", { under80Months: 12, age80PlusMonths: 12 });
    expect(await getCountySetting("610403", "assessment.interval")).toEqual({ under80Months: 12, age80PlusMonths: 12 });
    expect(await getCountySetting("330727", "assessment.interval")).toEqual({ under80Months: 24, age80PlusMonths: 12 });
    expect((await names(county)).sort()).toEqual(["他镇丁", "到期甲", "未到丙", "跨龄庚", "逾期乙"].sort());
    const audit = await db.auditLog.findFirstOrThrow({ where: { event: "setting.updated", countyCode: "610403" } });
    expect(audit.before).toEqual({ key: "assessment.interval", value: { under80Months: 24, age80PlusMonths: 12 } });
    await setCountySetting(admin, meta, "assessment.interval", { under80Months: 24, age80PlusMonths: 12 });
  });

  it("gives the latest confirmed level for many elders at once", async () => {
    const [e1, e2, e3] = await Promise.all([createElder(), createElder(), createElder({ villageCode: PANAN_VILLAGE })]);
    await createConfirmedAssessment(e1, { assessedOn: "2025-01-10", items: itemsForTotal(90) });
    await createConfirmedAssessment(e1, { assessedOn: "2026-01-10", items: itemsForTotal(20) });
    await createConfirmedAssessment(e3, { assessedOn: "2025-06-01", items: itemsForTotal(60), coma: true });
    const levels = await latestConfirmedLevels([e1.id, e2.id, e3.id]);
    expect(Object.fromEntries(levels)).toEqual({ [e1.id]: 4, [e3.id]: 4 });
    expect((await latestConfirmedLevels([e1.id], "2025-12-31")).get(e1.id)).toBe(0);
    expect(await latestConfirmedLevels([])).toEqual(new Map());
  });
});

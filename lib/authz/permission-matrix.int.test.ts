import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type TRole } from "@/lib/authz/roles";
import type { TActor } from "@/lib/authz/actor";
import { actorFromUser } from "@/lib/users/actor-from-user";
import { createElder, createUser, makeIdNumber, systemActor, YANGLING } from "@/lib/testing/factories";
import { assessmentFields } from "@/lib/testing/assessment-factories";
import { getAssessment } from "@/lib/assessment/queries";
import { confirmAssessment, createAssessment } from "@/lib/assessment/service";
import { evaluateElder } from "@/lib/catalogue/evaluation";
import { loadSeedCatalogues } from "@/lib/catalogue/service";
import { getElder, listElders } from "@/lib/elders/queries";
import { addCircumstance, changeElderStatus, createElder as createElderService, revealElderField, updateElder } from "@/lib/elders/service";
import { ZCreateElder, ZElderListQuery } from "@/lib/elders/schemas";
import { ZCircumstanceRecord } from "@/lib/elders/circumstances";
import { getUser, listUsers } from "@/lib/users/queries";
import { createUser as createUserService, resetPassword, setUserActive, unlockUser, updateUser } from "@/lib/users/service";
import { getRegionTree } from "@/lib/regions/queries";
import { listAuditLogs } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/record";
import { createCase, actOnCase } from "@/lib/cases/service";
import { getCase } from "@/lib/cases/queries";
import type { TCaseAction, TCaseStatus } from "@/lib/cases/workflow";
import { createToken, revokeToken } from "@/lib/tokens/service";
import { setCountyParameters } from "@/lib/catalogue/service";
import { readParamHistory } from "@/lib/catalogue/params";
import { getEntitlement, listCertifications, listEntitlements, listEntitlementsForApi, listOverpayments, listProposals } from "@/lib/entitlements/queries";
import { decideOverpayment, decideProposal, recordCertification, takeEntitlementAction } from "@/lib/entitlements/service";
import { recomputeElderEntitlements } from "@/lib/entitlements/recompute";
import { ZCertificationListQuery, ZEntitlementListQuery, ZOverpaymentListQuery, ZProposalListQuery } from "@/lib/entitlements/schemas";
import { ZEntitlementQuery } from "@/lib/api/schemas";
import { monthAfter, todayInShanghai, addDays } from "@/lib/dates";
import { db } from "@/lib/db";
import { z } from "zod";
import { NO_REQUEST_META } from "@/lib/authz/actor";
import { regionPathOf } from "@/lib/regions/path";
import { defineJob } from "@/lib/jobs/define";
import { enqueueJob } from "@/lib/jobs/service";
import { getJob, listJobs } from "@/lib/jobs/queries";
import { runJob } from "@/lib/jobs/runner";
import { requestImportCheck, requestImportWrite, type TImportJobResult } from "@/lib/elders/import-job";
import { requestPreview } from "@/lib/catalogue/preview-job";

// Every role × every entry point × a target inside / outside the actor's region, against the
// real database. The expectations are written out here, independently of lib/authz/policy.ts.

type TOutcome = "ok" | "forbidden" | "not_found" | "hidden" | "rejected";
type TTarget = { userId: string; regionCode: string; auditId: bigint; elderId: string; villageCode: string; assessmentId: string; jobId: string; versionId: string };

const meta = { ip: "127.0.0.1", userAgent: "matrix" };
const ADMIN_ONLY: TRole[] = ["county_admin"];
const EVERYONE: TRole[] = [...ROLES];
const ELDER_WRITERS: TRole[] = ["village_clerk", "township_reviewer", "county_approver", "county_admin"];
const ELDER_REVEALERS: TRole[] = ["village_clerk", "township_reviewer", "county_approver", "assessor", "county_admin"];
const ASSESSORS: TRole[] = ["assessor"];
const CONFIRMERS: TRole[] = ["assessor", "county_approver"];
const CASE_READERS: TRole[] = ["village_clerk", "township_reviewer", "county_approver", "county_admin", "viewer"];
const CASE_APPLICANTS: TRole[] = ["village_clerk", "township_reviewer"];
const CASE_ACTORS: TRole[] = ["village_clerk", "township_reviewer", "county_approver"];
const ENTITLEMENT_READERS: TRole[] = ["village_clerk", "township_reviewer", "county_approver", "county_admin", "viewer"];
const CERTIFIERS: TRole[] = ["village_clerk", "township_reviewer", "county_approver"];
const ENTITLEMENT_REVIEWERS: TRole[] = ["township_reviewer"];
const ENTITLEMENT_MANAGERS: TRole[] = ["county_approver"];
/** Lists of the 待遇发放 area: readers inside see the target's row; outside it is not there. */
const readerList = (r: TRole) => (ENTITLEMENT_READERS.includes(r) ? "hidden" : "forbidden");
const IMPORTERS: TRole[] = ["township_reviewer", "county_approver", "county_admin"];

/** A job kind read like the elder import (elder.import), queued in each target region (no worker runs it). */
const matrixJob = defineJob({
  kind: "matrix-job",
  payload: z.object({}),
  requestAction: "elder.import",
  readAction: "elder.import",
  handler: async () => ({}),
});

/**
 * For "cases.act": an action each role could take, on a case in the state it needs; roles that
 * act on no case try to submit a draft.
 */
const ACT_AS: Record<TRole, { action: TCaseAction; status: TCaseStatus; comment?: string }> = {
  village_clerk: { action: "submit", status: "draft" },
  township_reviewer: { action: "withdraw", status: "draft", comment: "申请人要求撤回" },
  county_approver: { action: "reject", status: "county_approval", comment: "不符合条件" },
  assessor: { action: "submit", status: "draft" },
  county_admin: { action: "submit", status: "draft" },
  viewer: { action: "submit", status: "draft" },
};
/** An item needing an application in each county the targets live in. */
const APPLICATION_ITEM: Record<string, string> = { "610403": "610403-03", "330727": "330727-13" };

/** A village inside a target region (the region itself when it is a village). */
const VILLAGE_IN: Record<string, string> = {
  [YANGLING.village1]: YANGLING.village1,
  [YANGLING.township1]: YANGLING.village1,
  [YANGLING.county]: YANGLING.village1,
  "330727001002": "330727001002",
  "330727001000": "330727001002",
  "330727000000": "330727001002",
};

/** Where each role's account sits, and an outside region of the same level in another county. */
const HOME: Record<TRole, string> = {
  village_clerk: YANGLING.village1,
  township_reviewer: YANGLING.township1,
  county_approver: YANGLING.county,
  assessor: YANGLING.county,
  county_admin: YANGLING.county,
  viewer: YANGLING.county,
};
/** The same level in another county (磐安县): 五指居委会, 安文街道, the county. */
const OUTSIDE: Record<TRole, string> = {
  village_clerk: "330727001002",
  township_reviewer: "330727001000",
  county_approver: "330727000000",
  assessor: "330727000000",
  county_admin: "330727000000",
  viewer: "330727000000",
};

async function outcome(run: () => Promise<unknown>): Promise<TOutcome | unknown> {
  try {
    return await run();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "FORBIDDEN") return "forbidden";
    if (code === "NOT_FOUND") return "not_found";
    if (code === "VALIDATION") return "rejected";
    throw error;
  }
}

let counter = 0;
const fresh = () => `m${++counter}_${Math.random().toString(36).slice(2, 7)}`;

/** Entry points: each runs for one actor against one target and reports what happened. */
const ENTRY_POINTS: Record<
  string,
  {
    allowed: TRole[];
    /** What a role outside `allowed` gets inside its region, when not "forbidden" (a list that shows nothing). */
    inside?: (role: TRole) => TOutcome;
    outside: (role: TRole) => TOutcome;
    run: (a: TActor, t: TTarget) => Promise<TOutcome | unknown>;
  }
> = {
  "users.list": {
    allowed: ADMIN_ONLY,
    outside: (r) => (ADMIN_ONLY.includes(r) ? "hidden" : "forbidden"),
    run: (a, t) => outcome(async () => ((await visibleInList(a, t.userId)) ? "ok" : "hidden")),
  },
  "users.get": { allowed: ADMIN_ONLY, outside: () => "not_found", run: (a, t) => outcome(async () => (await getUser(a, t.userId), "ok")) },
  "users.create": {
    allowed: ADMIN_ONLY,
    outside: (r) => (ADMIN_ONLY.includes(r) ? "rejected" : "forbidden"),
    run: (a, t) =>
      outcome(async () => {
        await createUserService(a, meta, { username: fresh(), displayName: "测试", role: "viewer", regionCode: t.regionCode, phone: null, password: "Secret123" });
        return "ok";
      }),
  },
  "users.update": {
    allowed: ADMIN_ONLY,
    outside: () => "not_found",
    run: (a, t) =>
      outcome(async () => {
        const u = await db.user.findUniqueOrThrow({ where: { id: t.userId } });
        await updateUser(a, meta, { id: u.id, version: u.version, displayName: "改名", role: u.role, regionCode: u.regionCode, phone: null });
        return "ok";
      }),
  },
  "users.disable": { allowed: ADMIN_ONLY, outside: () => "not_found", run: (a, t) => outcome(async () => (await setUserActive(a, meta, t.userId, false), "ok")) },
  "users.unlock": { allowed: ADMIN_ONLY, outside: () => "not_found", run: (a, t) => outcome(async () => (await unlockUser(a, meta, t.userId), "ok")) },
  "users.resetPassword": {
    allowed: ADMIN_ONLY,
    outside: () => "not_found",
    run: (a, t) => outcome(async () => (await resetPassword(a, meta, t.userId, "Another123"), "ok")),
  },
  "regions.tree": {
    allowed: ADMIN_ONLY,
    outside: (r) => (ADMIN_ONLY.includes(r) ? "hidden" : "forbidden"),
    run: (a, t) =>
      outcome(async () => {
        const codes = JSON.stringify(await getRegionTree(a));
        return codes.includes(`"${t.regionCode}"`) ? "ok" : "hidden";
      }),
  },
  "elders.list": {
    allowed: EVERYONE,
    outside: () => "hidden",
    run: (a, t) =>
      outcome(async () => ((await listElders(a, ZElderListQuery.parse({}))).rows.some((e) => e.id === t.elderId) ? "ok" : "hidden")),
  },
  "elders.get": { allowed: EVERYONE, outside: () => "not_found", run: (a, t) => outcome(async () => (await getElder(a, t.elderId), "ok")) },
  "elders.create": {
    allowed: ELDER_WRITERS,
    outside: (r) => (ELDER_WRITERS.includes(r) ? "rejected" : "forbidden"),
    run: (a, t) =>
      outcome(async () => {
        const input = ZCreateElder.parse({ name: "矩阵", idNumber: makeIdNumber("1950-02-02", "male"), hukouRegionCode: "610403", villageCode: t.villageCode, residence: "rural" });
        await createElderService(a, meta, input);
        return "ok";
      }),
  },
  "elders.update": {
    allowed: ELDER_WRITERS,
    outside: () => "not_found",
    run: (a, t) => outcome(async () => (await updateElder(a, meta, { ...(await elderFields(t.elderId)), name: "矩阵改" }), "ok")),
  },
  "elders.status": {
    allowed: ELDER_WRITERS,
    outside: () => "not_found",
    run: (a, t) =>
      outcome(async () => {
        const { version } = await elderFields(t.elderId);
        await changeElderStatus(a, meta, { id: t.elderId, version, status: "moved_out", date: "2026-11-01" });
        return "ok";
      }),
  },
  "elders.addCircumstance": {
    allowed: ELDER_WRITERS,
    outside: () => "not_found",
    run: (a, t) =>
      outcome(async () => (await addCircumstance(a, meta, t.elderId, ZCircumstanceRecord.parse({ type: "living_alone", startDate: "2026-01-01" })), "ok")),
  },
  "elders.reveal": {
    allowed: ELDER_REVEALERS,
    outside: () => "not_found",
    run: (a, t) => outcome(async () => (await revealElderField(a, meta, t.elderId, "idNumber"), "ok")),
  },
  "assessments.get": { allowed: EVERYONE, outside: () => "not_found", run: (a, t) => outcome(async () => (await getAssessment(a, t.assessmentId), "ok")) },
  "assessments.create": {
    allowed: ASSESSORS,
    outside: () => "not_found",
    run: (a, t) => outcome(async () => (await createAssessment(a, meta, { elderId: t.elderId, fields: assessmentFields() }), "ok")),
  },
  "assessments.confirm": {
    allowed: CONFIRMERS,
    outside: () => "not_found",
    run: (a, t) =>
      outcome(async () => {
        const { version } = await db.assessment.findUniqueOrThrow({ where: { id: t.assessmentId } });
        await confirmAssessment(a, meta, { id: t.assessmentId, version });
        return "ok";
      }),
  },
  "policy.evaluateElder": { allowed: EVERYONE, outside: () => "not_found", run: (a, t) => outcome(async () => (await evaluateElder(a, t.elderId), "ok")) },
  "cases.create": {
    allowed: CASE_APPLICANTS,
    outside: () => "not_found",
    run: (a, t) =>
      outcome(async () => {
        // Another item than the target's own case, so that the application is no duplicate.
        await createCase(a, meta, { elderId: t.elderId, itemCode: "610403-04", channel: "window", applicantName: null, applicantRelation: null });
        return "ok";
      }),
  },
  "cases.get": {
    allowed: CASE_READERS,
    outside: () => "not_found",
    run: (a, t) => outcome(async () => (await getCase(a, await targetCase(t, "draft")), "ok")),
  },
  "cases.act": {
    allowed: CASE_ACTORS,
    outside: () => "not_found",
    run: (a, t) =>
      outcome(async () => {
        const { action, status, comment } = ACT_AS[a.role as TRole];
        const caseNo = await targetCase(t, status);
        const { version } = await db.case.findUniqueOrThrow({ where: { caseNo } });
        await actOnCase(a, meta, caseNo, { action, comment: comment ?? null, expectedVersion: version });
        return "ok";
      }),
  },
  "tokens.create": {
    allowed: ADMIN_ONLY,
    outside: () => "not_found",
    run: (a, t) => outcome(async () => (await createToken(a, meta, { userId: t.userId, name: "矩阵" }), "ok")),
  },
  "tokens.revoke": {
    allowed: ADMIN_ONLY,
    outside: () => "not_found",
    run: (a, t) =>
      outcome(async () => {
        const { id } = await createToken(systemActor(t.regionCode.slice(0, 6)), meta, { userId: t.userId, name: "矩阵" });
        await revokeToken(a, meta, { tokenId: id });
        return "ok";
      }),
  },
  "entitlements.list": {
    allowed: ENTITLEMENT_READERS,
    outside: readerList,
    run: (a, t) =>
      outcome(async () => {
        const e = await targetEntitlement(t);
        return (await listEntitlements(a, ZEntitlementListQuery.parse({ q: e.elderName }))).items.some((i) => i.id === e.id) ? "ok" : "hidden";
      }),
  },
  "entitlements.apiList": {
    allowed: ENTITLEMENT_READERS,
    outside: readerList,
    run: (a, t) =>
      outcome(async () => {
        const e = await targetEntitlement(t);
        return (await listEntitlementsForApi(a, ZEntitlementQuery.parse({ elderId: t.elderId }))).items.some((i) => i.id === e.id) ? "ok" : "hidden";
      }),
  },
  "entitlements.get": {
    allowed: ENTITLEMENT_READERS,
    outside: () => "not_found",
    run: (a, t) => outcome(async () => (await getEntitlement(a, (await targetEntitlement(t)).id), "ok")),
  },
  "entitlements.act": {
    allowed: ENTITLEMENT_MANAGERS,
    outside: () => "not_found",
    run: (a, t) =>
      outcome(async () => {
        const e = await targetEntitlement(t);
        await takeEntitlementAction(a, meta, { id: e.id, version: e.version, kind: "stop", fromMonth: e.startMonth, amountFen: null, backPay: false, reason: "矩阵" });
        return "ok";
      }),
  },
  "entitlements.certify": {
    allowed: CERTIFIERS,
    outside: () => "not_found",
    run: (a, t) =>
      outcome(async () => (await recordCertification(a, meta, { entitlementId: (await targetEntitlement(t)).id, certifiedOn: todayInShanghai(), method: "home", note: null }), "ok")),
  },
  "entitlements.certifications": {
    allowed: ENTITLEMENT_READERS,
    outside: readerList,
    run: (a, t) =>
      outcome(async () => {
        const e = await targetEntitlement(t, { certDueOn: todayInShanghai() });
        return (await listCertifications(a, ZCertificationListQuery.parse({ view: "due" }))).items.some((i) => i.id === e.id) ? "ok" : "hidden";
      }),
  },
  "entitlements.proposals": {
    allowed: ENTITLEMENT_READERS,
    outside: readerList,
    run: (a, t) =>
      outcome(async () => {
        const p = await targetProposal(t);
        return (await listProposals(a, ZProposalListQuery.parse({}))).items.some((i) => i.id === p.id) ? "ok" : "hidden";
      }),
  },
  "entitlements.decideProposal": {
    allowed: ENTITLEMENT_REVIEWERS,
    outside: () => "not_found",
    run: (a, t) =>
      outcome(async () => {
        const p = await targetProposal(t);
        await decideProposal(a, meta, { id: p.id, version: p.version, decision: "dismiss", reason: "矩阵" });
        return "ok";
      }),
  },
  "entitlements.overpayments": {
    allowed: ENTITLEMENT_READERS,
    outside: readerList,
    run: (a, t) =>
      outcome(async () => {
        const o = await targetOverpayment(t);
        return (await listOverpayments(a, ZOverpaymentListQuery.parse({}))).items.some((i) => i.id === o.id) ? "ok" : "hidden";
      }),
  },
  "entitlements.decideOverpayment": {
    allowed: ENTITLEMENT_MANAGERS,
    outside: () => "not_found",
    run: (a, t) =>
      outcome(async () => {
        const o = await targetOverpayment(t);
        await decideOverpayment(a, meta, { decision: "waived", id: o.id, version: o.version, reason: "矩阵" });
        return "ok";
      }),
  },
  "parameters.set": {
    // A county's parameters belong to the actor's own county: an admin elsewhere changes their own.
    allowed: ADMIN_ONLY,
    outside: (r) => (ADMIN_ONLY.includes(r) ? "ok" : "forbidden"),
    run: (a) =>
      outcome(async () => {
        const name = PARAMETER[a.countyCode];
        const latest = (await readParamHistory(a.countyCode)).filter((h) => h.name === name).at(-1);
        const effectiveFrom = latest ? addDays(latest.effectiveFrom, 1) : "2030-01-01";
        await setCountyParameters(a, meta, { effectiveFrom, changes: [{ name, valueFen: Math.floor(Math.random() * 100_000), expectedLatestId: latest?.id ?? null }] });
        return "ok";
      }),
  },
  // The job status route (GET /api/v1/jobs/:id) and the job page read through getJob.
  "jobs.get": { allowed: IMPORTERS, outside: () => "not_found", run: (a, t) => outcome(async () => (await getJob(a, t.jobId), "ok")) },
  // The job list page shows the kinds a role may read; others see an empty list.
  "jobs.list": {
    allowed: IMPORTERS,
    inside: () => "hidden",
    outside: () => "hidden",
    run: (a, t) => outcome(async () => ((await listJobs(a)).some((j) => j.id === t.jobId) ? "ok" : "hidden")),
  },
  // 检查文件 (the import page's check action): a one-row file whose elder lives in the target's village.
  "elders.importCheck": {
    allowed: IMPORTERS,
    outside: (r) => (IMPORTERS.includes(r) ? "rejected" : "forbidden"),
    run: (a, t) =>
      outcome(async () => {
        const result = await checkImport(a, t);
        return result.invalid > 0 ? "rejected" : "ok";
      }),
  },
  // 确认导入: one's own check inside the region; outside, someone else's job there.
  "elders.importConfirm": {
    allowed: IMPORTERS,
    outside: (r) => (IMPORTERS.includes(r) ? "not_found" : "forbidden"),
    run: (a, t) =>
      outcome(async () => {
        const checkId = t.regionCode === a.regionCode ? (await checkImport(a, t)).jobId : t.jobId;
        await requestImportWrite(a, meta, checkId);
        return "ok";
      }),
  },
  // 开始预览 (the catalogue version's preview, a background job) on the county's version 1.
  "catalogue.preview": { allowed: ADMIN_ONLY, outside: () => "not_found", run: (a, t) => outcome(async () => (await requestPreview(a, meta, t.versionId), "ok")) },
  "audit.list": {
    allowed: ADMIN_ONLY,
    outside: (r) => (ADMIN_ONLY.includes(r) ? "hidden" : "forbidden"),
    run: (a, t) =>
      outcome(async () => {
        const { rows } = await listAuditLogs(a, { page: 1 });
        return rows.some((r) => r.id === t.auditId) ? "ok" : "hidden";
      }),
  },
};

/** Checks (and runs at once) an import of one new elder living in the target's village. */
async function checkImport(a: TActor, t: TTarget): Promise<TImportJobResult & { jobId: string }> {
  const row = ["矩阵导入", makeIdNumber("1950-03-03", "female"), "610403", t.villageCode, "农村", "", ""].join(",");
  const data = new Uint8Array(Buffer.from(`姓名,身份证号,户籍地区划代码,居住村(社区)代码,城乡,联系电话,住址\r\n${row}\r\n`));
  const { job } = await requestImportCheck(a, meta, { name: "矩阵.csv", type: "text/csv", data });
  await runJob(job.id);
  const done = await db.job.findUniqueOrThrow({ where: { id: job.id } });
  return { ...(done.result as TImportJobResult), jobId: job.id };
}

/**
 * The target elder's application, made by the county's system actor (a draft), and put straight
 * into `status` when the cell needs the case on another desk.
 */
async function targetCase(t: TTarget, status: TCaseStatus): Promise<string> {
  const elder = await db.elder.findUniqueOrThrow({ where: { id: t.elderId } });
  const created = await createCase(systemActor(elder.countyCode), meta, {
    elderId: elder.id,
    itemCode: APPLICATION_ITEM[elder.countyCode],
    channel: "proactive",
    applicantName: null,
    applicantRelation: null,
  });
  if (status !== "draft") await db.case.update({ where: { id: created.id }, data: { status } });
  return created.caseNo;
}

/** A parameter declared by each county's catalogue. */
const PARAMETER: Record<string, string> = { "610403": "urban_dibao_standard_monthly", "330727": "elderly_day_gift" };

/**
 * An entitlement of the target elder: their application, approved by the county's system actor
 * (the case is put straight into approval), with its months computed.
 */
async function targetEntitlement(t: TTarget, extra: { certDueOn?: string } = {}) {
  const elder = await db.elder.findUniqueOrThrow({ where: { id: t.elderId } });
  const existing = await db.entitlement.findFirst({ where: { elderId: elder.id } });
  if (existing) return { ...existing, elderName: elder.name };
  const caseNo = await targetCase(t, "draft");
  const c = await db.case.update({ where: { caseNo }, data: { status: "approved" } });
  const today = todayInShanghai();
  const created = await db.entitlement.create({
    data: {
      caseId: c.id,
      elderId: elder.id,
      countyCode: elder.countyCode,
      townshipCode: elder.townshipCode,
      villageCode: elder.villageCode,
      catalogueVersionId: c.catalogueVersionId,
      catalogueNumber: c.catalogueNumber,
      itemCode: c.itemCode,
      itemName: c.itemName,
      delivery: c.delivery,
      grantedOn: new Date(`${today}T00:00:00.000Z`),
      startMonth: monthAfter(today),
    },
  });
  await db.$transaction((tx) => recomputeElderEntitlements(tx, systemActor(elder.countyCode), meta, elder.id, elder.countyCode));
  const e = extra.certDueOn ? await db.entitlement.update({ where: { id: created.id }, data: { certDueOn: new Date(`${extra.certDueOn}T00:00:00.000Z`) } }) : await db.entitlement.findUniqueOrThrow({ where: { id: created.id } });
  return { ...e, elderName: elder.name };
}

/** A pending 应退未退 proposal on the target's entitlement. */
async function targetProposal(t: TTarget) {
  const e = await targetEntitlement(t);
  return db.entitlementProposal.create({
    data: { entitlementId: e.id, elderId: e.elderId, countyCode: e.countyCode, townshipCode: e.townshipCode, villageCode: e.villageCode, itemCode: e.itemCode, itemName: e.itemName, catalogueNumber: 99, fromMonth: e.startMonth, reasons: [] },
  });
}

/** A pending overpayment on the target's entitlement. */
async function targetOverpayment(t: TTarget) {
  const e = await targetEntitlement(t);
  return db.overpayment.create({
    data: { entitlementId: e.id, elderId: e.elderId, countyCode: e.countyCode, townshipCode: e.townshipCode, villageCode: e.villageCode, itemCode: e.itemCode, itemName: e.itemName, months: [{ month: e.startMonth, paidFen: 100, dueFen: 0 }], amountFen: 100, reasons: [] },
  });
}

async function elderFields(elderId: string) {
  const e = await db.elder.findUniqueOrThrow({ where: { id: elderId } });
  return {
    id: e.id,
    version: e.version,
    name: e.name,
    idNumber: e.idNumber,
    hukouRegionCode: e.hukouRegionCode,
    villageCode: e.villageCode,
    residence: e.residence,
    address: null,
    phone: null,
    guardianName: null,
    guardianRelation: null,
    guardianPhone: null,
    bankName: null,
    notes: null,
  };
}

async function visibleInList(actor: TActor, userId: string) {
  for (let page = 1; ; page++) {
    const { rows, total, pageSize } = await listUsers(actor, { q: "", page });
    if (rows.some((u) => u.id === userId)) return true;
    if (page * pageSize >= total) return false;
  }
}

/** A fresh target account (and an audit row about it) in the given region. */
async function makeTarget(regionCode: string): Promise<TTarget> {
  const role: TRole = regionCode.endsWith("000000") ? "viewer" : regionCode.endsWith("000") ? "township_reviewer" : "village_clerk";
  const user = await createUser({ role, regionCode });
  const system = actorFromUser(user);
  await recordAudit(db, system, meta, {
    type: "user.unlocked",
    entityType: "user",
    entityId: user.id,
    countyCode: user.countyCode,
    townshipCode: user.townshipCode,
    villageCode: user.villageCode,
  });
  const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id }, orderBy: { id: "desc" } });
  const villageCode = VILLAGE_IN[regionCode];
  const elder = await createElder({ villageCode });
  const assessment = await createAssessment(systemActor(elder.countyCode), meta, { elderId: elder.id, fields: assessmentFields(), submit: true });
  const { job } = await enqueueJob(matrixJob, systemActor(regionCode.slice(0, 6)), NO_REQUEST_META, {}, { region: regionPathOf(regionCode) });
  const version = await db.catalogueVersion.findFirstOrThrow({ where: { countyCode: regionCode.slice(0, 6), number: 1 }, select: { id: true } });
  return { userId: user.id, regionCode, auditId: audit.id, elderId: elder.id, villageCode, assessmentId: assessment.id, jobId: job.id, versionId: version.id };
}

describe("permission matrix", () => {
  const actors = {} as Record<TRole, TActor>;
  beforeAll(async () => {
    await loadSeedCatalogues();
    for (const role of ROLES) actors[role] = actorFromUser(await createUser({ role, regionCode: HOME[role] }));
  });

  it("answers every role × entry point × inside/outside cell as written", async () => {
    let checked = 0;
    const mismatches: string[] = [];
    for (const role of ROLES) {
      for (const [name, entry] of Object.entries(ENTRY_POINTS)) {
        for (const where of ["inside", "outside"] as const) {
          const target = await makeTarget(where === "inside" ? HOME[role] : OUTSIDE[role]);
          const expected = where === "inside" ? (entry.allowed.includes(role) ? "ok" : (entry.inside?.(role) ?? "forbidden")) : entry.outside(role);
          const got = await entry.run(actors[role], target);
          if (got !== expected) mismatches.push(`${role} ${name} ${where}: expected ${expected}, got ${String(got)}`);
          checked++;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(ROLES.length * Object.keys(ENTRY_POINTS).length * 2);
    expect(checked).toBe(6 * 41 * 2);
  }, 600_000); // 492 cells, each on fresh data
});

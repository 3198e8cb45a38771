import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { NO_REQUEST_META } from "@/lib/authz/actor";
import { createUser, ensureRegions, systemActor, TEST_PASSWORD, YANGLING } from "@/lib/testing/factories";
import type { TRole } from "@/lib/authz/roles";
import { loadSeedCatalogues } from "@/lib/catalogue/service";
import { actorFromUser } from "@/lib/users/actor-from-user";
import { todayInShanghai } from "@/lib/dates";
import { advanceCase, createDraftCase, ITEM_WITH_NOTICE, ITEM_WITHOUT_NOTICE } from "@/lib/testing/case-factories";
import type { TCaseStatus } from "@/lib/cases/workflow";
import { idNumberCheckChar } from "@/lib/elders/id-number";
import { pathOf } from "@/lib/regions/path";
import { storeJobFile } from "@/lib/jobs/files";
import { runJobHere } from "@/lib/jobs/service";
import { elderImportJob } from "@/lib/elders/import-job";

/** The demo password of every demo account (documented in the README). */
export const DEMO_PASSWORD = TEST_PASSWORD;

export const DEMO_ACCOUNTS: { username: string; displayName: string; role: TRole; regionCode: string }[] = [
  { username: "admin", displayName: "王建国", role: "county_admin", regionCode: YANGLING.county },
  { username: "approver", displayName: "李秀英", role: "county_approver", regionCode: YANGLING.county },
  { username: "assessor", displayName: "张明", role: "assessor", regionCode: YANGLING.county },
  { username: "reviewer", displayName: "刘芳", role: "township_reviewer", regionCode: YANGLING.township1 },
  { username: "reviewer2", displayName: "陈伟", role: "township_reviewer", regionCode: YANGLING.township2 },
  { username: "clerk", displayName: "赵丽", role: "village_clerk", regionCode: YANGLING.village1 },
  { username: "viewer", displayName: "孙强", role: "viewer", regionCode: YANGLING.county },
];

/**
 * Loads the demo data: the five seed counties' regions, the demo accounts in 杨陵区 and
 * DEMO_ELDERS generated elders there.
 * Idempotent: what is already there is left as it is.
 */
/** How many generated elders the demo county gets (enough to browse, quick to load). */
export const DEMO_ELDERS = 3_000;

export async function seedDemo(): Promise<{ regionsAdded: number; usersAdded: string[]; eldersAdded: number; casesAdded: number; entitlementsAdded: number }> {
  const regionsBefore = await db.region.count();
  await ensureRegions();
  const regionsAdded = (await db.region.count()) - regionsBefore;
  const usersAdded: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const exists = await db.user.findUnique({ where: { username: account.username }, select: { id: true } });
    if (exists) continue;
    await createUser({ ...account, password: DEMO_PASSWORD });
    usersAdded.push(account.username);
  }
  let eldersAdded = 0;
  if ((await db.elder.count({ where: { countyCode: "610403" } })) === 0) {
    const { generateCountyElders } = await import("@/lib/testing/demo-elders");
    eldersAdded = (await generateCountyElders({ countyCode: "610403", count: DEMO_ELDERS, seed: 20261122 })).elders;
  }
  await loadSeedCatalogues();
  const casesAdded = await seedDemoCases();
  const { seedDemoEntitlements } = await import("@/lib/seed/demo-entitlements");
  const entitlementsAdded = await seedDemoEntitlements();
  await seedDemoJobs();
  if (regionsAdded > 0 || usersAdded.length > 0 || eldersAdded > 0 || casesAdded > 0 || entitlementsAdded > 0) {
    await recordAudit(db, systemActor("610403", "seed"), NO_REQUEST_META, {
      type: "system.demo_seeded",
      entityType: "system",
      entityId: null,
      countyCode: "610403",
      after: { regionsAdded, usersAdded, eldersAdded, casesAdded, entitlementsAdded },
    });
  }
  return { regionsAdded, usersAdded, eldersAdded, casesAdded, entitlementsAdded };
}

/** Where the demo cases of the clerk's village stand: something on every desk. */
const DEMO_CASE_STAGES: { itemCode: string; target: TCaseStatus }[] = [
  { itemCode: ITEM_WITH_NOTICE, target: "draft" },
  { itemCode: ITEM_WITH_NOTICE, target: "verification" },
  { itemCode: ITEM_WITH_NOTICE, target: "notice_pending" },
  { itemCode: ITEM_WITH_NOTICE, target: "in_notice" },
  { itemCode: ITEM_WITH_NOTICE, target: "township_review" },
  { itemCode: ITEM_WITH_NOTICE, target: "township_review" },
  { itemCode: ITEM_WITH_NOTICE, target: "county_approval" },
  { itemCode: ITEM_WITH_NOTICE, target: "county_approval" },
  { itemCode: ITEM_WITH_NOTICE, target: "county_approval" },
  { itemCode: ITEM_WITHOUT_NOTICE, target: "county_approval" },
  { itemCode: ITEM_WITH_NOTICE, target: "approved" },
  { itemCode: ITEM_WITH_NOTICE, target: "approved" },
  { itemCode: ITEM_WITHOUT_NOTICE, target: "approved" },
];

/**
 * Demo applications in 凤岗路社区 made through the workflow service by the demo accounts, so
 * that every inbox has work and every case a real timeline. Only into a county without cases.
 */
async function seedDemoCases(): Promise<number> {
  if ((await db.case.count({ where: { countyCode: "610403" } })) > 0) return 0;
  const actorOf = async (username: string) => actorFromUser(await db.user.findUniqueOrThrow({ where: { username }, include: { region: true } }));
  const actors = { clerk: await actorOf("clerk"), reviewer: await actorOf("reviewer"), approver: await actorOf("approver") };
  // Elders of 70 and over (高龄津贴), oldest first: the same people on every fresh demo.
  const cutoff = new Date(`${Number(todayInShanghai().slice(0, 4)) - 71}-01-01T00:00:00.000Z`);
  const elders = await db.elder.findMany({
    where: { villageCode: YANGLING.village1, status: "living", birthDate: { lt: cutoff }, hukouRegionCode: { startsWith: "610403" } },
    orderBy: { idNumber: "asc" },
    take: DEMO_CASE_STAGES.length,
    select: { id: true },
  });
  let added = 0;
  for (const [i, elder] of elders.entries()) {
    const stage = DEMO_CASE_STAGES[i];
    const created = await createDraftCase(actors.clerk, { elderId: elder.id, itemCode: stage.itemCode, channel: i % 3 === 0 ? "home_visit" : "window" });
    await advanceCase(created.caseNo, stage.target, actors);
    added++;
  }
  return added;
}

/** New elders of 凤岗路社区 in the demo import; the last row's ID number has a wrong check character. */
const DEMO_IMPORT: [name: string, birth: string, sex: "male" | "female", address: string][] = [
  ["周桂兰", "19430312", "female", "凤岗路社区 3 号楼 1 单元"],
  ["吴志刚", "19450708", "male", "凤岗路社区 5 号楼 2 单元"],
  ["郑淑芬", "19470121", "female", "凤岗路社区 8 号楼 3 单元"],
  ["王德胜", "19440915", "male", "凤岗路社区 11 号楼 1 单元"],
  ["冯秀珍", "19460503", "female", "凤岗路社区 12 号楼 2 单元"],
];

/**
 * Background jobs at work: the demo reviewer's import of a roster (a check that finds one bad row,
 * then the write of the four good ones), run here through the job machinery, so that the import
 * page, /jobs and the audit log show finished jobs. Only into a county without jobs.
 */
async function seedDemoJobs(): Promise<void> {
  if ((await db.job.count({ where: { countyCode: "610403" } })) > 0) return;
  const reviewer = actorFromUser(await db.user.findUniqueOrThrow({ where: { username: "reviewer" }, include: { region: true } }));
  const lines = DEMO_IMPORT.map(([name, birth, sex, address], i) => {
    const body = `610403${birth}${String(980 + i * 2 + (sex === "male" ? 1 : 0)).padStart(3, "0")}`;
    const check = idNumberCheckChar(body);
    const id = i === DEMO_IMPORT.length - 1 ? body + (check === "1" ? "2" : "1") : body + check;
    return [name, id, "610403", YANGLING.village1, "城镇", "", address].join(",");
  });
  const csv = ["姓名,身份证号,户籍地区划代码,居住村(社区)代码,城乡,联系电话,住址", ...lines].join("\r\n");
  const file = await storeJobFile(db, {
    region: pathOf(reviewer),
    uploadedById: reviewer.userId,
    fileName: "凤岗路社区新增老人.csv",
    contentType: "text/csv",
    data: new Uint8Array(Buffer.from(`${csv}\r\n`, "utf8")),
  });
  const check = await runJobHere(elderImportJob, reviewer, NO_REQUEST_META, { fileId: file.id, countyCode: "610403", dryRun: true });
  await runJobHere(elderImportJob, reviewer, NO_REQUEST_META, { fileId: file.id, countyCode: "610403", dryRun: false, checkJobId: check.job.id });
}

export async function isDemoSeeded(): Promise<boolean> {
  return (await db.user.count({ where: { username: "admin" } })) > 0;
}

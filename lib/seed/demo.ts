import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { NO_REQUEST_META } from "@/lib/authz/actor";
import { createUser, ensureRegions, systemActor, TEST_PASSWORD, YANGLING } from "@/lib/testing/factories";
import type { TRole } from "@/lib/authz/roles";
import { loadSeedCatalogues } from "@/lib/catalogue/service";

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

export async function seedDemo(): Promise<{ regionsAdded: number; usersAdded: string[]; eldersAdded: number }> {
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
  if (regionsAdded > 0 || usersAdded.length > 0 || eldersAdded > 0) {
    await recordAudit(db, systemActor("610403", "seed"), NO_REQUEST_META, {
      type: "system.demo_seeded",
      entityType: "system",
      entityId: null,
      countyCode: "610403",
      after: { regionsAdded, usersAdded, eldersAdded },
    });
  }
  return { regionsAdded, usersAdded, eldersAdded };
}

export async function isDemoSeeded(): Promise<boolean> {
  return (await db.user.count({ where: { username: "admin" } })) > 0;
}

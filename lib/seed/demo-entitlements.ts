// The 待遇发放 demo: people of 凤岗路社区 whose benefits show every state an entitlement can be in,
// made through the services (registry, case workflow, catalogue, parameters, certifications), with
// dates relative to today so the story holds whenever the demo is loaded:
//  - 高龄津贴 in each age bracket, someone turning 90 next month;
//  - a death recorded after months were paid (a pending 追缴);
//  - a missed 生存认证 (suspended), one certified in time, one due this month;
//  - a 第 2 版 catalogue that no longer pays 高龄津贴 to 集中供养特困 (a 应退未退 proposal);
//  - 最低生活保障 with a county parameter raised two months ago;
//  - one stopped by hand.
// Months already due are recorded as paid, as locked rolls will record them.
import { db } from "@/lib/db";
import { NO_REQUEST_META, type TActor } from "@/lib/authz/actor";
import { addDays, addMonths, addYears, firstDayOfMonth, monthAfter, monthOf, previousMonth, todayInShanghai } from "@/lib/dates";
import { actorFromUser } from "@/lib/users/actor-from-user";
import { makeIdNumber, systemActor, YANGLING } from "@/lib/testing/factories";
import { grantThroughWorkflow, recordPayments } from "@/lib/testing/entitlement-factories";
import { createElder, addCircumstance, changeElderStatus } from "@/lib/elders/service";
import { ZCircumstanceRecord } from "@/lib/elders/circumstances";
import { ZCreateElder } from "@/lib/elders/schemas";
import { createDraft, publishDraft, retireDueVersions, setCountyParameters, updateDraftItem } from "@/lib/catalogue/service";
import { getVersion } from "@/lib/catalogue/queries";
import { setCountySetting } from "@/lib/settings/county-settings";
import { recordCertification, takeEntitlementAction } from "@/lib/entitlements/service";
import { recomputeCounty } from "@/lib/entitlements/recompute";
import type { TRule } from "@/lib/policy/rules";

const GAOLING = "610403-04";
const DIBAO_SUPPLEMENT = "610403-10";

async function actor(username: string): Promise<TActor> {
  return actorFromUser(await db.user.findUniqueOrThrow({ where: { username }, include: { region: true } }));
}

type TPerson = { name: string; birthDate: string; sex: "male" | "female"; circumstances?: { type: string; startDate: string }[] };

/** Registers a person in 凤岗路社区 through the registry service, as the clerk would. */
async function register(clerk: TActor, p: TPerson) {
  let idNumber = makeIdNumber(p.birthDate, p.sex);
  while (await db.elder.findUnique({ where: { idNumber }, select: { id: true } })) idNumber = makeIdNumber(p.birthDate, p.sex);
  const elder = await createElder(
    clerk,
    NO_REQUEST_META,
    ZCreateElder.parse({
      name: p.name,
      idNumber,
      hukouRegionCode: "610403001",
      villageCode: YANGLING.village1,
      residence: "urban",
      address: "杨陵区凤岗路",
      bankName: "中国邮政储蓄银行",
      bankAccount: "6217993000012345678",
    }),
  );
  for (const c of p.circumstances ?? []) await addCircumstance(clerk, NO_REQUEST_META, elder.id, ZCircumstanceRecord.parse({ ...c, source: "县民政局" }));
  return elder;
}

/** The birth date of someone who turns `age` on the 15th of the month `months` from now. */
function turning(age: number, months: number, today: string): string {
  const birthday = `${monthOf(addMonths(today, months))}-15`;
  return addYears(birthday, -age);
}

/** Loads the story once (it is skipped when 杨陵区 already has a second catalogue version). */
export async function seedDemoEntitlements(today = todayInShanghai()): Promise<number> {
  if ((await db.catalogueVersion.count({ where: { countyCode: "610403" } })) > 1) return 0;
  const [clerk, reviewer, approver, admin] = await Promise.all(["clerk", "reviewer", "approver", "admin"].map(actor));
  const actors = { clerk, reviewer, approver };
  const thisMonth = monthOf(today);
  const lastMonth = previousMonth(thisMonth);
  // Months already due are paid once the story is in place (the death's months before it is recorded).
  const toPay: string[] = [];
  const paidUpTo = async (entitlementId: string, from: string, now = false) => {
    if (!now) toPay.push(entitlementId);
    else if (from <= lastMonth) await recordPayments(entitlementId, { from, to: lastMonth }, { source: "demo" });
  };

  // County rules: 高龄津贴 needs a yearly 生存认证 with 30 days' grace, suspended months paid back.
  await setCountySetting(admin, NO_REQUEST_META, "entitlement.certification", { [GAOLING]: { intervalMonths: 12, graceDays: 30, backPay: true } });
  // 低保标准 (county parameters), raised from two months ago: 最低生活保障 moves with it.
  const raisedOn = firstDayOfMonth(previousMonth(lastMonth));
  await setCountyParameters(admin, NO_REQUEST_META, {
    effectiveFrom: "2025-01-01",
    note: "杨陵区2025年城乡低保标准",
    changes: [
      { name: "urban_dibao_standard_monthly", valueFen: 76000 },
      { name: "rural_dibao_standard_monthly", valueFen: 58000 },
    ],
  });
  await setCountyParameters(admin, NO_REQUEST_META, {
    effectiveFrom: raisedOn,
    note: "提高城乡低保标准",
    changes: [
      { name: "urban_dibao_standard_monthly", valueFen: 80000 },
      { name: "rural_dibao_standard_monthly", valueFen: 61000 },
    ],
  });

  let granted = 0;
  const grant = async (p: TPerson, item: string, approvedMonthsAgo: number) => {
    const elder = await register(clerk, p);
    const e = await grantThroughWorkflow(actors, elder.id, item, addMonths(today, -approvedMonthsAgo));
    granted++;
    return { elder, e };
  };

  // Age brackets: 70–79 ¥50, 80–89 ¥100, 90–99 ¥200, 100+ ¥300; one turns 90 next month.
  for (const [p, months] of [
    [{ name: "周桂兰", birthDate: turning(73, 5, today), sex: "female" }, 6],
    [{ name: "马建设", birthDate: turning(84, 3, today), sex: "male" }, 8],
    [{ name: "郭秀珍", birthDate: turning(92, 4, today), sex: "female" }, 7],
    [{ name: "何长寿", birthDate: turning(101, 6, today), sex: "male" }, 9],
    [{ name: "冯玉梅", birthDate: turning(90, 1, today), sex: "female" }, 5],
  ] as const) {
    const { e } = await grant(p, GAOLING, months);
    await paidUpTo(e.id, e.startMonth);
  }

  // A death recorded after three months were paid: 追缴 of the months after the death's month.
  const late = await grant({ name: "邓福海", birthDate: turning(87, 2, today), sex: "male" }, GAOLING, 5);
  await paidUpTo(late.e.id, late.e.startMonth, true);
  const elder = await db.elder.findUniqueOrThrow({ where: { id: late.elder.id } });
  await changeElderStatus(clerk, NO_REQUEST_META, { id: elder.id, version: elder.version, status: "deceased", date: addDays(firstDayOfMonth(monthAfter(late.e.grantedOn.toISOString().slice(0, 10))), 9) });

  // 生存认证: missed (approved 14 months ago, never certified), certified in time, due this month.
  const missed = await grant({ name: "孙德胜", birthDate: turning(78, 2, today), sex: "male" }, GAOLING, 14);
  await paidUpTo(missed.e.id, missed.e.startMonth);
  const certified = await grant({ name: "刘淑芬", birthDate: turning(81, 7, today), sex: "female" }, GAOLING, 13);
  await recordCertification(clerk, NO_REQUEST_META, { entitlementId: certified.e.id, certifiedOn: addMonths(today, -2), method: "face", note: "手机人脸识别认证" });
  await paidUpTo(certified.e.id, certified.e.startMonth);
  const dueNow = await grant({ name: "杨春华", birthDate: turning(77, 3, today), sex: "female" }, GAOLING, 12);
  await paidUpTo(dueNow.e.id, dueNow.e.startMonth);

  // 最低生活保障 (30% of the 低保 standard) for a 低保 family member of 70+.
  const dibao = await grant(
    { name: "吴秋菊", birthDate: turning(74, 8, today), sex: "female", circumstances: [{ type: "dibao", startDate: "2021-03-01" }] },
    DIBAO_SUPPLEMENT,
    6,
  );
  await paidUpTo(dibao.e.id, dibao.e.startMonth);

  // Stopped by hand from next month, at the person's own request.
  const stop = await grant({ name: "陈志明", birthDate: turning(79, 4, today), sex: "male" }, GAOLING, 4);
  await paidUpTo(stop.e.id, stop.e.startMonth);
  const stopRow = await db.entitlement.findUniqueOrThrow({ where: { id: stop.e.id } });
  await takeEntitlementAction(approver, NO_REQUEST_META, { id: stopRow.id, version: stopRow.version, kind: "stop", fromMonth: monthAfter(today), amountFen: null, backPay: false, reason: "本人书面申请停发" }, today);

  // 应退未退: 集中供养特困 receiving 高龄津贴; version 2 (published two months ago, in force from last
  // month) no longer pays them, which the registry cannot prove: a proposal for the township.
  const centralized = await grant(
    { name: "高福来", birthDate: turning(83, 5, today), sex: "male", circumstances: [{ type: "tekun_centralized", startDate: "2019-05-01" }] },
    GAOLING,
    6,
  );
  await paidUpTo(centralized.e.id, centralized.e.startMonth);
  await publishVersion2(admin, lastMonth, addMonths(today, -2));
  await retireDueVersions("610403", today);

  // Everything as the nightly run sees it today (certifications fall due, the new version applies),
  // then the months due so far paid, as the rolls will have paid them (nothing for suspended months).
  const system = systemActor("610403", "seed");
  await recomputeCounty("610403", { actor: system, today });
  for (const id of toPay) {
    const e = await db.entitlement.findUniqueOrThrow({ where: { id } });
    if (e.startMonth <= lastMonth) await recordPayments(id, { from: e.startMonth, to: lastMonth }, { source: "demo", skipNothingDue: true });
  }
  await recomputeCounty("610403", { actor: system, today });
  return granted;
}

/** 第 2 版: 高龄津贴 not for 特困人员（集中供养）, effective from the first of `month`. */
async function publishVersion2(admin: TActor, month: string, publishedOn: string) {
  const draft = await createDraft(admin, NO_REQUEST_META);
  const version = await getVersion(admin, draft.id);
  const item = version.catalogue.items.find((i) => i.code === GAOLING)!;
  const eligibility: TRule = { kind: "and", rules: [item.eligibility, { kind: "circumstances", noneOf: ["tekun_centralized"] }] };
  const updated = await updateDraftItem(admin, NO_REQUEST_META, { id: draft.id, revision: draft.revision }, {
    ...item,
    eligibility,
    notes: `${item.notes ?? ""}第 2 版：集中供养特困人员由供养机构保障，不再享受高龄津贴。`.trim(),
  });
  await publishDraft(admin, NO_REQUEST_META, { id: updated.id, revision: updated.revision, effectiveFrom: firstDayOfMonth(month) }, publishedOn);
}

import { describe, expect, it } from "vitest";
import { SEED_CATALOGUES } from "@/lib/catalogue/data";
import { ZCatalogue, type TCatalogue } from "@/lib/policy/catalogue-schema";
import { amount as a, rule as r } from "@/lib/policy/build";
import {
  ageThresholds,
  amountDueIn,
  certificationPeriods,
  computeEntitlement,
  effectMonth,
  overpaidMonths,
  type TCountyContext,
  type TEffectiveMonths,
  type TEntitlementInput,
  type TManualAction,
  type TPersonHistory,
  type TSegment,
} from "@/lib/entitlements/segments";

const V1 = SEED_CATALOGUES["610403"];
const DEFAULT_RULES: TEffectiveMonths = {
  ageBracket: "next_month",
  death: "next_month",
  movedOut: "next_month",
  circumstanceEnd: "next_month",
  capability: "next_month",
  catalogue: "same_month",
  parameter: "same_month",
};

/** A later version of 杨陵区's catalogue with one item replaced. */
function version2(change: (item: TCatalogue["items"][number]) => TCatalogue["items"][number], code = "610403-04"): TCatalogue {
  return ZCatalogue.parse({ ...V1, version: 2, items: V1.items.map((i) => (i.code === code ? change(i) : i)) });
}
/** 高龄津贴 paying ¥60 / ¥120 / ¥240 / ¥360 instead of ¥50 / ¥100 / ¥200 / ¥300. */
const RAISED = version2((i) => ({
  ...i,
  amount: a.monthly(
    a.tiers([
      [r.age(70, 79), a.yuan(60)],
      [r.age(80, 89), a.yuan(120)],
      [r.age(90, 99), a.yuan(240)],
      [r.age(100), a.yuan(360)],
    ]),
  ),
}));
/** 高龄津贴 no longer for 特困集中供养 (a rule the registry cannot prove wrong for someone already paid). */
const EXCLUDES_CENTRALIZED = version2((i) => ({ ...i, eligibility: r.person(r.local(), r.age(70), r.noneOf("tekun_centralized")) }));

function person(overrides: Partial<TPersonHistory> = {}): TPersonHistory {
  return {
    birthDate: "1946-06-15",
    sex: "female",
    hukouRegionCode: "610403001001",
    residence: "rural",
    status: "living",
    deathDate: null,
    movedOutDate: null,
    circumstances: [],
    assessments: [],
    ...overrides,
  };
}

function entitlement(overrides: Partial<TEntitlementInput> = {}): TEntitlementInput {
  return {
    itemCode: "610403-04",
    delivery: "monthly_cash",
    startMonth: "2026-01",
    grantedOn: "2025-12-20",
    catalogueNumber: 1,
    grantedMonthlyFen: 5000,
    oneOffAmountFen: null,
    endBefore: null,
    actions: [],
    certifications: [],
    certification: null,
    dismissedVersions: [],
    ...overrides,
  };
}

function context(overrides: Partial<Omit<TCountyContext, "rules">> & { rules?: Partial<TEffectiveMonths> } = {}): TCountyContext {
  return {
    countyCode: "610403",
    versions: [{ number: 1, effectiveFrom: "2025-01-01", catalogue: V1 }],
    params: [],
    today: "2026-02-10",
    ...overrides,
    rules: { ...DEFAULT_RULES, ...overrides.rules },
  };
}

let actionId = 0;
function action(kind: TManualAction["kind"], fromMonth: string, extra: Partial<TManualAction> = {}): TManualAction {
  return { id: `a${++actionId}`, kind, fromMonth, amountFen: null, backPay: false, reason: "测试", source: "manual", byName: "李秀英", ...extra };
}

/** Segments as [from, to, fen, kind] for compact expectations. */
const shape = (segments: TSegment[]) => segments.map((s) => [s.fromMonth, s.toMonth, s.monthlyAmountFen, s.kind]);
const keys = (s: TSegment) => s.reasons.map((x) => x.key);

describe("effectMonth and thresholds", () => {
  it("puts a change in the month after its date, or in its own month", () => {
    expect(effectMonth("2026-03-01", "next_month")).toBe("2026-04");
    expect(effectMonth("2026-03-31", "next_month")).toBe("2026-04");
    expect(effectMonth("2026-12-31", "next_month")).toBe("2027-01");
    expect(effectMonth("2026-03-31", "same_month")).toBe("2026-03");
  });
  it("finds the ages at which an item can answer differently", () => {
    const gaoling = V1.items.find((i) => i.code === "610403-04")!;
    expect(ageThresholds(gaoling)).toEqual([70, 80, 90, 100]);
  });
});

describe("age brackets (高龄津贴 70–79 ¥50, 80–89 ¥100, 90–99 ¥200, 100+ ¥300)", () => {
  it("re-tiers the month after each birthday, open-ended after 100", () => {
    const result = computeEntitlement(entitlement(), person(), context());
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-06", 5000, "due"],
      ["2026-07", "2036-06", 10000, "due"],
      ["2036-07", "2046-06", 20000, "due"],
      ["2046-07", null, 30000, "due"],
    ]);
    expect(keys(result.segments[0])).toEqual(["granted"]);
    expect(result.segments[1].reasons).toEqual([{ key: "ageBracket", params: { age: 80 } }]);
    expect(result).toMatchObject({ status: "active", endMonth: null, currentAmountFen: 5000, proposal: null, certDueOn: null });
  });

  it("a birthday on the 1st: next month by default, the birthday's month by setting", () => {
    const p = person({ birthDate: "1946-07-01" });
    expect(computeEntitlement(entitlement(), p, context()).segments[1].fromMonth).toBe("2026-08");
    expect(computeEntitlement(entitlement(), p, context({ rules: { ageBracket: "same_month" } })).segments[1].fromMonth).toBe("2026-07");
  });

  it("a birthday on the 31st: next month by default, the birthday's month by setting", () => {
    const p = person({ birthDate: "1946-07-31" });
    expect(computeEntitlement(entitlement(), p, context()).segments[1].fromMonth).toBe("2026-08");
    expect(computeEntitlement(entitlement(), p, context({ rules: { ageBracket: "same_month" } })).segments[1].fromMonth).toBe("2026-07");
  });

  it("29 February: in a common year the birthday counts on 1 March", () => {
    // Born 1944-02-29: 90 on 2034-03-01 (no 29 February in 2034).
    const p = person({ birthDate: "1944-02-29" });
    const next = computeEntitlement(entitlement({ startMonth: "2030-01" }), p, context());
    expect(shape(next.segments).slice(0, 2)).toEqual([
      ["2030-01", "2034-03", 10000, "due"],
      // 2044 is a leap year: 100 on 2044-02-29 itself.
      ["2034-04", "2044-02", 20000, "due"],
    ]);
    const same = computeEntitlement(entitlement({ startMonth: "2030-01" }), p, context({ rules: { ageBracket: "same_month" } }));
    expect(same.segments[1].fromMonth).toBe("2034-03");
    // In a leap year the birthday is 29 February itself: born 1948-02-29, 80 on 2028-02-29.
    const leap = person({ birthDate: "1948-02-29" });
    expect(computeEntitlement(entitlement({ startMonth: "2027-01" }), leap, context()).segments[1].fromMonth).toBe("2028-03");
    expect(computeEntitlement(entitlement({ startMonth: "2027-01" }), leap, context({ rules: { ageBracket: "same_month" } })).segments[1].fromMonth).toBe("2028-02");
  });

  it("a birthday before the start month is already in the first segment", () => {
    const result = computeEntitlement(entitlement({ startMonth: "2026-09" }), person(), context());
    expect(shape(result.segments)[0]).toEqual(["2026-09", "2036-06", 10000, "due"]);
    expect(keys(result.segments[0])).toEqual(["granted"]);
  });
});

describe("death and moving out stop payment", () => {
  it("death on the first day of a month: that month is paid, the next is not", () => {
    const result = computeEntitlement(entitlement(), person({ status: "deceased", deathDate: "2026-03-01" }), context());
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-03", 5000, "due"],
      ["2026-04", null, 0, "stopped"],
    ]);
    expect(result.segments[1].reasons).toEqual([{ key: "death", params: { date: "2026-03-01", month: "2026-04" } }]);
    expect(result).toMatchObject({ status: "stopped", endMonth: "2026-03", stopReason: "death" });
  });

  it("death on the last day of a month: the same", () => {
    const result = computeEntitlement(entitlement(), person({ status: "deceased", deathDate: "2026-03-31" }), context());
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-03", 5000, "due"],
      ["2026-04", null, 0, "stopped"],
    ]);
  });

  it("death stops from its own month by setting", () => {
    const first = computeEntitlement(entitlement(), person({ status: "deceased", deathDate: "2026-03-01" }), context({ rules: { death: "same_month" } }));
    expect(shape(first.segments)).toEqual([
      ["2026-01", "2026-02", 5000, "due"],
      ["2026-03", null, 0, "stopped"],
    ]);
    expect(first.endMonth).toBe("2026-02");
  });

  it("a death before the start month leaves nothing due", () => {
    const result = computeEntitlement(entitlement({ startMonth: "2026-03" }), person({ status: "deceased", deathDate: "2026-01-20" }), context());
    expect(shape(result.segments)).toEqual([["2026-03", null, 0, "stopped"]]);
    expect(result).toMatchObject({ status: "stopped", endMonth: "2026-02", currentAmountFen: 0 });
  });

  it("moving out stops it from the month after", () => {
    const result = computeEntitlement(entitlement(), person({ status: "moved_out", movedOutDate: "2026-05-20" }), context());
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-05", 5000, "due"],
      ["2026-06", null, 0, "stopped"],
    ]);
    expect(result.stopReason).toBe("movedOut");
  });

  it("two changes in one month: a death in the month of a birthday stops it, nothing re-tiers", () => {
    const result = computeEntitlement(entitlement(), person({ status: "deceased", deathDate: "2026-06-20" }), context());
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-06", 5000, "due"],
      ["2026-07", null, 0, "stopped"],
    ]);
  });
});

describe("catalogue versions and parameters", () => {
  it("a new version applies from its effective month", () => {
    const ctx = context({ versions: [{ number: 1, effectiveFrom: "2025-01-01", catalogue: V1 }, { number: 2, effectiveFrom: "2026-04-15", catalogue: RAISED }] });
    const result = computeEntitlement(entitlement(), person(), ctx);
    expect(shape(result.segments).slice(0, 3)).toEqual([
      ["2026-01", "2026-03", 5000, "due"],
      ["2026-04", "2026-06", 6000, "due"],
      ["2026-07", "2036-06", 12000, "due"],
    ]);
    expect(result.segments[1].reasons).toEqual([{ key: "catalogue", params: { version: 2, effectiveFrom: "2026-04-15" } }]);
    const later = computeEntitlement(entitlement(), person(), { ...ctx, rules: { ...ctx.rules, catalogue: "next_month" } });
    expect(later.segments[1].fromMonth).toBe("2026-05");
  });

  it("two changes in one month: a new version and a birthday, both named", () => {
    const ctx = context({ versions: [{ number: 1, effectiveFrom: "2025-01-01", catalogue: V1 }, { number: 2, effectiveFrom: "2026-07-01", catalogue: RAISED }] });
    const result = computeEntitlement(entitlement(), person(), ctx);
    expect(shape(result.segments).slice(0, 2)).toEqual([
      ["2026-01", "2026-06", 5000, "due"],
      ["2026-07", "2036-06", 12000, "due"],
    ]);
    expect(keys(result.segments[1])).toEqual(["catalogue", "ageBracket"]);
  });

  it("a version effective before the start month is used from the start", () => {
    const ctx = context({ versions: [{ number: 1, effectiveFrom: "2025-01-01", catalogue: V1 }, { number: 2, effectiveFrom: "2025-10-01", catalogue: RAISED }] });
    expect(shape(computeEntitlement(entitlement(), person(), ctx).segments)[0]).toEqual(["2026-01", "2026-06", 6000, "due"]);
  });

  it("a dated parameter value applies from its effective month; past months keep the value then in force", () => {
    // 最低生活保障: 30% of the rural 低保 standard (rounded up to the fen), for 70+ in a 低保 family.
    const p = person({ circumstances: [{ type: "dibao", startDate: "2020-01-01", endDate: null }] });
    const params = [
      { name: "rural_dibao_standard_monthly", effectiveFrom: "2025-01-01", valueFen: 60000 },
      { name: "rural_dibao_standard_monthly", effectiveFrom: "2026-07-01", valueFen: 66001 },
    ];
    const e = entitlement({ itemCode: "610403-10", grantedMonthlyFen: 18000 });
    const result = computeEntitlement(e, p, context({ params }));
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-06", 18000, "due"],
      ["2026-07", null, 19801, "due"],
    ]);
    expect(result.segments[1].reasons).toEqual([{ key: "parameter", params: { names: ["农村最低生活保障标准（每人每月）"] } }]);
    expect(computeEntitlement(e, p, context({ params, rules: { parameter: "next_month" } })).segments[1].fromMonth).toBe("2026-08");
  });

  it("an amount that cannot be computed (parameter unset) keeps the approved amount, and says so", () => {
    const p = person({ circumstances: [{ type: "dibao", startDate: "2020-01-01", endDate: null }] });
    const result = computeEntitlement(entitlement({ itemCode: "610403-10", grantedMonthlyFen: 17000 }), p, context());
    expect(shape(result.segments)).toEqual([["2026-01", null, 17000, "due"]]);
    expect(keys(result.segments[0])).toEqual(["granted", "amountKept"]);
  });
});

describe("circumstances and capability levels", () => {
  const dibao = (endDate: string | null) => [{ type: "dibao" as const, startDate: "2020-01-01", endDate }];

  it("losing the qualifying circumstance stops it from the month after its end date", () => {
    const e = entitlement({ itemCode: "610403-10", grantedMonthlyFen: 18000 });
    const params = [{ name: "rural_dibao_standard_monthly", effectiveFrom: "2025-01-01", valueFen: 60000 }];
    const result = computeEntitlement(e, person({ circumstances: dibao("2026-04-30") }), context({ params }));
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-04", 18000, "due"],
      ["2026-05", null, 0, "stopped"],
    ]);
    const stop = result.segments[1];
    expect(keys(stop)).toEqual(["circumstances", "ineligible"]);
    expect(stop.reasons[0].params).toEqual({ added: [], removed: ["dibao"] });
    expect(stop.reasons[1].policy?.map((x) => x.key)).toEqual(["circumstances.anyOf.failOne"]);
    expect(result.stopReason).toBe("ineligible");
    // By setting, from the end date's own month.
    const same = computeEntitlement(e, person({ circumstances: dibao("2026-04-30") }), context({ params, rules: { circumstanceEnd: "same_month" } }));
    expect(same.segments[1].fromMonth).toBe("2026-04");
  });

  it("a new confirmed capability level re-tiers from the month after confirmation (照料护理费 216/324/540)", () => {
    const tekun = [{ type: "tekun_dispersed" as const, startDate: "2020-01-01", endDate: null }];
    const assessments = [
      { id: "x1", assessedOn: "2025-11-20", confirmedOn: "2025-11-25", level: 1 as const, supersedesId: null },
      { id: "x2", assessedOn: "2026-04-28", confirmedOn: "2026-05-06", level: 4 as const, supersedesId: null },
    ];
    const result = computeEntitlement(entitlement({ itemCode: "610403-07", grantedMonthlyFen: 21600 }), person({ circumstances: tekun, assessments }), context());
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-05", 21600, "due"],
      ["2026-06", null, 54000, "due"],
    ]);
    expect(result.segments[1].reasons).toEqual([{ key: "capability", params: { level: 4, confirmedOn: "2026-05-06" } }]);
    const same = computeEntitlement(entitlement({ itemCode: "610403-07" }), person({ circumstances: tekun, assessments }), context({ rules: { capability: "same_month" } }));
    expect(same.segments[1].fromMonth).toBe("2026-05");
  });

  it("a correction replaces the assessment it corrects from its own confirmation on, not before", () => {
    const tekun = [{ type: "tekun_dispersed" as const, startDate: "2020-01-01", endDate: null }];
    const assessments = [
      { id: "x1", assessedOn: "2025-11-20", confirmedOn: "2025-11-25", level: 2 as const, supersedesId: null },
      { id: "x2", assessedOn: "2025-11-20", confirmedOn: "2026-03-10", level: 1 as const, supersedesId: "x1" },
    ];
    const result = computeEntitlement(entitlement({ itemCode: "610403-07" }), person({ circumstances: tekun, assessments }), context());
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-03", 32400, "due"],
      ["2026-04", null, 21600, "due"],
    ]);
  });
});

describe("rule changes the registry cannot prove (应退未退)", () => {
  const centralized = person({ circumstances: [{ type: "tekun_centralized", startDate: "2020-01-01", endDate: null }] });
  const ctx = context({ versions: [{ number: 1, effectiveFrom: "2025-01-01", catalogue: V1 }, { number: 2, effectiveFrom: "2026-04-01", catalogue: EXCLUDES_CENTRALIZED }] });

  it("keeps paying the old amount and asks for a review", () => {
    const result = computeEntitlement(entitlement(), centralized, ctx);
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-03", 5000, "due"],
      ["2026-04", "2026-06", 5000, "pending_review"],
      ["2026-07", "2036-06", 10000, "pending_review"],
      ["2036-07", "2046-06", 20000, "pending_review"],
      ["2046-07", null, 30000, "pending_review"],
    ]);
    expect(result.segments[1].reasons).toEqual([{ key: "ruleChange", params: { version: 2, effectiveFrom: "2026-04-01" } }]);
    // Within the review run, a birthday is named as the birthday.
    expect(result.segments[2].reasons).toEqual([{ key: "ageBracket", params: { age: 80 } }]);
    expect(result.proposal).toMatchObject({ catalogueNumber: 2, fromMonth: "2026-04" });
    expect(result.proposal!.failing.map((x) => x.key)).toEqual(["circumstances.noneOf.fail"]);
    expect(result.status).toBe("active");
  });

  it("a dismissed proposal keeps it paid without asking again", () => {
    const result = computeEntitlement(entitlement({ dismissedVersions: [2] }), centralized, ctx);
    expect(shape(result.segments)[0]).toEqual(["2026-01", "2026-06", 5000, "due"]);
    expect(result.proposal).toBeNull();
  });

  it("a confirmed proposal stops it from the proposal's month", () => {
    const result = computeEntitlement(entitlement({ actions: [action("stop", "2026-04", { source: "review", reason: "集中供养不重复享受" })] }), centralized, ctx);
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-03", 5000, "due"],
      ["2026-04", null, 0, "stopped"],
    ]);
    expect(result.segments[1].reasons).toEqual([{ key: "reviewStop", params: { reason: "集中供养不重复享受", by: "李秀英" } }]);
    expect(result.proposal).toBeNull();
  });

  it("a stop the registry proves (death) needs no review even under the new version", () => {
    const dead = { ...centralized, status: "deceased" as const, deathDate: "2026-05-03" };
    const result = computeEntitlement(entitlement(), dead, ctx);
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-03", 5000, "due"],
      ["2026-04", "2026-05", 5000, "pending_review"],
      ["2026-06", null, 0, "stopped"],
    ]);
    expect(result.stopReason).toBe("death");
  });
});

describe("资格认证", () => {
  const rule = { intervalMonths: 6, graceDays: 30, backPay: true };
  /** 76 in 2026: in the ¥50 bracket all year. */
  const young = () => person({ birthDate: "1950-03-03" });
  it("walks the periods: on time, overdue past the grace, resumed by a later certification", () => {
    expect(certificationPeriods("2026-01-10", [], rule, "2026-08-09")).toEqual({ suspensions: [], dueOn: "2026-07-10" });
    const overdue = certificationPeriods("2026-01-10", [], rule, "2026-08-10");
    expect(overdue.suspensions.map((s) => [s.fromMonth, s.resumeMonth])).toEqual([["2026-09", null]]);
    const onTime = certificationPeriods("2026-01-10", [{ certifiedOn: "2026-08-09" }], rule, "2026-12-01");
    expect(onTime).toEqual({ suspensions: [], dueOn: "2027-02-09" });
    const resumed = certificationPeriods("2026-01-10", [{ certifiedOn: "2026-10-15" }], rule, "2026-12-01");
    expect(resumed.suspensions.map((s) => [s.fromMonth, s.resumeMonth])).toEqual([["2026-09", "2026-10"]]);
    expect(resumed.dueOn).toBe("2027-04-15");
    // Late, but before the suspension began: nothing suspended.
    expect(certificationPeriods("2026-01-10", [{ certifiedOn: "2026-08-25" }], rule, "2026-12-01").suspensions).toEqual([]);
  });

  it("overdue past the grace period suspends from the next month", () => {
    const e = entitlement({ grantedOn: "2026-01-10", certification: rule });
    const before = computeEntitlement(e, young(), context({ today: "2026-08-20" }));
    expect(shape(before.segments)).toEqual([
      ["2026-01", "2026-08", 5000, "due"],
      ["2026-09", null, 0, "suspended"],
    ]);
    expect(before.segments[1].reasons).toEqual([{ key: "certOverdue", params: { dueOn: "2026-07-10", graceDays: 30 } }]);
    expect(before).toMatchObject({ status: "active", certDueOn: "2026-07-10", currentAmountFen: 5000 });
    expect(computeEntitlement(e, young(), context({ today: "2026-09-01" })).status).toBe("suspended");
  });

  it("a later certification resumes it, paying the suspended months back when the county says so", () => {
    const certified = { grantedOn: "2026-01-10", certifications: [{ certifiedOn: "2026-11-05" }] };
    const withBackPay = computeEntitlement(entitlement({ ...certified, certification: rule }), young(), context({ today: "2026-11-20" }));
    expect(shape(withBackPay.segments).slice(0, 3)).toEqual([
      ["2026-01", "2026-08", 5000, "due"],
      ["2026-09", "2026-10", 5000, "backpay"],
      ["2026-11", "2030-03", 5000, "due"],
    ]);
    expect(keys(withBackPay.segments[1])).toEqual(["certOverdue", "backPay"]);
    expect(withBackPay.segments[2].reasons[0]).toEqual({ key: "certified", params: { date: "2026-11-05" } });
    expect(withBackPay).toMatchObject({ status: "active", certDueOn: "2027-05-05" });

    const without = computeEntitlement(entitlement({ ...certified, certification: { ...rule, backPay: false } }), young(), context({ today: "2026-11-20" }));
    expect(shape(without.segments).slice(0, 3)).toEqual([
      ["2026-01", "2026-08", 5000, "due"],
      ["2026-09", "2026-10", 0, "suspended"],
      ["2026-11", "2030-03", 5000, "due"],
    ]);
  });
});

describe("manual actions", () => {
  it("停发 from a month ends it for good", () => {
    const result = computeEntitlement(entitlement({ actions: [action("stop", "2026-05", { reason: "本人申请停发" })] }), person(), context());
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-04", 5000, "due"],
      ["2026-05", null, 0, "stopped"],
    ]);
    expect(result).toMatchObject({ status: "stopped", endMonth: "2026-04", stopReason: "manualStop" });
  });

  it("暂停 and 恢复, with and without back-pay", () => {
    const actions = (backPay: boolean) => [action("suspend", "2026-03", { reason: "账户冻结" }), action("resume", "2026-05", { backPay, reason: "账户已解冻" })];
    expect(shape(computeEntitlement(entitlement({ actions: actions(false) }), person(), context()).segments).slice(0, 3)).toEqual([
      ["2026-01", "2026-02", 5000, "due"],
      ["2026-03", "2026-04", 0, "suspended"],
      ["2026-05", "2026-06", 5000, "due"],
    ]);
    const paidBack = computeEntitlement(entitlement({ actions: actions(true) }), person(), context());
    expect(shape(paidBack.segments).slice(0, 3)).toEqual([
      ["2026-01", "2026-02", 5000, "due"],
      ["2026-03", "2026-04", 5000, "backpay"],
      ["2026-05", "2026-06", 5000, "due"],
    ]);
    expect(paidBack.segments[2].reasons[0]).toEqual({ key: "manualResume", params: { reason: "账户已解冻", by: "李秀英" } });
    const open = computeEntitlement(entitlement({ actions: [action("suspend", "2026-02", { reason: "核查中" })] }), person(), context({ today: "2026-03-01" }));
    expect(open.status).toBe("suspended");
  });

  it("更正金额 from a month holds until another correction gives the computed amount back", () => {
    const actions = [action("correct", "2026-03", { amountFen: 4000, reason: "按县政府文件核减" }), action("correct", "2026-09", { amountFen: null, reason: "恢复标准" })];
    const result = computeEntitlement(entitlement({ actions }), person(), context());
    expect(shape(result.segments).slice(0, 3)).toEqual([
      ["2026-01", "2026-02", 5000, "due"],
      ["2026-03", "2026-08", 4000, "due"],
      ["2026-09", "2036-06", 10000, "due"],
    ]);
    expect(keys(result.segments[1])).toEqual(["correction"]);
    expect(keys(result.segments[2])).toEqual(["correctionEnded"]);
  });

  it("a later entitlement of the same item ends this one before its start", () => {
    const result = computeEntitlement(entitlement({ endBefore: "2026-06" }), person(), context());
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-05", 5000, "due"],
      ["2026-06", null, 0, "stopped"],
    ]);
    expect(result.stopReason).toBe("superseded");
  });
});

describe("other deliveries", () => {
  it("a one-off grant is due once, in its start month", () => {
    const pan = SEED_CATALOGUES["330727"];
    const ctx = context({ countyCode: "330727", versions: [{ number: 1, effectiveFrom: "2025-01-01", catalogue: pan }] });
    const e = entitlement({ itemCode: "330727-10-1", delivery: "one_off_cash", startMonth: "2026-10", grantedMonthlyFen: null, oneOffAmountFen: 50000 });
    const p = person({ birthDate: "1935-03-03", hukouRegionCode: "330727001002" });
    const result = computeEntitlement(e, p, ctx);
    expect(shape(result.segments)).toEqual([["2026-10", "2026-10", 50000, "one_off"]]);
    expect(result).toMatchObject({ status: "active", endMonth: "2026-10" });
    expect(amountDueIn(result.segments, "2026-11").amountFen).toBe(0);
  });

  it("a service is nothing in cash but still stops on death", () => {
    const e = entitlement({ itemCode: "610403-03", delivery: "service", grantedMonthlyFen: null });
    const result = computeEntitlement(e, person({ status: "deceased", deathDate: "2026-02-02" }), context());
    expect(shape(result.segments)).toEqual([
      ["2026-01", "2026-02", 0, "due"],
      ["2026-03", null, 0, "stopped"],
    ]);
  });
});

describe("amounts due and overpayments", () => {
  const stoppedByDeath = computeEntitlement(entitlement(), person({ status: "deceased", deathDate: "2026-03-15" }), context()).segments;

  it("answers any month with its amount and reason; nothing before the start", () => {
    expect(amountDueIn(stoppedByDeath, "2025-12")).toEqual({ amountFen: 0, kind: null, reasons: [] });
    expect(amountDueIn(stoppedByDeath, "2026-02")).toMatchObject({ amountFen: 5000, kind: "due" });
    expect(amountDueIn(stoppedByDeath, "2027-01")).toMatchObject({ amountFen: 0, kind: "stopped", reasons: [{ key: "death" }] });
  });

  it("months paid after the stop are overpaid; months paid within it are not", () => {
    const payments = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"].map((month) => ({ month, amountFen: 5000 }));
    expect(overpaidMonths(stoppedByDeath, payments)).toEqual([
      { month: "2026-04", paidFen: 5000, dueFen: 0 },
      { month: "2026-05", paidFen: 5000, dueFen: 0 },
    ]);
    // Two payments for one month are summed: an arrears top-up is not an overpayment.
    expect(overpaidMonths(stoppedByDeath, [{ month: "2026-02", amountFen: 3000 }, { month: "2026-02", amountFen: 2000 }])).toEqual([]);
    expect(overpaidMonths(stoppedByDeath, [{ month: "2026-02", amountFen: 6000 }])).toEqual([{ month: "2026-02", paidFen: 6000, dueFen: 5000 }]);
  });
});

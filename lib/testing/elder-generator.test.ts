import { describe, expect, it } from "vitest";
import { validateIdNumber } from "@/lib/elders/id-number";
import { ageOn } from "@/lib/dates";
import { MOBILE_PATTERN } from "@/lib/elders/phone";
import { ZCircumstanceRecord, type TCircumstanceRecordType } from "@/lib/elders/circumstances";
import { isInForce } from "@/lib/elders/facts";
import { SEED_COUNTIES } from "@/lib/regions/service";
import {
  createElderGenerator,
  createRng,
  generateElders,
  IMPORT_TEMPLATE_HEADER,
  importRowOf,
  luhnCheckDigit,
  residenceOfVillage,
  shortVillageName,
  villagesOfCounty,
  type TElderGeneratorOptions,
  type TGeneratedElder,
} from "@/lib/testing/elder-generator";

const TODAY = "2026-11-22";
const COUNTY = SEED_COUNTIES["610403"];
const OPTIONS: TElderGeneratorOptions = {
  countyCode: "610403",
  countyName: COUNTY.name,
  villages: villagesOfCounty(COUNTY),
  seed: 42,
  today: TODAY,
};
const N = 10_000;
const elders = generateElders(OPTIONS, N);

const share = (predicate: (e: TGeneratedElder) => boolean) => elders.filter(predicate).length / N;
const hasInForce = (type: TCircumstanceRecordType) => (e: TGeneratedElder) =>
  e.circumstances.some((c) => c.type === type && isInForce(c, TODAY));

describe("createRng", () => {
  it("is deterministic by seed and spreads over [0, 1)", () => {
    const a = createRng(1);
    const b = createRng(1);
    const c = createRng(2);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c.next())).not.toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe("generateElders: identity", () => {
  it("makes valid GB 11643 ID numbers whose birth date and sex match the record", () => {
    for (const e of elders) {
      const result = validateIdNumber(e.idNumber, TODAY);
      expect(result, e.idNumber).toMatchObject({ ok: true, birthDate: e.birthDate, sex: e.sex });
    }
  });

  it("never repeats an ID number or a row id", () => {
    expect(new Set(elders.map((e) => e.idNumber)).size).toBe(N);
    const ids = [...elders.map((e) => e.id), ...elders.flatMap((e) => e.circumstances.map((c) => c.id))];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("avoids reserved ID numbers", () => {
    const first = generateElders(OPTIONS, 500);
    const reserved = new Set(first.map((e) => e.idNumber));
    const again = generateElders({ ...OPTIONS, reserved }, 500);
    expect(again.filter((e) => reserved.has(e.idNumber))).toEqual([]);
    // The same people, only their numbers differ.
    expect(again.map((e) => e.name)).toEqual(first.map((e) => e.name));
  });

  it("uses the county's address code for most and another for those from elsewhere", () => {
    expect(share((e) => e.idNumber.startsWith("610403"))).toBeGreaterThan(0.9);
    const nonLocal = share((e) => !e.hukouRegionCode.startsWith("610403"));
    expect(nonLocal).toBeGreaterThan(0.04);
    expect(nonLocal).toBeLessThan(0.06);
    for (const e of elders) expect(e.hukouRegionCode).toMatch(/^\d{12}$/);
  });

  it("gives two- or three-character names", () => {
    for (const e of elders) expect(e.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    expect(new Set(elders.map((e) => e.name[0])).size).toBeGreaterThan(80);
    expect(share((e) => e.name.length === 3)).toBeGreaterThan(0.6);
  });
});

describe("generateElders: determinism", () => {
  it("gives the same elders for the same seed and different ones for another", () => {
    expect(generateElders(OPTIONS, 300)).toEqual(elders.slice(0, 300));
    const other = generateElders({ ...OPTIONS, seed: 43 }, 300);
    expect(other.map((e) => e.idNumber)).not.toEqual(elders.slice(0, 300).map((e) => e.idNumber));
  });

  it("keeps the people when row ids come from elsewhere", () => {
    let n = 0;
    const withIds = generateElders({ ...OPTIONS, newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}` }, 200);
    const strip = (e: TGeneratedElder) => ({ ...e, id: "", circumstances: e.circumstances.map((c) => ({ ...c, id: "", elderId: "" })) });
    expect(withIds.map(strip)).toEqual(elders.slice(0, 200).map(strip));
  });
});

describe("generateElders: ages and sex", () => {
  it("keeps ages within 60–105 with a census-like pyramid", () => {
    const ages = elders.map((e) => ageOn(e.birthDate, TODAY));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...ages)).toBeLessThanOrEqual(105);
    const band = (lo: number, hi: number) => ages.filter((a) => a >= lo && a <= hi).length / N;
    expect(band(60, 69)).toBeGreaterThan(0.5);
    expect(band(60, 69)).toBeLessThan(0.62);
    expect(band(70, 79)).toBeGreaterThan(0.25);
    expect(band(80, 89)).toBeGreaterThan(0.09);
    expect(band(90, 99)).toBeGreaterThan(0.015);
    expect(band(90, 99)).toBeLessThan(0.03);
    expect(band(100, 105)).toBeLessThan(0.003);
  });

  it("has more women the older the band", () => {
    const female = (lo: number, hi: number) => {
      const group = elders.filter((e) => {
        const a = ageOn(e.birthDate, TODAY);
        return a >= lo && a <= hi;
      });
      return group.filter((e) => e.sex === "female").length / group.length;
    };
    expect(female(60, 69)).toBeGreaterThan(0.46);
    expect(female(60, 69)).toBeLessThan(0.54);
    expect(female(85, 105)).toBeGreaterThan(female(60, 69) + 0.05);
  });
});

describe("generateElders: residence and contacts", () => {
  const villageCodes = new Set(OPTIONS.villages.map((v) => v.code));

  it("places everyone in a real village of the county, urban exactly in communities", () => {
    const byCode = new Map(OPTIONS.villages.map((v) => [v.code, v]));
    for (const e of elders) {
      expect(villageCodes.has(e.villageCode)).toBe(true);
      expect(e.townshipCode).toBe(e.villageCode.slice(0, 9));
      expect(e.countyCode).toBe("610403");
      expect(e.residence).toBe(residenceOfVillage(byCode.get(e.villageCode)!));
    }
    expect(new Set(elders.map((e) => e.villageCode)).size).toBe(villageCodes.size);
    const rural = elders.find((e) => e.residence === "rural")!;
    expect(rural.address).toMatch(/村\d+组\d+号$/);
  });

  it("gives ~60 % valid mobile numbers and ~70 % bank accounts of 16–19 digits", () => {
    const phones = elders.filter((e) => e.phone);
    expect(phones.length / N).toBeGreaterThan(0.55);
    expect(phones.length / N).toBeLessThan(0.65);
    for (const e of phones) expect(e.phone).toMatch(MOBILE_PATTERN);
    for (const e of elders.filter((x) => x.guardianPhone)) expect(e.guardianPhone).toMatch(MOBILE_PATTERN);
    const accounts = elders.filter((e) => e.bankAccount);
    expect(accounts.length / N).toBeGreaterThan(0.66);
    expect(accounts.length / N).toBeLessThan(0.74);
    for (const e of accounts) {
      expect(e.bankAccount).toMatch(/^\d{16,19}$/);
      expect(e.bankName).toBeTruthy();
      expect(luhnCheckDigit(e.bankAccount!.slice(0, -1))).toBe(e.bankAccount!.slice(-1));
    }
  });

  it("marks a few deceased or moved out, with dates in the past", () => {
    const deceased = elders.filter((e) => e.status === "deceased");
    const moved = elders.filter((e) => e.status === "moved_out");
    expect(deceased.length / N).toBeGreaterThan(0.002);
    expect(deceased.length / N).toBeLessThan(0.01);
    expect(moved.length / N).toBeGreaterThan(0.001);
    expect(moved.length / N).toBeLessThan(0.006);
    for (const e of deceased) expect(e.deathDate! < TODAY && e.deathDate! > e.birthDate).toBe(true);
    for (const e of moved) expect(e.movedOutDate! < TODAY && e.movedOutTo).toBeTruthy();
    for (const e of elders.filter((x) => x.status === "living")) expect(e.deathDate ?? e.movedOutDate).toBeNull();
  });
});

describe("generateElders: circumstances", () => {
  it("has the expected shares in force today", () => {
    const expected: [TCircumstanceRecordType, number][] = [
      ["dibao", 0.04],
      ["dibao_edge", 0.015],
      ["low_income", 0.03],
      ["tekun_dispersed", 0.008],
      ["disability", 0.06],
      ["living_alone", 0.08],
      ["empty_nest", 0.2],
      ["left_behind", 0.05],
    ];
    for (const [type, target] of expected) {
      const actual = share(hasInForce(type));
      expect(actual, type).toBeGreaterThan(target * 0.75);
      expect(actual, type).toBeLessThan(target * 1.25);
    }
    const rare = (types: TCircumstanceRecordType[]) => share((e) => types.some((t) => hasInForce(t)(e)));
    expect(rare(["tekun_centralized"])).toBeLessThan(0.005);
    expect(rare(["fp_only_child_deceased", "fp_only_child_disabled"])).toBeGreaterThan(0.0025);
    expect(rare(["fp_only_child_deceased", "fp_only_child_disabled"])).toBeLessThan(0.008);
    const specialCare = rare(["martyr_family", "duty_death_family", "illness_death_family", "disabled_veteran", "demobilized_soldier", "retired_soldier"]);
    expect(specialCare).toBeGreaterThan(0.006);
    expect(specialCare).toBeLessThan(0.014);
    expect(rare(["vagrant"])).toBeLessThan(0.002);
  });

  it("keeps at most one economic status in force and some ended records", () => {
    const economic: TCircumstanceRecordType[] = ["dibao", "dibao_edge", "tekun_dispersed", "tekun_centralized", "low_income"];
    for (const e of elders) {
      expect(e.circumstances.filter((c) => economic.includes(c.type) && isInForce(c, TODAY)).length).toBeLessThanOrEqual(1);
    }
    const records = elders.flatMap((e) => e.circumstances);
    expect(records.filter((r) => r.endDate !== null).length).toBeGreaterThan(records.length * 0.03);
  });

  it("makes records the registry's schema accepts, with dates that make sense", () => {
    for (const e of elders) {
      for (const c of e.circumstances) {
        const parsed = ZCircumstanceRecord.safeParse(c);
        expect(parsed.success, JSON.stringify({ c, issues: parsed.error?.issues })).toBe(true);
        expect(c.elderId).toBe(e.id);
        expect(c.startDate <= TODAY).toBe(true);
        if (c.endDate) expect(c.endDate >= c.startDate && c.endDate <= TODAY).toBe(true);
        if (c.type === "disability") expect(c.certificateNo).toBe(`${e.idNumber}${c.certificateNo!.slice(18)}`);
        expect(c.source).toBeTruthy();
      }
      // Nothing remains in force after death or moving away.
      const stop = e.deathDate ?? e.movedOutDate;
      if (stop) for (const c of e.circumstances) expect(c.endDate! < stop).toBe(true);
    }
  });
});

describe("helpers", () => {
  it("shortens village names for addresses", () => {
    expect(shortVillageName("北杨村委会")).toBe("北杨村");
    expect(shortVillageName("代家坡村村委会")).toBe("代家坡村");
    expect(shortVillageName("常一社区居民委员会")).toBe("常一社区");
    expect(shortVillageName("阳光社区居委会")).toBe("阳光社区");
    expect(shortVillageName("凤岗路社区")).toBe("凤岗路社区");
    expect(shortVillageName("城关居民委员会")).toBe("城关社区");
  });

  it("writes import rows in the template's column order", () => {
    expect(IMPORT_TEMPLATE_HEADER.join(",")).toBe("姓名,身份证号,户籍地区划代码,居住村(社区)代码,城乡,联系电话,住址");
    const row = importRowOf(elders[0]);
    expect(row).toHaveLength(IMPORT_TEMPLATE_HEADER.length);
    expect(row[1]).toBe(elders[0].idNumber);
    expect(["城镇", "农村"]).toContain(row[4]);
  });

  it("stops with an error when a county has no villages", () => {
    expect(() => createElderGenerator({ ...OPTIONS, villages: [] })).toThrow();
  });
});

import { describe, expect, it } from "vitest";
import { FactsInputError, parseFactsJson, resolveFactsInput } from "@/lib/catalogue/facts-input";
import { idNumberCheckChar } from "@/lib/elders/id-number";

const id = (body17: string) => body17 + idNumberCheckChar(body17);
const MAN_1936 = id("61040319361101001"); // odd 17th digit: male
const options = { countyCode: "610403", asOf: "2026-11-01", today: "2026-11-22" };
const errorOf = (run: () => unknown): [string, string] | null => {
  try {
    run();
  } catch (error) {
    if (error instanceof FactsInputError) return [error.field, error.message];
    throw error;
  }
  return null;
};

describe("typed-in facts", () => {
  it("take birth date and sex from an ID number alone", () => {
    const { facts, sexAssumed } = resolveFactsInput({ idNumber: MAN_1936, hukouRegion: "610403" }, options);
    expect(facts).toMatchObject({ birthDate: "1936-11-01", sex: "male", age: 90, hukouLocal: true, hukouRegionCode: "610403000000", alive: true });
    expect(sexAssumed).toBe(false);
  });

  it("read 户籍 as local when the division code lies in the county", () => {
    expect(resolveFactsInput({ birthDate: "1950-01-01", hukouRegion: "610403001001" }, options).facts.hukouLocal).toBe(true);
    expect(resolveFactsInput({ birthDate: "1950-01-01", hukouRegion: "330727" }, options).facts.hukouLocal).toBe(false);
    expect(resolveFactsInput({ birthDate: "1950-01-01", hukouLocal: false }, options).facts.hukouLocal).toBe(false);
  });

  it("keep everything else as given, circumstances in catalogue order, and assume female only when told nothing", () => {
    const { facts, sexAssumed } = resolveFactsInput(
      {
        birthDate: "1940-02-29",
        hukouRegion: "610403",
        residence: "rural",
        deceased: true,
        circumstances: ["living_alone", "dibao", "dibao"],
        disability: { grade: 2, category: "visual" },
        capabilityLevel: 3,
      },
      options,
    );
    expect(facts).toMatchObject({ sex: "female", age: 86, residence: "rural", alive: false, circumstances: ["dibao", "living_alone"], disability: { grade: 2, category: "visual" }, capabilityLevel: 3 });
    expect(sexAssumed).toBe(true);
  });

  it("refuse a bad checksum, and a birth date or sex that contradicts the ID number", () => {
    const bad = MAN_1936.slice(0, 17) + (MAN_1936[17] === "1" ? "2" : "1");
    expect(errorOf(() => resolveFactsInput({ idNumber: bad, hukouRegion: "610403" }, options))).toEqual(["idNumber", "身份证号码无效：身份证号码校验位不正确，请核对。"]);
    expect(errorOf(() => resolveFactsInput({ idNumber: MAN_1936, birthDate: "1936-11-02", hukouRegion: "610403" }, options))).toEqual([
      "birthDate",
      "出生日期 1936-11-02 与身份证号码中的出生日期 1936-11-01 不一致",
    ]);
    expect(errorOf(() => resolveFactsInput({ idNumber: MAN_1936, sex: "female", hukouRegion: "610403" }, options))).toEqual(["sex", "性别（女）与身份证号码所示性别（男）不一致"]);
    expect(resolveFactsInput({ idNumber: MAN_1936, birthDate: "1936-11-01", sex: "male", hukouRegion: "610403" }, options).facts.sex).toBe("male");
  });

  it("require a birth date (or ID number) and a 户籍, and refuse impossible dates", () => {
    expect(errorOf(() => resolveFactsInput({ hukouRegion: "610403" }, options))).toEqual(["birthDate", "请提供身份证号码或出生日期"]);
    expect(errorOf(() => resolveFactsInput({ birthDate: "1950-01-01" }, options))?.[0]).toBe("hukouRegion");
    expect(errorOf(() => resolveFactsInput({ birthDate: "1950-02-30", hukouRegion: "610403" }, options))?.[0]).toBe("birthDate");
    expect(errorOf(() => resolveFactsInput({ birthDate: "2026-12-01", hukouRegion: "610403" }, options))?.[1]).toContain("晚于查询日期");
  });
});

describe("facts JSON", () => {
  it("parses the documented shape and explains what is wrong in Chinese", () => {
    expect(parseFactsJson('{"birthDate":"1941-03-15","sex":"female","hukouRegion":"610403","circumstances":["dibao"]}')).toMatchObject({ sex: "female" });
    expect(errorOf(() => parseFactsJson(""))?.[1]).toContain("标准输入为空");
    expect(errorOf(() => parseFactsJson("{"))?.[1]).toContain("不是有效的 JSON");
    expect(errorOf(() => parseFactsJson('{"sex":"man"}'))).toEqual(["sex", 'sex 须为 "male" 或 "female"']);
    expect(errorOf(() => parseFactsJson('{"circumstances":["rich"]}'))?.[1]).toContain("circumstances 只能包含");
    expect(errorOf(() => parseFactsJson('{"disability":{"grade":5,"category":"visual"}}'))?.[1]).toBe("disability.grade 须为 1–4 的整数");
    expect(errorOf(() => parseFactsJson('{"capabilityLevel":7}'))?.[1]).toBe("capabilityLevel 须为 0–4 的整数");
    expect(errorOf(() => parseFactsJson('{"age":80}'))?.[1]).toBe("不认识的字段：age");
    expect(errorOf(() => parseFactsJson('{"hukouRegion":"61"}'))?.[1]).toBe("hukouRegion 须为 6、9 或 12 位区划代码");
  });
});

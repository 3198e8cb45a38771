import { describe, expect, it } from "vitest";
import {
  ID_NUMBER_FAILURES,
  ZIdNumber,
  idNumberCheckChar,
  idNumberMessage,
  validateIdNumber,
} from "@/lib/elders/id-number";
import eldersEn from "@/messages/en/elders.json" with { type: "json" };

// A fixed "today" so that the results never depend on when the tests run.
const TODAY = "2025-06-15";
const check = (value: string) => validateIdNumber(value, TODAY);

// Every literal below with a correct check character was computed outside this module
// (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 → 1 0 X 9 8 7 6 5 4 3 2), and the two
// standard samples by hand: 11010519491231002 → sum 167, 167 mod 11 = 2 → X;
// 34052419800101001 → sum 189, 189 mod 11 = 2 → X.
describe("validateIdNumber: valid numbers", () => {
  it("accepts the standard samples and derives birth date, sex and address code", () => {
    expect(check("11010519491231002X")).toEqual({
      ok: true,
      idNumber: "11010519491231002X",
      birthDate: "1949-12-31",
      sex: "female",
      addressCode: "110105",
    });
    expect(check("34052419800101001X")).toEqual({
      ok: true,
      idNumber: "34052419800101001X",
      birthDate: "1980-01-01",
      sex: "male",
      addressCode: "340524",
    });
  });

  it("derives sex from the parity of the 17th character", () => {
    const male = check("330727193806010039"); // 17th "3"
    const female = check("330727193806010047"); // 17th "4"
    expect(male).toMatchObject({ ok: true, sex: "male", birthDate: "1938-06-01" });
    expect(female).toMatchObject({ ok: true, sex: "female", birthDate: "1938-06-01" });
    expect(check("110105200002290021")).toMatchObject({ ok: true, sex: "female" });
  });

  it("normalises a lowercase x and surrounding spaces", () => {
    expect(check("11010519491231002x")).toMatchObject({ ok: true, idNumber: "11010519491231002X" });
    expect(check("  34052419800101001x\t")).toMatchObject({ ok: true, idNumber: "34052419800101001X" });
  });

  it("accepts 29 February in a leap year, including a century divisible by 400", () => {
    expect(check("110105200002290013")).toMatchObject({ ok: true, birthDate: "2000-02-29", sex: "male" });
  });

  it("accepts an address code that is in no division list", () => {
    expect(check("999999195001010018")).toMatchObject({ ok: true, addressCode: "999999", birthDate: "1950-01-01" });
  });

  it("accepts a birth on today but not after it", () => {
    expect(check("110105202506150013")).toMatchObject({ ok: true, birthDate: "2025-06-15" });
    expect(check("110105202506160019")).toEqual({ ok: false, reason: "future_birth" });
  });

  it("reads today in Asia/Shanghai when no date is given", () => {
    expect(validateIdNumber("11010519491231002X").ok).toBe(true);
    expect(validateIdNumber("110105209912310010")).toEqual({ ok: false, reason: "future_birth" });
  });
});

describe("validateIdNumber: invalid numbers", () => {
  it("refuses every wrong check character for a valid body", () => {
    const wrong = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]; // the right one is X
    for (const c of wrong) expect(check(`11010519491231002${c}`)).toEqual({ ok: false, reason: "checksum" });
    const body = "34052419800101001";
    for (const c of wrong) expect(check(`${body}${c}`)).toEqual({ ok: false, reason: "checksum" });
  });

  it("refuses an X where a digit is due", () => {
    expect(check("110105194901010013")).toMatchObject({ ok: true });
    expect(check("11010519490101001X")).toEqual({ ok: false, reason: "checksum" });
  });

  it("catches a single changed digit and two swapped neighbours", () => {
    expect(check("11010519491231003X")).toEqual({ ok: false, reason: "checksum" });
    expect(check("10110519491231002X")).toEqual({ ok: false, reason: "checksum" });
  });

  it("refuses the wrong length", () => {
    expect(check("")).toEqual({ ok: false, reason: "length" });
    expect(check("11010519491231002")).toEqual({ ok: false, reason: "length" }); // 17
    expect(check("11010519491231002X0")).toEqual({ ok: false, reason: "length" }); // 19
    expect(check("110105491231002")).toEqual({ ok: false, reason: "length" }); // old 15-digit form
  });

  it("refuses letters and other characters inside", () => {
    expect(check("1101051949123100XX")).toEqual({ ok: false, reason: "format" });
    expect(check("X1010519491231002X")).toEqual({ ok: false, reason: "format" });
    expect(check("11010519491231002Y")).toEqual({ ok: false, reason: "format" });
    expect(check("110105 9491231002X")).toEqual({ ok: false, reason: "format" });
    expect(check("11010519491231-02X")).toEqual({ ok: false, reason: "format" });
    expect(check("１１０１０５19491231002X")).toEqual({ ok: false, reason: "format" }); // full-width digits
  });

  it("refuses birth dates that do not exist, even with a correct check character", () => {
    expect(check("110105194902300020")).toEqual({ ok: false, reason: "birth_date" }); // 1949-02-30
    expect(check("110105190002290017")).toEqual({ ok: false, reason: "birth_date" }); // 1900 is not leap
    expect(check("110105199902290013")).toEqual({ ok: false, reason: "birth_date" }); // 1999-02-29
    expect(check("110105194913310013")).toEqual({ ok: false, reason: "birth_date" }); // month 13
    expect(check("110105194912320017")).toEqual({ ok: false, reason: "birth_date" }); // day 32
    expect(check("110105194900010011")).toEqual({ ok: false, reason: "birth_date" }); // month 00
    expect(check("110105194901000018")).toEqual({ ok: false, reason: "birth_date" }); // day 00
  });

  it("reports an impossible date before a future one and before the check character", () => {
    expect(check("110105210002290012")).toEqual({ ok: false, reason: "birth_date" }); // 2100 is not leap
    expect(check("110105194902300021")).toEqual({ ok: false, reason: "birth_date" }); // wrong check too
  });
});

describe("idNumberCheckChar", () => {
  it("agrees with the hand-checked samples", () => {
    expect(idNumberCheckChar("11010519491231002")).toBe("X");
    expect(idNumberCheckChar("34052419800101001")).toBe("X");
    expect(idNumberCheckChar("61040319410315123")).toBe("5");
    expect(() => idNumberCheckChar("1101051949123100")).toThrow();
  });
});

describe("ZIdNumber", () => {
  it("outputs the normalised number", () => {
    expect(ZIdNumber.parse(" 11010519491231002x ")).toBe("11010519491231002X");
  });

  it("gives the catalogue key of each reason", () => {
    const messageOf = (value: string) => ZIdNumber.safeParse(value).error?.issues.map((i) => i.message);
    expect(messageOf("11010519491231002")).toEqual(["elders.idNumber.length"]);
    expect(messageOf("1101051949123100AX")).toEqual(["elders.idNumber.format"]);
    expect(messageOf("110105194902300020")).toEqual(["elders.idNumber.birth_date"]);
    expect(messageOf("110105209912310010")).toEqual(["elders.idNumber.future_birth"]);
    expect(messageOf("110105194912310020")).toEqual(["elders.idNumber.checksum"]);
  });

  it("refuses what is not a string", () => {
    expect(ZIdNumber.safeParse(11010519491231).success).toBe(false);
    expect(ZIdNumber.safeParse(undefined).success).toBe(false);
  });
});

describe("messages", () => {
  it("has plain Chinese for every reason", () => {
    expect(idNumberMessage("checksum")).toContain("校验位不正确");
    expect(idNumberMessage("birth_date")).toContain("出生日期不存在");
    expect(idNumberMessage("future_birth")).toContain("出生日期晚于今天");
    expect(idNumberMessage("length")).toContain("18 位");
    for (const reason of ID_NUMBER_FAILURES) {
      expect(idNumberMessage(reason)).toMatch(/[\u4e00-\u9fff]/);
      expect(eldersEn.idNumber[reason]).toBeTruthy();
    }
  });
});

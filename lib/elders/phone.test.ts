import { describe, expect, it } from "vitest";
import { MOBILE_PATTERN, ZMobile, ZOptionalMobile, normaliseMobile } from "@/lib/elders/phone";

describe("MOBILE_PATTERN", () => {
  it("is the pattern of STANDARDS.md", () => {
    expect(MOBILE_PATTERN.test("13812345678")).toBe(true);
    expect(MOBILE_PATTERN.test("+8613812345678")).toBe(true);
    expect(MOBILE_PATTERN.test("008613812345678")).toBe(true);
    expect(MOBILE_PATTERN.test("8613812345678")).toBe(false);
    expect(MOBILE_PATTERN.test("12812345678")).toBe(false);
  });
});

describe("normaliseMobile", () => {
  it("returns the bare 11 digits", () => {
    expect(normaliseMobile("13812345678")).toBe("13812345678");
    expect(normaliseMobile("+8613812345678")).toBe("13812345678");
    expect(normaliseMobile("008613812345678")).toBe("13812345678");
  });

  it("strips spaces and dashes before validating", () => {
    expect(normaliseMobile("138 1234 5678")).toBe("13812345678");
    expect(normaliseMobile("138-1234-5678")).toBe("13812345678");
    expect(normaliseMobile("+86 138-1234-5678")).toBe("13812345678");
    expect(normaliseMobile("0086-138 1234 5678")).toBe("13812345678");
    expect(normaliseMobile(" 13812345678 ")).toBe("13812345678");
    expect(normaliseMobile("138　1234　5678")).toBe("13812345678"); // ideographic spaces
    expect(normaliseMobile("138－1234－5678")).toBe("13812345678"); // full-width hyphens
  });

  it("accepts every second digit from 3 to 9", () => {
    for (const d of "3456789") expect(normaliseMobile(`1${d}912345678`)).toBe(`1${d}912345678`);
  });

  it("returns null for what is not a mobile number", () => {
    for (const value of [
      "",
      "   ",
      "12812345678", // second digit 2
      "11812345678",
      "1381234567", // 10 digits
      "138123456789", // 12 digits
      "23812345678",
      "8613812345678", // country code without + or 00
      "+8513812345678",
      "0571-87654321", // landline
      "1381234567a",
      "(+86)13812345678",
    ]) {
      expect(normaliseMobile(value), value).toBeNull();
    }
  });
});

describe("ZMobile", () => {
  it("outputs the normalised number", () => {
    expect(ZMobile.parse("+86 138-1234-5678")).toBe("13812345678");
  });

  it("gives the catalogue key for a bad number", () => {
    const result = ZMobile.safeParse("12345");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["elders.phone.invalid"]);
    expect(ZMobile.safeParse("").success).toBe(false);
  });
});

describe("ZOptionalMobile", () => {
  it("turns empty into null", () => {
    expect(ZOptionalMobile.parse("")).toBeNull();
    expect(ZOptionalMobile.parse("  ")).toBeNull();
    expect(ZOptionalMobile.parse(null)).toBeNull();
    expect(ZOptionalMobile.parse(undefined)).toBeNull();
  });

  it("still validates a given number", () => {
    expect(ZOptionalMobile.parse("138 1234 5678")).toBe("13812345678");
    expect(ZOptionalMobile.safeParse("138").error?.issues.map((i) => i.message)).toEqual(["elders.phone.invalid"]);
  });
});

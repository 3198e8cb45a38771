import { describe, expect, it } from "vitest";
import { findPersonalNumber, personalNumberKind, redactPersonalNumbers, redactPersonalNumbersDeep } from "@/lib/audit/personal-data";

describe("personal numbers in audit snapshots", () => {
  it.each([
    ["13912345678", "mobile"],
    ["+8613912345678", "mobile"],
    ["139-1234-5678", "mobile"],
    ["139 1234 5678", "mobile"],
    ["11010519491231002X", "id_number"],
    ["110105194912310021", "id_number"],
    ["110105491231002", "id_number"],
    ["11010519491231002X42", "id_number"],
    ["6217000000001234567", "bank_account"],
    ["6217 0000 0000 1234", "bank_account"],
  ] as const)("finds %s as %s, alone and inside text", (value, kind) => {
    expect(findPersonalNumber(value)).toEqual({ path: "$", kind });
    expect(findPersonalNumber({ note: `已电话联系（${value}）。` })).toEqual({ path: "$.note", kind });
  });

  it.each([
    ["a region code", "610403001001"],
    ["a case number", "610403-2026-000014"],
    ["a date and time", "2026-11-30 12:00:00"],
    ["a SHA-256 digest", "1391234567803e1c6a7f22bb5d0b9dca0a3e8ab2c6d8f1e0b4e5a3c2d1f0e9d8c7"],
    ["a UUID", "13912345-6781-4234-8567-139123456781"],
    ["a masked ID number", "1101**********002X"],
    ["a masked mobile", "139****5678"],
    ["an amount in fen", 1_600_000],
    ["a landline", "0912-7012345"],
  ])("leaves %s alone", (_, value) => {
    expect(findPersonalNumber({ value })).toBeNull();
  });

  it("reports where it found one, at any depth and in keys", () => {
    expect(findPersonalNumber({ a: [{ b: "x" }, { c: ["ok", "13812345678"] }] })).toEqual({ path: "$.a[1].c[1]", kind: "mobile" });
    expect(findPersonalNumber({ "13812345678": true })).toEqual({ path: "$.<key>", kind: "mobile" });
    expect(findPersonalNumber(13812345678)).toEqual({ path: "$", kind: "mobile" });
  });

  it("masks them in free text and keeps the rest", () => {
    expect(redactPersonalNumbers("家属电话 139-1234-5678，身份证 11010519491231002X，卡号 6217000000001234567。"))
      .toBe("家属电话 139****5678，身份证 1101**********002X，卡号 6217***********4567。");
    expect(redactPersonalNumbers("+86 139 1234 5678")).toBe("139****5678");
    expect(redactPersonalNumbers("凤岗路社区 610403001001，2026-11-30")).toBe("凤岗路社区 610403001001，2026-11-30");
    const redacted = redactPersonalNumbersDeep({ phones: ["13912345678"], n: 3, nested: { t: "无" } });
    expect(redacted).toEqual({ phones: ["139****5678"], n: 3, nested: { t: "无" } });
    expect(findPersonalNumber(redacted)).toBeNull();
  });

  it("classifies only whole numbers", () => {
    expect(personalNumberKind("12345678901")).toBeNull(); // 11 digits, not a mobile prefix
    expect(personalNumberKind("610403001001")).toBeNull();
  });
});

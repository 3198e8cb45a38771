import { describe, expect, it } from "vitest";
import { fenToYuanInput, formatFen, formatYuan, mulDivRound, yuanToFen } from "@/lib/money";
import { ageOn } from "@/lib/dates";

describe("mulDivRound", () => {
  it("rounds exactly as asked, in integers", () => {
    expect([mulDivRound(70001, 30, 100, "ceil"), mulDivRound(70001, 30, 100, "floor"), mulDivRound(70001, 30, 100, "halfUp")]).toEqual([21001, 21000, 21000]);
    expect([mulDivRound(5, 1, 2, "halfUp"), mulDivRound(5, 1, 2, "floor"), mulDivRound(5, 1, 2, "ceil")]).toEqual([3, 2, 3]);
    expect(mulDivRound(65000, 13, 10, "ceil")).toBe(84500);
    expect(mulDivRound(0, 13, 10, "ceil")).toBe(0);
    expect(mulDivRound(10000, 3, 1, "floor")).toBe(30000);
  });

  it("refuses fractions, negatives and overflow", () => {
    expect(() => mulDivRound(1.5, 1, 1, "ceil")).toThrow(RangeError);
    expect(() => mulDivRound(-1, 1, 1, "ceil")).toThrow(RangeError);
    expect(() => mulDivRound(1, 1, 0, "ceil")).toThrow(RangeError);
    expect(() => mulDivRound(Number.MAX_SAFE_INTEGER, 2, 1, "ceil")).toThrow(RangeError);
  });
});

describe("formatYuan", () => {
  it("prints whole yuan without decimals and cents with two", () => {
    expect([formatYuan(10000), formatYuan(30050), formatYuan(15001), formatYuan(5), formatYuan(0), formatYuan(-250)]).toEqual(["100", "300.50", "150.01", "0.05", "0", "-2.50"]);
  });
});

describe("formatFen", () => {
  it("prints money with the yuan sign, grouping and two decimals, negatives included", () => {
    expect(formatFen(10000)).toBe("¥100.00");
    expect(formatFen(123456)).toBe("¥1,234.56");
    expect(formatFen(5)).toBe("¥0.05");
    expect(formatFen(0)).toBe("¥0.00");
    expect(formatFen(-150)).toBe("-¥1.50");
    expect(formatFen(-5)).toBe("-¥0.05");
    expect(formatFen(-123456789)).toBe("-¥1,234,567.89");
    expect(formatFen(100_000_000_000)).toBe("¥1,000,000,000.00");
  });
  it("refuses fractions of a fen", () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
    expect(() => formatYuan(Number.NaN)).toThrow(RangeError);
  });
});

describe("yuan input", () => {
  it("reads typed yuan into fen without floating point", () => {
    expect(yuanToFen("300")).toBe(30000);
    expect(yuanToFen("¥1,234.5")).toBe(123450);
    expect(yuanToFen("0.07")).toBe(7);
    expect(yuanToFen("19.99")).toBe(1999);
    expect(yuanToFen("1.234")).toBeNull();
    expect(yuanToFen("-5")).toBeNull();
    expect(yuanToFen("-5", { allowNegative: true })).toBe(-500);
    expect(yuanToFen("abc")).toBeNull();
  });
  it("writes fen back as the input's text", () => {
    expect(fenToYuanInput(30000)).toBe("300.00");
    expect(fenToYuanInput(7)).toBe("0.07");
    expect(fenToYuanInput(-150)).toBe("-1.50");
    expect(fenToYuanInput(null)).toBe("");
    for (const fen of [0, 1, 99, 100, 12345, 99999999]) expect(yuanToFen(fenToYuanInput(fen))).toBe(fen);
  });
});

// The registry's 周岁 (lib/dates) on the dates the policy examples depend on.
describe("ageOn (周岁) as the policy examples use it", () => {
  it("counts completed years by birthday", () => {
    expect(ageOn("1936-11-01", "2026-11-01")).toBe(90);
    expect(ageOn("1936-11-02", "2026-11-01")).toBe(89);
    expect(ageOn("1941-03-15", "2026-11-01")).toBe(85);
    expect(ageOn("1926-10-01", "2026-11-01")).toBe(100);
    expect(ageOn("1926-12-31", "2026-11-01")).toBe(99);
  });

  it("a 29 February birthday completes the year on 1 March in a common year", () => {
    expect(ageOn("1944-02-29", "2024-02-29")).toBe(80);
    expect(ageOn("1944-02-29", "2025-02-28")).toBe(80);
    expect(ageOn("1944-02-29", "2025-03-01")).toBe(81);
  });
});

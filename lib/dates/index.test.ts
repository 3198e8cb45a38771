import { describe, expect, it } from "vitest";
import {
  AGE_BANDS,
  addDays,
  addYears,
  ageBand,
  ageOn,
  birthDateRangeForBand,
  isValidIsoDate,
  todayInShanghai,
  addMonths,
  addMonthsToMonth,
  daysBetween,
  firstDayOfMonth,
  isValidMonth,
  lastDayOfMonth,
  monthAfter,
  monthOf,
  monthRange,
  monthsBetween,
  nextMonth,
  previousMonth,
  weekday,
  dateValue,
  isoDate,
} from "@/lib/dates";

describe("isValidIsoDate", () => {
  it("accepts real days", () => {
    for (const d of ["1949-10-01", "2000-02-29", "2024-02-29", "1999-12-31", "2025-01-31"]) {
      expect(isValidIsoDate(d)).toBe(true);
    }
  });

  it("refuses impossible days and other shapes", () => {
    for (const d of [
      "1900-02-29",
      "2023-02-29",
      "2100-02-29",
      "2025-04-31",
      "2025-13-01",
      "2025-00-10",
      "2025-01-00",
      "2025-01-32",
      "0000-01-01",
      "2025-1-1",
      "20250101",
      "2025/01/01",
      " 2025-01-01",
      "",
    ]) {
      expect(isValidIsoDate(d), d).toBe(false);
    }
    expect(isValidIsoDate(null)).toBe(false);
    expect(isValidIsoDate(20250101)).toBe(false);
  });
});

describe("todayInShanghai", () => {
  it("is already the next day for an instant late in the UTC evening", () => {
    expect(todayInShanghai(new Date("2024-12-31T16:30:00Z"))).toBe("2025-01-01");
    expect(todayInShanghai(new Date("2025-02-28T16:00:00Z"))).toBe("2025-03-01");
  });

  it("is the same day until midnight in Shanghai", () => {
    expect(todayInShanghai(new Date("2024-12-31T15:59:59Z"))).toBe("2024-12-31");
    expect(todayInShanghai(new Date("2025-06-15T00:00:00Z"))).toBe("2025-06-15");
  });

  it("defaults to now", () => {
    expect(isValidIsoDate(todayInShanghai())).toBe(true);
  });
});

describe("ageOn (周岁)", () => {
  it("counts a year on the birthday, not before", () => {
    expect(ageOn("1945-06-15", "2025-06-14")).toBe(79);
    expect(ageOn("1945-06-15", "2025-06-15")).toBe(80);
    expect(ageOn("1945-06-15", "2025-06-16")).toBe(80);
  });

  it("compares the month before the day", () => {
    expect(ageOn("1945-06-15", "2025-05-31")).toBe(79);
    expect(ageOn("1945-06-15", "2025-07-01")).toBe(80);
    expect(ageOn("1945-12-31", "2025-12-30")).toBe(79);
    expect(ageOn("1945-12-31", "2025-12-31")).toBe(80);
    expect(ageOn("1946-01-01", "2025-12-31")).toBe(79);
  });

  it("is 0 on the day of birth and refuses a date before it", () => {
    expect(ageOn("2025-06-15", "2025-06-15")).toBe(0);
    expect(() => ageOn("2025-06-15", "2025-06-14")).toThrow(RangeError);
  });

  it("lets a 29 February birth turn a year older on 1 March in a common year", () => {
    expect(ageOn("1944-02-29", "2025-02-28")).toBe(80);
    expect(ageOn("1944-02-29", "2025-03-01")).toBe(81);
    expect(ageOn("1944-02-29", "2024-02-28")).toBe(79);
    expect(ageOn("1944-02-29", "2024-02-29")).toBe(80);
    expect(ageOn("1944-02-29", "2024-03-01")).toBe(80);
  });

  it("treats 28 February and 1 March births by their own dates in a leap year", () => {
    expect(ageOn("1945-02-28", "2024-02-28")).toBe(79);
    expect(ageOn("1945-03-01", "2024-02-29")).toBe(78);
    expect(ageOn("1945-03-01", "2024-03-01")).toBe(79);
  });

  it("refuses invalid dates", () => {
    expect(() => ageOn("1945-02-30", "2025-01-01")).toThrow(RangeError);
    expect(() => ageOn("1945-01-01", "2025-1-1")).toThrow(RangeError);
  });
});

describe("addYears and addDays", () => {
  it("keeps the month and day", () => {
    expect(addYears("1945-06-15", 80)).toBe("2025-06-15");
    expect(addYears("2025-06-15", -80)).toBe("1945-06-15");
  });

  it("moves 29 February to 1 March in a common year", () => {
    expect(addYears("1944-02-29", 81)).toBe("2025-03-01");
    expect(addYears("1944-02-29", 80)).toBe("2024-02-29");
    expect(addYears("2000-02-29", 100)).toBe("2100-03-01");
  });

  it("is exactly the day someone turns n", () => {
    for (const birth of ["1944-02-29", "1945-02-28", "1945-03-01", "1945-12-31", "1946-01-01"]) {
      for (let n = 60; n <= 105; n++) {
        const birthday = addYears(birth, n);
        expect(ageOn(birth, birthday)).toBe(n);
        expect(ageOn(birth, addDays(birthday, -1))).toBe(n - 1);
      }
    }
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(addDays("0050-03-01", -1)).toBe("0050-02-28"); // Date would read year 50 as 1950
  });

  it("refuses fractional steps", () => {
    expect(() => addYears("2025-01-01", 1.5)).toThrow(RangeError);
    expect(() => addDays("2025-01-01", 0.5)).toThrow(RangeError);
  });
});

describe("ageBand", () => {
  it("maps ages to bands at their edges", () => {
    expect(ageBand(0)).toBeNull();
    expect(ageBand(59)).toBeNull();
    expect(ageBand(60)).toBe("60-69");
    expect(ageBand(69)).toBe("60-69");
    expect(ageBand(70)).toBe("70-79");
    expect(ageBand(79)).toBe("70-79");
    expect(ageBand(80)).toBe("80-89");
    expect(ageBand(89)).toBe("80-89");
    expect(ageBand(90)).toBe("90-99");
    expect(ageBand(99)).toBe("90-99");
    expect(ageBand(100)).toBe("100+");
    expect(ageBand(118)).toBe("100+");
  });

  it("refuses what is not an age", () => {
    expect(() => ageBand(-1)).toThrow(RangeError);
    expect(() => ageBand(60.5)).toThrow(RangeError);
  });
});

describe("birthDateRangeForBand", () => {
  it("gives inclusive ranges exact on birthdays", () => {
    expect(birthDateRangeForBand("60-69", "2025-06-15")).toEqual({ from: "1955-06-16", to: "1965-06-15" });
    expect(birthDateRangeForBand("80-89", "2025-06-15")).toEqual({ from: "1935-06-16", to: "1945-06-15" });
    expect(birthDateRangeForBand("100+", "2025-06-15")).toEqual({ from: null, to: "1925-06-15" });
    // Someone born 1945-06-15 turns 80 on 2025-06-15; born 1935-06-15 turns 90 that day.
    expect(ageBand(ageOn("1945-06-15", "2025-06-15"))).toBe("80-89");
    expect(ageBand(ageOn("1945-06-16", "2025-06-15"))).toBe("70-79");
    expect(ageBand(ageOn("1935-06-15", "2025-06-15"))).toBe("90-99");
    expect(ageBand(ageOn("1935-06-16", "2025-06-15"))).toBe("80-89");
  });

  it("handles 29 February on either side", () => {
    // asOf 29 Feb 2024: 80 years earlier (1944) is leap, 90 years earlier (1934) is not.
    expect(birthDateRangeForBand("80-89", "2024-02-29")).toEqual({ from: "1934-03-01", to: "1944-02-29" });
    expect(birthDateRangeForBand("90-99", "2024-02-29")).toEqual({ from: "1924-03-01", to: "1934-02-28" });
    // asOf 28 Feb 2025: someone born 29 Feb 1944 is still 80, not 81.
    expect(birthDateRangeForBand("80-89", "2025-02-28")).toEqual({ from: "1935-03-01", to: "1945-02-28" });
    expect(ageOn("1944-02-29", "2025-02-28")).toBe(80);
    // asOf 1 March 2025: they turned 81 that day.
    expect(birthDateRangeForBand("60-69", "2025-03-01")).toEqual({ from: "1955-03-02", to: "1965-03-01" });
  });

  it("agrees with ageBand(ageOn(...)) for every birth date around the edges", () => {
    // Exhaustive over birth dates near every band edge, for as-of dates around leap days and
    // year ends: the range filter and the per-person computation must never disagree.
    const asOfs = ["2024-02-28", "2024-02-29", "2024-03-01", "2025-02-28", "2025-03-01", "2025-12-31", "2100-02-28", "2100-03-01"];
    for (const asOf of asOfs) {
      const ranges = AGE_BANDS.map((band) => ({ band, ...birthDateRangeForBand(band, asOf) }));
      for (const edge of [60, 70, 80, 90, 100]) {
        const around = addYears(asOf, -edge);
        for (let offset = -400; offset <= 400; offset++) {
          const birth = addDays(around, offset);
          const expected = ageBand(ageOn(birth, asOf));
          const found = ranges.filter((r) => (r.from === null || r.from <= birth) && birth <= r.to).map((r) => r.band);
          expect(found, `${birth} on ${asOf}`).toEqual(expected === null ? [] : [expected]);
        }
      }
    }
  });
});

describe("addMonths", () => {
  it("keeps the day, or clamps to the month's last day as PostgreSQL does", () => {
    expect(addMonths("2025-03-15", 12)).toBe("2026-03-15");
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2024-02-29", 24)).toBe("2026-02-28");
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(addMonths("2025-12-15", -12)).toBe("2024-12-15");
  });
  it("refuses bad input", () => {
    expect(() => addMonths("2025-02-30", 1)).toThrow(RangeError);
    expect(() => addMonths("2025-02-01", 1.5)).toThrow(RangeError);
  });
});

describe("benefit months", () => {
  it("validates YYYY-MM", () => {
    expect(isValidMonth("2026-12")).toBe(true);
    expect(isValidMonth("2026-13")).toBe(false);
    expect(isValidMonth("2026-00")).toBe(false);
    expect(isValidMonth("2026-1")).toBe(false);
    expect(isValidMonth("2026-12-01")).toBe(false);
    expect(() => nextMonth("2026-13")).toThrow(RangeError);
  });
  it("steps across year ends", () => {
    expect(nextMonth("2026-12")).toBe("2027-01");
    expect(previousMonth("2027-01")).toBe("2026-12");
    expect(addMonthsToMonth("2026-11", 14)).toBe("2028-01");
    expect(addMonthsToMonth("2026-11", -23)).toBe("2024-12");
    expect(monthsBetween("2026-11", "2027-02")).toBe(3);
    expect(monthsBetween("2027-02", "2026-11")).toBe(-3);
    expect(monthRange("2026-11", "2027-01")).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(monthRange("2026-11", "2026-10")).toEqual([]);
  });
  it("knows a month's first and last day, and the month after a date", () => {
    expect(monthOf("2024-02-29")).toBe("2024-02");
    expect(firstDayOfMonth("2024-02")).toBe("2024-02-01");
    expect(lastDayOfMonth("2024-02")).toBe("2024-02-29");
    expect(lastDayOfMonth("2025-02")).toBe("2025-02-28");
    expect(lastDayOfMonth("2026-12")).toBe("2026-12-31");
    expect(monthAfter("2026-12-31")).toBe("2027-01");
    expect(monthAfter("2026-12-01")).toBe("2027-01");
  });
});

describe("days", () => {
  it("counts calendar days and weekdays without the server's time zone", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2026-03-01", "2026-02-27")).toBe(-2);
    expect(weekday("2026-11-30")).toBe(1);
  });
  it("converts DATE column values at UTC midnight", () => {
    expect(isoDate(dateValue("2026-11-30"))).toBe("2026-11-30");
  });
});

import { describe, expect, it } from "vitest";
import { weekday } from "@/lib/dates";
import { addWorkingDays, EMPTY_CALENDAR, isWorkingDay, workingDaysBetween } from "@/lib/dates/working-days";

describe("working days", () => {
  it("knows the weekday of a date", () => {
    expect(weekday("2026-11-22")).toBe(0); // Sunday
    expect(weekday("2026-11-23")).toBe(1);
    expect(weekday("2024-02-29")).toBe(4);
  });

  it("skips weekends", () => {
    // Friday + 1 working day = Monday.
    expect(addWorkingDays("2026-11-20", 1, EMPTY_CALENDAR)).toBe("2026-11-23");
    // Monday + 5 = next Monday.
    expect(addWorkingDays("2026-11-23", 5, EMPTY_CALENDAR)).toBe("2026-11-30");
    // A step started on a Sunday: the first working day is Monday.
    expect(addWorkingDays("2026-11-22", 1, EMPTY_CALENDAR)).toBe("2026-11-23");
    expect(addWorkingDays("2026-11-23", 0, EMPTY_CALENDAR)).toBe("2026-11-23");
  });

  it("skips listed holidays and counts listed make-up working days", () => {
    const calendar = { holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"], workdays: ["2026-10-10"] };
    expect(isWorkingDay("2026-10-01", calendar)).toBe(false);
    expect(isWorkingDay("2026-10-10", calendar)).toBe(true); // a Saturday worked
    // Wednesday 30 September + 2 working days: 8 October (Thursday) and 9 October (Friday).
    expect(addWorkingDays("2026-09-30", 2, calendar)).toBe("2026-10-09");
    expect(addWorkingDays("2026-09-30", 3, calendar)).toBe("2026-10-10");
    expect(workingDaysBetween("2026-09-30", "2026-10-12", calendar)).toBe(4);
    expect(workingDaysBetween("2026-10-12", "2026-09-30", calendar)).toBe(-4);
  });

  it("refuses a negative limit and a calendar without working days", () => {
    expect(() => addWorkingDays("2026-11-23", -1, EMPTY_CALENDAR)).toThrow(RangeError);
    const days: string[] = [];
    for (let i = 0; i < 4000; i++) days.push(new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    expect(() => addWorkingDays("2026-01-01", 1, { holidays: days, workdays: [] })).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { benefitStartMonth, dueDateFor, isOverdue, noticeLastDay } from "@/lib/cases/deadlines";
import { EMPTY_CALENDAR } from "@/lib/dates/working-days";
import { defaultCountySetting } from "@/lib/settings/county-settings";

const limits = defaultCountySetting("case.stepLimits");

describe("case deadlines", () => {
  it("gives each open step its limit in working days", () => {
    // Monday 23 November 2026; township review has 10 working days: Monday 7 December.
    expect(dueDateFor("township_review", "2026-11-23", limits, EMPTY_CALENDAR)).toBe("2026-12-07");
    expect(dueDateFor("draft", "2026-11-23", limits, EMPTY_CALENDAR)).toBe("2026-11-26");
    expect(dueDateFor("township_review", "2026-11-23", { ...limits, township_review: 2 }, EMPTY_CALENDAR)).toBe("2026-11-25");
  });

  it("counts a running notice from its last day, and decided cases have no due date", () => {
    expect(dueDateFor("in_notice", "2026-11-23", limits, EMPTY_CALENDAR, "2026-11-29")).toBe("2026-12-02");
    expect(() => dueDateFor("in_notice", "2026-11-23", limits, EMPTY_CALENDAR)).toThrow();
    for (const s of ["approved", "rejected", "withdrawn"] as const) expect(dueDateFor(s, "2026-11-23", limits, EMPTY_CALENDAR)).toBeNull();
  });

  it("is overdue only after the due date", () => {
    expect(isOverdue("2026-11-23", "2026-11-23")).toBe(false);
    expect(isOverdue("2026-11-23", "2026-11-24")).toBe(true);
    expect(isOverdue(null, "2026-11-24")).toBe(false);
  });

  it("starts a benefit the month after approval by default, or in the approval month", () => {
    expect(benefitStartMonth("2026-11-30", "next_month")).toBe("2026-12");
    expect(benefitStartMonth("2026-12-01", "next_month")).toBe("2027-01");
    expect(benefitStartMonth("2026-12-01", "approval_month")).toBe("2026-12");
  });

  it("runs a notice for its days inclusive of the first", () => {
    expect(noticeLastDay("2026-11-23", 7)).toBe("2026-11-29");
    expect(noticeLastDay("2026-12-28", 7)).toBe("2027-01-03");
  });
});

import { describe, expect, it } from "vitest";
import { dueStateOf, nextDueDate } from "@/lib/assessment/due";
import { defaultCountySetting } from "@/lib/settings/county-settings";

const panan = defaultCountySetting("assessment.interval");

describe("nextDueDate (磐安县 default: under 80 every 24 months, 80 and over every 12)", () => {
  it("uses the age on the assessment date", () => {
    expect(panan).toEqual({ under80Months: 24, age80PlusMonths: 12 });
    expect(nextDueDate("2025-06-01", "1950-01-01", panan)).toBe("2027-06-01"); // 75
    expect(nextDueDate("2025-06-01", "1945-06-01", panan)).toBe("2026-06-01"); // 80 that day
    expect(nextDueDate("2025-05-31", "1945-06-01", panan)).toBe("2027-05-31"); // 79 the day before
  });
  it("follows the county's setting", () => {
    expect(nextDueDate("2025-06-01", "1950-01-01", { under80Months: 12, age80PlusMonths: 6 })).toBe("2026-06-01");
    expect(nextDueDate("2025-06-01", "1940-01-01", { under80Months: 12, age80PlusMonths: 6 })).toBe("2025-12-01");
  });
});

describe("dueStateOf", () => {
  it("is overdue after the due date, due soon within 30 days", () => {
    expect(dueStateOf("2026-01-09", "2026-01-10")).toBe("overdue");
    expect(dueStateOf("2026-01-10", "2026-01-10")).toBe("due_soon");
    expect(dueStateOf("2026-02-09", "2026-01-10")).toBe("due_soon");
    expect(dueStateOf("2026-02-10", "2026-01-10")).toBe("not_due");
  });
});

import { describe, expect, it } from "vitest";
import { settingFromForm, splitDates, STEP_LIMIT_KEYS } from "@/lib/settings/forms";
import { COUNTY_SETTINGS } from "@/lib/settings/county-settings";

const fieldErrorsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code: string; fieldErrors: Record<string, string[]> }).fieldErrors;
  }
  throw new Error("expected a validation error");
};

describe("county settings forms", () => {
  it("cover every step of case.stepLimits", () => {
    expect([...STEP_LIMIT_KEYS].sort()).toEqual(Object.keys(COUNTY_SETTINGS["case.stepLimits"].default).sort());
  });

  it("read step limits as whole working days 0–120, naming each bad field", () => {
    const values = { draft: "3", verification: "10", notice_pending: "3", in_notice: "3", returned: "10", township_review: "10", county_approval: "15" };
    expect(settingFromForm("case.stepLimits", values)).toEqual({ ...COUNTY_SETTINGS["case.stepLimits"].default, county_approval: 15 });
    expect(fieldErrorsOf(() => settingFromForm("case.stepLimits", { ...values, draft: "", verification: "2.5", returned: "121", township_review: "-1" }))).toEqual({
      draft: ["settings.validation.workingDays"],
      verification: ["settings.validation.workingDays"],
      returned: ["settings.validation.workingDays"],
      township_review: ["settings.validation.workingDays"],
    });
  });

  it("read the working-day calendar one date per line, sorted and without repeats; list the dates that are wrong", () => {
    expect(settingFromForm("calendar.workingDays", { holidays: "2026-10-02\n2026-10-01\r\n\n2026-10-01 ", workdays: "2026-09-27，2026-10-10" })).toEqual({
      holidays: ["2026-10-01", "2026-10-02"],
      workdays: ["2026-09-27", "2026-10-10"],
    });
    expect(settingFromForm("calendar.workingDays", { holidays: "", workdays: "" })).toEqual({ holidays: [], workdays: [] });
    expect(fieldErrorsOf(() => settingFromForm("calendar.workingDays", { holidays: "2026-02-30\n2026/10/01\n2026-10-03", workdays: "" }))).toEqual({
      holidays: ["settings.validation.badDates", "2026-02-30、2026/10/01"],
    });
    // A date in both lists, and a 调休上班日 that is no weekend day.
    expect(fieldErrorsOf(() => settingFromForm("calendar.workingDays", { holidays: "2026-09-27", workdays: "2026-09-27" }))).toEqual({ workdays: ["settings.validation.overlap", "2026-09-27"] });
    expect(fieldErrorsOf(() => settingFromForm("calendar.workingDays", { holidays: "", workdays: "2026-09-28" }))).toEqual({ workdays: ["settings.validation.notWeekend", "2026-09-28"] });
    expect(splitDates(" a ,b；c\n")).toEqual(["a", "b", "c"]);
  });

  it("read the benefit start, the reassessment interval and the one-up rule switch", () => {
    expect(settingFromForm("case.benefitStart", { benefitStart: "approval_month" })).toBe("approval_month");
    expect(fieldErrorsOf(() => settingFromForm("case.benefitStart", {}))).toEqual({ benefitStart: ["settings.validation.benefitStart"] });
    expect(settingFromForm("assessment.interval", { under80Months: "24", age80PlusMonths: "12" })).toEqual({ under80Months: 24, age80PlusMonths: 12 });
    expect(fieldErrorsOf(() => settingFromForm("assessment.interval", { under80Months: "0", age80PlusMonths: "abc" }))).toEqual({
      under80Months: ["settings.validation.months"],
      age80PlusMonths: ["settings.validation.months"],
    });
    expect(settingFromForm("assessment.stackOneUpRules", { stackOneUpRules: "on" })).toBe(true);
    expect(settingFromForm("assessment.stackOneUpRules", {})).toBe(false);
  });
});

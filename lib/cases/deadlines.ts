// Due dates of workflow steps and the first month of an approved benefit. Pure.
import { addDays, monthAfter, monthOf } from "@/lib/dates";
import { addWorkingDays, type TWorkCalendar } from "@/lib/dates/working-days";
import type { TCaseStatus } from "@/lib/cases/workflow";
import type { TCountySettingValue } from "@/lib/settings/county-settings";

export type TStepLimits = TCountySettingValue<"case.stepLimits">;
export type TBenefitStart = TCountySettingValue<"case.benefitStart">;

/**
 * The due date of the step a case has just entered on `today`; null once decided. A running
 * notice is due `in_notice` working days after its last day (time to take it down and move on).
 */
export function dueDateFor(
  status: TCaseStatus,
  today: string,
  limits: TStepLimits,
  calendar: TWorkCalendar,
  noticeEndsOn: string | null = null,
): string | null {
  switch (status) {
    case "approved":
    case "rejected":
    case "withdrawn":
      return null;
    case "in_notice":
      if (!noticeEndsOn) throw new Error("a running notice needs its last day");
      return addWorkingDays(noticeEndsOn, limits.in_notice, calendar);
    default:
      return addWorkingDays(today, limits[status], calendar);
  }
}

/** Whether an open step is past its due date (due today is not yet overdue). */
export function isOverdue(dueDate: string | null, today: string): boolean {
  return dueDate !== null && dueDate < today;
}

/** The first benefit month of a case approved on `approvedOn`. */
export function benefitStartMonth(approvedOn: string, rule: TBenefitStart): string {
  return rule === "approval_month" ? monthOf(approvedOn) : monthAfter(approvedOn);
}

/** The last day of a notice of `days` calendar days that starts on `start` (inclusive). */
export function noticeLastDay(start: string, days: number): string {
  return addDays(start, days - 1);
}

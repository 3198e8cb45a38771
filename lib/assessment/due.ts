// When the next assessment falls due (ADR 008): the last confirmed assessment's date plus the
// county's interval, chosen by the person's 周岁 age on that date. Pure; the due list computes
// the same rule in SQL (lib/assessment/queries.ts) and an integration test keeps the two equal.
import { addDays, addMonths, ageOn } from "@/lib/dates";
import type { TAssessmentInterval } from "@/lib/settings/county-settings";

/** The age from which the shorter interval applies. */
export const OLDER_AGE = 80;
/** The due list's horizon: due within this many days (or overdue). */
export const DUE_WINDOW_DAYS = 30;

/** The interval in months for someone of `birthDate` assessed on `assessedOn`. */
export function intervalMonthsFor(birthDate: string, assessedOn: string, interval: TAssessmentInterval): number {
  return ageOn(birthDate, assessedOn) >= OLDER_AGE ? interval.age80PlusMonths : interval.under80Months;
}

export function nextDueDate(lastConfirmedOn: string, birthDate: string, interval: TAssessmentInterval): string {
  return addMonths(lastConfirmedOn, intervalMonthsFor(birthDate, lastConfirmedOn, interval));
}

export type TDueState = "overdue" | "due_soon" | "not_due";

/** Overdue once the due date has passed; due soon within the window (the due date included). */
export function dueStateOf(dueOn: string, today: string): TDueState {
  if (dueOn < today) return "overdue";
  return dueOn <= addDays(today, DUE_WINDOW_DAYS) ? "due_soon" : "not_due";
}

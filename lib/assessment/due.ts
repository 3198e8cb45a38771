// When the next assessment falls due (ADR 008): the last confirmed assessment's date plus the
// county's interval, chosen by the person's 周岁 age on that date. Pure; the due list computes
// the same rule in SQL (lib/assessment/queries.ts) and an integration test keeps the two equal.
import { addDays, ageOn, daysInMonth, isValidIsoDate } from "@/lib/elders/dates";
import type { TAssessmentInterval } from "@/lib/settings/county-settings";

/** The age from which the shorter interval applies. */
export const OLDER_AGE = 80;
/** The due list's horizon: due within this many days (or overdue). */
export const DUE_WINDOW_DAYS = 30;

/**
 * The same day `months` later; a day the target month lacks becomes its last day
 * (2025-01-31 + 1 month = 2025-02-28), as PostgreSQL's `date + interval 'n months'` does.
 */
export function addMonths(isoDate: string, months: number): string {
  if (!isValidIsoDate(isoDate)) throw new RangeError(`not a valid ISO date: ${isoDate}`);
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer: ${months}`);
  const [y, m, d] = isoDate.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

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

// Working days for step time limits (办理时限). Monday to Friday are working days, except the
// county's listed public holidays; weekend days the State Council moves into working days
// (调休上班) are listed too. Both lists are a county setting (calendar.workingDays) that the
// county admin keeps up to date from each year's 国务院办公厅 notice.
import { addDays, weekday } from "@/lib/dates";

export type TWorkCalendar = { holidays: readonly string[]; workdays: readonly string[] };

export const EMPTY_CALENDAR: TWorkCalendar = { holidays: [], workdays: [] };

export function isWorkingDay(isoDate: string, calendar: TWorkCalendar): boolean {
  if (calendar.workdays.includes(isoDate)) return true;
  if (calendar.holidays.includes(isoDate)) return false;
  const day = weekday(isoDate);
  return day !== 0 && day !== 6;
}

/**
 * The due date of a step started on `start` with a limit of `days` working days: the
 * `days`-th working day after the start day (the start day itself does not count, as in
 * 行政许可法's "自受理之日起 N 个工作日内"). A limit of 0 is due on the start day.
 */
export function addWorkingDays(start: string, days: number, calendar: TWorkCalendar): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer: ${days}`);
  let date = start;
  let left = days;
  // A year of consecutive non-working days would mean a broken calendar; stop rather than loop.
  for (let guard = 0; left > 0; guard++) {
    if (guard > 3660) throw new RangeError("no working days in the calendar");
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) left--;
  }
  return date;
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string, calendar: TWorkCalendar): number {
  if (from === to) return 0;
  const sign = from < to ? 1 : -1;
  const [start, b] = sign > 0 ? [from, to] : [to, from];
  let a = start;
  let count = 0;
  while (a < b) {
    a = addDays(a, 1);
    if (isWorkingDay(a, calendar)) count++;
  }
  return sign * count;
}

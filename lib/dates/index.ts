// The one date module. Calendar dates cross boundaries as ISO strings "YYYY-MM-DD" and benefit
// months as "YYYY-MM", both in Asia/Shanghai (STANDARDS.md); the arithmetic below works on
// (year, month, day) triples and never on Date objects, so the server's own time zone can never
// shift a day. Working days are in ./working-days.ts.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SHANGHAI = "Asia/Shanghai";

type TYmd = { year: number; month: number; day: number };

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether the numbers name a real day of the (proleptic) Gregorian calendar; year 0 is refused. */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** "YYYY-MM-DD" naming a day that exists (2000-02-29 yes, 1900-02-29 no). */
export function isValidIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

function parse(value: string): TYmd {
  const m = ISO_DATE.exec(value);
  if (!m || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`not a valid ISO date: ${value}`);
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function format({ year, month, day }: TYmd): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Today's date in Asia/Shanghai. An instant late in the UTC evening is already tomorrow here. */
export function todayInShanghai(now: Date = new Date()): string {
  // formatToParts rather than a fixed +8 h offset: it stays right for any instant the tz database
  // knows (China observed summer time 1986–1991) and does not depend on the server's zone.
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: SHANGHAI,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return format({ year: get("year"), month: get("month"), day: get("day") });
}

/**
 * 周岁 on `onDate`: the number of birthdays reached by that day (the birthday itself counts).
 *
 * Someone born on 29 February has no birthday in a common year; we count their birthday as
 * reached on 1 March, i.e. they are still the younger age on 28 February. This is the reading
 * of "completed years" (满 N 周岁) — the anniversary has not passed until 28 February is over —
 * and it is what `addYears` and `birthDateRangeForBand` assume, so the three always agree.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const b = parse(birthDate);
  const d = parse(onDate);
  if (onDate < birthDate) throw new RangeError(`${onDate} is before the birth date ${birthDate}`);
  const birthdayReached = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (birthdayReached ? 0 : 1);
}

/**
 * The same month and day `years` later (or earlier, when negative). 29 February in a target year
 * without one becomes 1 March, so `addYears(birthDate, n)` is exactly the day someone turns n:
 * `ageOn(b, addYears(b, n)) === n` and the day before it they are n − 1.
 */
export function addYears(isoDate: string, years: number): string {
  if (!Number.isInteger(years)) throw new RangeError(`years must be an integer: ${years}`);
  const d = parse(isoDate);
  const year = d.year + years;
  if (d.month === 2 && d.day === 29 && !isLeapYear(year)) return format({ year, month: 3, day: 1 });
  const out = { year, month: d.month, day: d.day };
  if (!isValidYmd(out.year, out.month, out.day)) throw new RangeError(`${isoDate} + ${years} years is out of range`);
  return format(out);
}

/** The date `days` later (or earlier, when negative). */
export function addDays(isoDate: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  const d = parse(isoDate);
  // Date.UTC is used only as a day counter; UTC has no transitions, so no day is lost or doubled.
  const t = new Date(0);
  t.setUTCFullYear(d.year, d.month - 1, d.day + days);
  const out = { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
  if (!isValidYmd(out.year, out.month, out.day)) throw new RangeError(`${isoDate} + ${days} days is out of range`);
  return format(out);
}

export const AGE_BANDS = ["60-69", "70-79", "80-89", "90-99", "100+"] as const;
export type TAgeBand = (typeof AGE_BANDS)[number];

/** Inclusive age limits of each band; 100+ has no upper limit. */
const BAND_LIMITS: Record<TAgeBand, { min: number; max: number | null }> = {
  "60-69": { min: 60, max: 69 },
  "70-79": { min: 70, max: 79 },
  "80-89": { min: 80, max: 89 },
  "90-99": { min: 90, max: 99 },
  "100+": { min: 100, max: null },
};

/** The statistics band for a 周岁 age; null under 60 (not an elder for this system). */
export function ageBand(age: number): TAgeBand | null {
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`not an age: ${age}`);
  if (age < 60) return null;
  if (age >= 100) return "100+";
  const low = Math.floor(age / 10) * 10;
  return `${low}-${low + 9}` as TAgeBand;
}

/**
 * The latest birth date of someone at least `age` 周岁 on `asOf`: the same month and day `age`
 * years earlier. When that is 29 February of a common year (asOf is a 29 February), it is
 * 28 February: someone born on 28 February has had their birthday, someone born on 1 March has not.
 */
function latestBirthDateForAge(age: number, asOf: string): string {
  const d = parse(asOf);
  const year = d.year - age;
  const day = d.month === 2 && d.day === 29 && !isLeapYear(year) ? 28 : d.day;
  return format({ year, month: d.month, day });
}

/**
 * The inclusive birth-date range of everyone in `band` on `asOf`, for a range filter on an
 * indexed birth_date column: `from <= birth_date AND birth_date <= to`. `from` is null for the
 * open-ended 100+ band. Exact on birthdays, including 29 February births (see ageOn).
 */
export function birthDateRangeForBand(band: TAgeBand, asOf: string): { from: string | null; to: string } {
  const { min, max } = BAND_LIMITS[band];
  const to = latestBirthDateForAge(min, asOf);
  // Older than `max` means at least max + 1; the band starts the day after that group ends.
  const from = max === null ? null : addDays(latestBirthDateForAge(max + 1, asOf), 1);
  return { from, to };
}

/**
 * The same day `months` later (or earlier); a day the target month lacks becomes its last day
 * (2025-01-31 + 1 month = 2025-02-28), as PostgreSQL's `date + interval 'n months'` does.
 */
export function addMonths(isoDate: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer: ${months}`);
  const d = parse(isoDate);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const out = { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
  if (!isValidYmd(out.year, out.month, out.day)) throw new RangeError(`${isoDate} + ${months} months is out of range`);
  return format(out);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(isoDate: string): number {
  const d = parse(isoDate);
  const t = new Date(0);
  t.setUTCFullYear(d.year, d.month - 1, d.day);
  return t.getUTCDay();
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parse(from);
  const b = parse(to);
  const t = (x: TYmd) => {
    const d = new Date(0);
    d.setUTCFullYear(x.year, x.month - 1, x.day);
    return d.getTime();
  };
  return Math.round((t(b) - t(a)) / 86_400_000);
}

// ── Benefit months ("YYYY-MM") ─────────────────────────────────────────────────────────────

const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** "YYYY-MM" naming a real month (year 1–9999). */
export function isValidMonth(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_MONTH.exec(value);
  return m !== null && Number(m[1]) >= 1 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function monthIndex(month: string): number {
  if (!isValidMonth(month)) throw new RangeError(`not a valid month: ${month}`);
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  if (year < 1 || year > 9999) throw new RangeError(`month out of range: ${index}`);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The month of a date. */
export function monthOf(isoDate: string): string {
  parse(isoDate);
  return isoDate.slice(0, 7);
}

/** The month `n` months after `month` (before it when negative). */
export function addMonthsToMonth(month: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`months must be an integer: ${n}`);
  return monthFromIndex(monthIndex(month) + n);
}

export const nextMonth = (month: string) => addMonthsToMonth(month, 1);
export const previousMonth = (month: string) => addMonthsToMonth(month, -1);

/** Whole months from `from` to `to` ("2026-01" → "2026-03" is 2; negative when earlier). */
export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from);
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i));
  return out;
}

export function firstDayOfMonth(month: string): string {
  monthIndex(month);
  return `${month}-01`;
}

export function lastDayOfMonth(month: string): string {
  const index = monthIndex(month);
  return `${month}-${String(daysInMonth(Math.floor(index / 12), (index % 12) + 1)).padStart(2, "0")}`;
}

/** The month after the month of `isoDate`: when something dated that day takes effect by default. */
export const monthAfter = (isoDate: string) => nextMonth(monthOf(isoDate));

// ── DATE columns ───────────────────────────────────────────────────────────────────────────
// Prisma hands a PostgreSQL DATE over as a Date at 00:00 UTC; these convert at that boundary.

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export const isoDateOrNull = (d: Date | null | undefined) => (d ? isoDate(d) : null);
/** An ISO date as the value of a DATE column. */
export const dateValue = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

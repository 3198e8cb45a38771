// The county settings page's forms: form fields → a setting's value, or field errors (catalogue
// keys; offending dates are listed as they were typed). No database access: unit-tested on its own.
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";
import { isValidIsoDate } from "@/lib/dates";
import { weekday } from "@/lib/dates";
import { COUNTY_SETTINGS, type TCountySettingKey, type TCountySettingValue } from "@/lib/settings/county-settings";
import { EFFECTIVE_MONTH_RULES, STEP_LIMIT_KEYS } from "@/lib/settings/steps";

export { STEP_LIMIT_KEYS };

export const SETTING_LIMITS = { workingDays: { min: 0, max: 120 }, months: { min: 1, max: 120 }, holidays: 400, workdays: 100 } as const;

function integerIn(text: string | undefined, min: number, max: number): number | null {
  const value = (text ?? "").trim();
  if (!/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/** Dates typed one per line (commas and spaces also separate), sorted, without repeats. */
export function splitDates(text: string | undefined): string[] {
  return (text ?? "")
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function checkDates(field: "holidays" | "workdays", entries: string[], errors: TFieldErrors): string[] {
  const bad = entries.filter((d) => !isValidIsoDate(d));
  if (bad.length) {
    errors[field] = ["settings.validation.badDates", bad.join("、")];
    return [];
  }
  const dates = [...new Set(entries)].sort();
  if (dates.length > SETTING_LIMITS[field]) errors[field] = [`settings.validation.tooManyDates.${field}`];
  return dates;
}

/** Reads one settings form. Throws VALIDATION with field errors named after the form's fields. */
export function settingFromForm<K extends TCountySettingKey>(key: K, values: Record<string, string>): TCountySettingValue<K> {
  const errors: TFieldErrors = {};
  let value: unknown;
  switch (key) {
    case "case.stepLimits": {
      const limits: Record<string, number> = {};
      for (const step of STEP_LIMIT_KEYS) {
        const n = integerIn(values[step], SETTING_LIMITS.workingDays.min, SETTING_LIMITS.workingDays.max);
        if (n === null) errors[step] = ["settings.validation.workingDays"];
        else limits[step] = n;
      }
      value = limits;
      break;
    }
    case "case.benefitStart":
      value = values.benefitStart;
      if (value !== "next_month" && value !== "approval_month") errors.benefitStart = ["settings.validation.benefitStart"];
      break;
    case "calendar.workingDays": {
      const holidays = checkDates("holidays", splitDates(values.holidays), errors);
      const workdays = checkDates("workdays", splitDates(values.workdays), errors);
      const both = holidays.filter((d) => workdays.includes(d));
      if (both.length) errors.workdays = ["settings.validation.overlap", both.join("、")];
      // 调休上班 moves weekend days into the working week; a Monday-to-Friday date is a working day anyway.
      const weekdays = workdays.filter((d) => weekday(d) !== 0 && weekday(d) !== 6);
      if (weekdays.length && !errors.workdays) errors.workdays = ["settings.validation.notWeekend", weekdays.join("、")];
      value = { holidays, workdays };
      break;
    }
    case "assessment.interval": {
      const { min, max } = SETTING_LIMITS.months;
      const under80Months = integerIn(values.under80Months, min, max);
      const age80PlusMonths = integerIn(values.age80PlusMonths, min, max);
      if (under80Months === null) errors.under80Months = ["settings.validation.months"];
      if (age80PlusMonths === null) errors.age80PlusMonths = ["settings.validation.months"];
      value = { under80Months, age80PlusMonths };
      break;
    }
    case "entitlement.effectiveMonths": {
      const rules: Record<string, string> = {};
      for (const rule of EFFECTIVE_MONTH_RULES) {
        const v = values[rule];
        if (v !== "same_month" && v !== "next_month") errors[rule] = ["settings.validation.effectiveMonth"];
        else rules[rule] = v;
      }
      value = rules;
      break;
    }
    case "entitlement.certification": {
      // One row per item: cert_<code> (needs it), interval_<code>, grace_<code>, backPay_<code>.
      const items: Record<string, { intervalMonths: number | null; graceDays: number | null; backPay: boolean }> = {};
      for (const [name, checked] of Object.entries(values)) {
        if (!name.startsWith("cert_") || checked !== "on") continue;
        const code = name.slice("cert_".length);
        const intervalMonths = integerIn(values[`interval_${code}`], 1, 60);
        const graceDays = integerIn(values[`grace_${code}`], 0, 365);
        if (intervalMonths === null) errors[`interval_${code}`] = ["settings.validation.certInterval"];
        if (graceDays === null) errors[`grace_${code}`] = ["settings.validation.certGrace"];
        items[code] = { intervalMonths, graceDays, backPay: values[`backPay_${code}`] === "on" };
      }
      value = items;
      break;
    }
    case "assessment.stackOneUpRules":
      value = values.stackOneUpRules === "on" || values.stackOneUpRules === "true";
      break;
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION", `invalid ${key}`, { fieldErrors: errors });
  // The setting's own schema has the last word (the service checks it again).
  const parsed = COUNTY_SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) throw new AppError("VALIDATION", `invalid ${key}`, { fieldErrors: { _form: ["validation.invalid"] } });
  return parsed.data as TCountySettingValue<K>;
}

"use client";
import { useActionState, useEffect, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { toast } from "@/components/ui/toaster";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";
import type { TCountySettingKey, TCountySettingValue } from "@/lib/settings/county-settings";
import { STEP_LIMIT_KEYS } from "@/lib/settings/steps";

export type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;
export type TFormProps<K extends TCountySettingKey> = { action: TAction; value: TCountySettingValue<K> };


/** One setting's form: its key, the form-level message, the save button; toasts on success. */
export function useSettingForm(action: TAction) {
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  useEffect(() => {
    if (state.ok && state.message) toast.success(state.message);
  }, [state]);
  return [state, formAction] as const;
}

export function SettingForm({ settingKey, state, formAction, children }: { settingKey: TCountySettingKey; state: TFormState; formAction: (formData: FormData) => void; children: ReactNode }) {
  const t = useTranslations("settings");
  const tc = useTranslations("common");
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate data-testid={`setting-${settingKey}`}>
      <input type="hidden" name="key" value={settingKey} />
      <Notice tone="error">{!state.ok && state.message ? state.message : null}</Notice>
      {children}
      <div>
        <SubmitButton pendingLabel={tc("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}

/** The typed value after a failed save, else the stored one. */
export const shown = (state: TFormState, name: string, stored: string) => (!state.ok && state.values?.[name] !== undefined ? state.values[name] : stored);

export function StepLimitsForm({ action, value }: TFormProps<"case.stepLimits">) {
  const t = useTranslations("settings");
  const [state, formAction] = useSettingForm(action);
  return (
    <SettingForm settingKey="case.stepLimits" state={state} formAction={formAction}>
      <div className="grid gap-x-4 gap-y-3 sm:grid-cols-2 lg:grid-cols-4">
        {STEP_LIMIT_KEYS.map((step) => (
          <Field key={step} label={t(`stepLimits.steps.${step}`)} hint={t("stepLimits.unit")} errors={state.fieldErrors?.[step]}>
            <Input name={step} inputMode="numeric" defaultValue={shown(state, step, String(value[step]))} className="w-28" />
          </Field>
        ))}
      </div>
    </SettingForm>
  );
}

export function BenefitStartForm({ action, value }: TFormProps<"case.benefitStart">) {
  const t = useTranslations("settings");
  const [state, formAction] = useSettingForm(action);
  const current = shown(state, "benefitStart", value);
  return (
    <SettingForm settingKey="case.benefitStart" state={state} formAction={formAction}>
      <fieldset className="flex flex-col gap-1.5" aria-describedby="benefit-start-error">
        <legend className="sr-only">{t("benefitStart.title")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {(["next_month", "approval_month"] as const).map((option) => (
            <label key={option} className="flex items-center gap-2">
              <input type="radio" name="benefitStart" value={option} defaultChecked={current === option} className="size-4 accent-brand-700" />
              {t(`benefitStart.${option}`)}
            </label>
          ))}
        </div>
        <p id="benefit-start-error" aria-live="polite" className="text-xs text-red-700">
          {state.fieldErrors?.benefitStart?.join(" ")}
        </p>
      </fieldset>
    </SettingForm>
  );
}

export function CalendarForm({ action, value }: TFormProps<"calendar.workingDays">) {
  const t = useTranslations("settings");
  const [state, formAction] = useSettingForm(action);
  return (
    <SettingForm settingKey="calendar.workingDays" state={state} formAction={formAction}>
      <div className="grid gap-4 md:grid-cols-2">
        {(["holidays", "workdays"] as const).map((field) => (
          <Field
            key={field}
            label={`${t(`calendar.${field}`)}（${t("calendar.count", { count: value[field].length })}）`}
            hint={t(`calendar.${field}Hint`)}
            errors={state.fieldErrors?.[field]}
          >
            <Textarea name={field} rows={10} defaultValue={shown(state, field, value[field].join("\n"))} className="font-mono" placeholder="2026-10-01" spellCheck={false} />
          </Field>
        ))}
      </div>
    </SettingForm>
  );
}

export function IntervalForm({ action, value }: TFormProps<"assessment.interval">) {
  const t = useTranslations("settings");
  const [state, formAction] = useSettingForm(action);
  return (
    <SettingForm settingKey="assessment.interval" state={state} formAction={formAction}>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label={t("interval.under80")} errors={state.fieldErrors?.under80Months}>
          <Input name="under80Months" inputMode="numeric" defaultValue={shown(state, "under80Months", String(value.under80Months))} className="w-28" />
        </Field>
        <Field label={t("interval.age80Plus")} errors={state.fieldErrors?.age80PlusMonths}>
          <Input name="age80PlusMonths" inputMode="numeric" defaultValue={shown(state, "age80PlusMonths", String(value.age80PlusMonths))} className="w-28" />
        </Field>
      </div>
    </SettingForm>
  );
}

export function StackOneUpForm({ action, value }: TFormProps<"assessment.stackOneUpRules">) {
  const t = useTranslations("settings");
  const [state, formAction] = useSettingForm(action);
  return (
    <SettingForm settingKey="assessment.stackOneUpRules" state={state} formAction={formAction}>
      <div className="flex flex-col gap-1">
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="stackOneUpRules" defaultChecked={value} className="size-4 accent-brand-700" />
          {t("stackOneUp.label")}
        </label>
        <p className="text-xs text-slate-500">{t("stackOneUp.hint")}</p>
      </div>
    </SettingForm>
  );
}

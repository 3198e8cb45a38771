"use client";
import { useTranslations } from "next-intl";
import { Input, Select } from "@/components/ui/input";
import { SettingForm, shown, useSettingForm, type TAction, type TFormProps } from "@/components/settings/setting-forms";
import { EFFECTIVE_MONTH_RULES } from "@/lib/settings/steps";

/** 待遇变动起算月: for each kind of dated change, the month of the change or the month after. */
export function EffectiveMonthsForm({ action, value }: TFormProps<"entitlement.effectiveMonths">) {
  const t = useTranslations("settings");
  const [state, formAction] = useSettingForm(action);
  return (
    <SettingForm settingKey="entitlement.effectiveMonths" state={state} formAction={formAction}>
      <div className="grid gap-x-6 gap-y-3 md:grid-cols-2">
        {EFFECTIVE_MONTH_RULES.map((rule) => (
          <label key={rule} className="flex flex-col gap-1 text-sm text-slate-800">
            {t(`effectiveMonths.rules.${rule}.label`)}
            <Select name={rule} defaultValue={shown(state, rule, value[rule])} aria-invalid={state.fieldErrors?.[rule] ? true : undefined}>
              {(["next_month", "same_month"] as const).map((option) => (
                <option key={option} value={option}>
                  {t(`effectiveMonths.rules.${rule}.${option}`)}
                </option>
              ))}
            </Select>
          </label>
        ))}
      </div>
    </SettingForm>
  );
}

/** 资格认证 per item: whether it needs one, how often, the grace period, whether suspended months are paid back. */
export function CertificationSettingsForm({ action, value, items }: { action: TAction; value: TFormProps<"entitlement.certification">["value"]; items: { code: string; name: string }[] }) {
  const t = useTranslations("settings");
  const [state, formAction] = useSettingForm(action);
  const errors = state.fieldErrors ?? {};
  return (
    <SettingForm settingKey="entitlement.certification" state={state} formAction={formAction}>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-slate-600">
            <tr>
              <th className="py-1 pr-3 font-medium">{t("certification.columns.item")}</th>
              <th className="py-1 pr-3 font-medium">{t("certification.columns.needed")}</th>
              <th className="py-1 pr-3 font-medium">{t("certification.columns.interval")}</th>
              <th className="py-1 pr-3 font-medium">{t("certification.columns.grace")}</th>
              <th className="py-1 font-medium">{t("certification.columns.backPay")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((item) => {
              const rule = value[item.code];
              const failed = !state.ok && state.values;
              return (
                <tr key={item.code} data-item={item.code}>
                  <td className="py-1.5 pr-3">
                    {item.name} <span className="text-xs text-slate-500">{item.code}</span>
                  </td>
                  <td className="py-1.5 pr-3">
                    <input type="checkbox" name={`cert_${item.code}`} defaultChecked={failed ? state.values?.[`cert_${item.code}`] === "on" : !!rule} aria-label={t("certification.neededFor", { item: item.name })} className="size-4 accent-brand-700" />
                  </td>
                  <td className="py-1.5 pr-3">
                    <Input name={`interval_${item.code}`} inputMode="numeric" defaultValue={shown(state, `interval_${item.code}`, String(rule?.intervalMonths ?? 12))} className="w-20" aria-label={t("certification.columns.interval")} aria-invalid={errors[`interval_${item.code}`] ? true : undefined} />
                  </td>
                  <td className="py-1.5 pr-3">
                    <Input name={`grace_${item.code}`} inputMode="numeric" defaultValue={shown(state, `grace_${item.code}`, String(rule?.graceDays ?? 30))} className="w-20" aria-label={t("certification.columns.grace")} aria-invalid={errors[`grace_${item.code}`] ? true : undefined} />
                  </td>
                  <td className="py-1.5">
                    <input type="checkbox" name={`backPay_${item.code}`} defaultChecked={failed ? state.values?.[`backPay_${item.code}`] === "on" : (rule?.backPay ?? true)} aria-label={t("certification.columns.backPay")} className="size-4 accent-brand-700" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {Object.entries(errors).length ? (
        <p className="text-xs text-red-700" aria-live="polite">
          {[...new Set(Object.values(errors).flat())].join(" ")}
        </p>
      ) : null}
    </SettingForm>
  );
}

"use client";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { toast } from "@/components/ui/toaster";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";
import { fenToYuanInput, formatFen } from "@/lib/money";

export type TParamRow = { name: string; label: string; unit: "fen_per_month" | "fen"; basis: string; defaultFen: number | null; valueFen: number | null };


/** 县级参数: a value in yuan per parameter; empty means the catalogue's default applies. */
export function ParamsForm({ action, parameters }: { action: (state: TFormState, formData: FormData) => Promise<TFormState>; parameters: TParamRow[] }) {
  const t = useTranslations("catalogue");
  const tc = useTranslations("common");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  useEffect(() => {
    if (state.ok && state.message) toast.success(state.message);
  }, [state]);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate data-testid="params-form">
      <Notice tone="error">{!state.ok && state.message ? state.message : null}</Notice>
      <div className="grid gap-4 md:grid-cols-2">
        {parameters.map((p) => (
          <div key={p.name}>
            <input type="hidden" name={`was_${p.name}`} value={p.valueFen ?? ""} />
            <Field
              label={`${p.label}（${t(`params.unit.${p.unit}`)}）`}
              hint={`${p.defaultFen === null ? t("params.noDefault") : t("params.default", { amount: formatFen(p.defaultFen) })}。${p.basis}`}
              errors={errors[`param_${p.name}`]}
            >
              <Input name={`param_${p.name}`} inputMode="decimal" defaultValue={state.values?.[`param_${p.name}`] ?? fenToYuanInput(p.valueFen)} placeholder={fenToYuanInput(p.defaultFen)} />
            </Field>
          </div>
        ))}
      </div>
      <div>
        <SubmitButton pendingLabel={tc("saving")}>{t("params.save")}</SubmitButton>
      </div>
    </form>
  );
}

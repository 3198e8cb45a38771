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

export type TParamHistoryRow = { id: string; valueFen: number | null; effectiveFrom: string; note: string | null; createdBy: string };
export type TParamRow = {
  name: string;
  label: string;
  unit: "fen_per_month" | "fen";
  basis: string;
  defaultFen: number | null;
  /** In force today; null = the default applies. */
  valueFen: number | null;
  /** The latest dated value (may be scheduled): its id guards against a concurrent edit. */
  latest: TParamHistoryRow | null;
  /** Newest first. */
  history: TParamHistoryRow[];
};

/**
 * 县级参数: a new value in yuan per parameter (empty = the catalogue's default), all from one
 * effective date; below each, the parameter's dated history. Only changed parameters are saved.
 */
export function ParamsForm({ action, parameters, today }: { action: (state: TFormState, formData: FormData) => Promise<TFormState>; parameters: TParamRow[]; today: string }) {
  const t = useTranslations("catalogue");
  const tc = useTranslations("common");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  useEffect(() => {
    if (state.ok && state.message) toast.success(state.message);
  }, [state]);
  const errors = state.fieldErrors ?? {};
  const valueLabel = (fen: number | null) => (fen === null ? t("params.backToDefault") : formatFen(fen));
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate data-testid="params-form">
      <Notice tone="error">{!state.ok && state.message ? state.message : null}</Notice>
      <div className="grid gap-4 md:grid-cols-2">
        {parameters.map((p) => (
          <div key={p.name} data-param={p.name}>
            <input type="hidden" name={`was_${p.name}`} value={p.latest?.id ?? ""} />
            <Field
              label={`${p.label}（${t(`params.unit.${p.unit}`)}）`}
              hint={`${p.defaultFen === null ? t("params.noDefault") : t("params.default", { amount: formatFen(p.defaultFen) })}。${p.basis}`}
              errors={errors[`param_${p.name}`]}
            >
              <Input
                name={`param_${p.name}`}
                inputMode="decimal"
                defaultValue={state.values?.[`param_${p.name}`] ?? fenToYuanInput(p.latest?.valueFen ?? null)}
                placeholder={fenToYuanInput(p.defaultFen)}
              />
            </Field>
            <p className="mt-1 text-xs text-slate-600" data-testid="param-in-force">
              {t("params.inForce", { value: valueLabel(p.valueFen), date: today })}
            </p>
            {p.history.length ? (
              <details className="mt-1 text-xs text-slate-600" open={p.history.length > 1}>
                <summary className="cursor-pointer">{t("params.history", { count: p.history.length })}</summary>
                <ol className="mt-1 flex flex-col gap-0.5 border-l border-slate-200 pl-3" data-testid="param-history">
                  {p.history.map((h) => (
                    <li key={h.id}>
                      <span className="tabular-nums">{h.effectiveFrom}</span> {t("params.from")} <span className="font-medium tabular-nums">{valueLabel(h.valueFen)}</span>
                      {h.effectiveFrom > today ? <span className="ml-1 text-brand-700">{t("params.scheduled")}</span> : null}
                      <span className="ml-1 text-slate-500">
                        {h.createdBy}
                        {h.note ? ` · ${h.note}` : ""}
                      </span>
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </div>
        ))}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label={t("params.effectiveFrom")} hint={t("params.effectiveFromHint")} errors={errors.effectiveFrom} required>
          <Input name="effectiveFrom" type="date" defaultValue={state.values?.effectiveFrom ?? today} />
        </Field>
        <Field label={t("params.note")} hint={t("params.noteHint")} errors={errors.note}>
          <Input name="note" maxLength={200} defaultValue={state.values?.note ?? ""} />
        </Field>
      </div>
      <div>
        <SubmitButton pendingLabel={tc("saving")}>{t("params.save")}</SubmitButton>
      </div>
    </form>
  );
}

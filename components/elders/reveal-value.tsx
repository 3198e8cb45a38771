"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Eye } from "lucide-react";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";

/** A masked identifier with a 查看完整 button; the server audits each look. */
export function RevealValue({
  elderId,
  field,
  masked,
  canReveal,
  action,
}: {
  elderId: string;
  field: "idNumber" | "bankAccount";
  masked: string;
  canReveal: boolean;
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
}) {
  const t = useTranslations("registry");
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const revealed = state.ok ? state.values?.value : undefined;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono" data-testid={`${field}-value`}>
        {revealed ?? masked}
      </span>
      {revealed ? (
        <span className="text-xs text-slate-500">{t("revealed")}</span>
      ) : canReveal ? (
        <form action={formAction}>
          <input type="hidden" name="id" value={elderId} />
          <input type="hidden" name="field" value={field} />
          <button type="submit" disabled={pending} className="inline-flex items-center gap-1 text-xs text-brand-700 hover:underline" data-testid={`reveal-${field}`}>
            <Eye className="size-3.5" aria-hidden="true" />
            {t("reveal")}
          </button>
        </form>
      ) : null}
      {!state.ok && state.message ? <span className="text-xs text-red-700">{state.message}</span> : null}
    </span>
  );
}

"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

/** 确认评估 (shown only to roles that may; the server checks again). */
export function ConfirmAssessmentButton({ id, version, action }: { id: string; version: number; action: TAction }) {
  const t = useTranslations("assessment");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {!state.ok && state.message ? (
        <span className="text-sm text-red-700" aria-live="polite" data-testid="confirm-error">
          {state.message}
        </span>
      ) : null}
      <SubmitButton pendingLabel={t("form.saving")} title={t("form.confirmHint")}>
        {t("form.confirm")}
      </SubmitButton>
    </form>
  );
}

/** 更正评估: creates a correction draft. */
export function CorrectAssessmentButton({ id, action }: { id: string; action: TAction }) {
  const t = useTranslations("assessment");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      {!state.ok && state.message ? (
        <span className="text-sm text-red-700" aria-live="polite">
          {state.message}
        </span>
      ) : null}
      <SubmitButton variant="secondary" pendingLabel={t("form.saving")}>
        {t("view.correct")}
      </SubmitButton>
    </form>
  );
}

export function PrintButton() {
  const t = useTranslations("assessment");
  return (
    <Button type="button" onClick={() => window.print()}>
      <Printer aria-hidden="true" />
      {t("report.print")}
    </Button>
  );
}

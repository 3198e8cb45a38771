"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { toast } from "@/components/ui/toaster";
import { withSuccess } from "@/components/ui/use-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";
import { CERTIFICATION_METHODS } from "@/lib/entitlements/schemas";

/** 资格认证 recorded by the village clerk at the door (fits a phone), or at the window. */
export function CertifyForm({
  entitlementId,
  today,
  action,
  compact = false,
}: {
  entitlementId: string;
  today: string;
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  compact?: boolean;
}) {
  const t = useTranslations("entitlements");
  const tc = useTranslations("common");
  const [state, formAction] = useActionState(
    withSuccess(action, (done) => toast.success(done.message!)),
    INITIAL_FORM_STATE,
  );
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate data-testid="certify-form">
      <Notice tone="error">{!state.ok ? state.message : null}</Notice>
      <input type="hidden" name="entitlementId" value={entitlementId} />
      <div className={compact ? "flex flex-col gap-3" : "grid gap-3 sm:grid-cols-2"}>
        <Field label={t("certify.date")} errors={errors.certifiedOn} required>
          <Input name="certifiedOn" type="date" max={today} defaultValue={state.values?.certifiedOn ?? today} />
        </Field>
        <Field label={t("certify.method")} errors={errors.method} required>
          <Select name="method" defaultValue={state.values?.method ?? "home"}>
            {CERTIFICATION_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`certify.methods.${m}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t("certify.note")} hint={t("certify.noteHint")} errors={errors.note}>
        <Input name="note" maxLength={500} defaultValue={state.values?.note ?? ""} />
      </Field>
      <div>
        <SubmitButton pendingLabel={tc("saving")}>{t("certify.submit")}</SubmitButton>
      </div>
    </form>
  );
}

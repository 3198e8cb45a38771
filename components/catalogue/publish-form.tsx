"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";

/** 发布: the draft becomes published from the chosen date. */
export function PublishForm({
  action,
  version,
  minDate,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  version: { id: string; revision: number };
  minDate: string;
}) {
  const t = useTranslations("catalogue");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate data-testid="publish-form">
      <Notice tone="error">{!state.ok && state.message ? state.message : null}</Notice>
      <input type="hidden" name="id" value={version.id} />
      <input type="hidden" name="revision" value={version.revision} />
      <Field label={t("publish.effectiveFrom")} hint={t("publish.hint", { minDate })} errors={state.fieldErrors?.effectiveFrom} required>
        <Input name="effectiveFrom" type="date" min={minDate} defaultValue={state.values?.effectiveFrom ?? ""} className="w-48" />
      </Field>
      <div>
        <SubmitButton pendingLabel={t("publish.publishing")}>{t("publish.submit")}</SubmitButton>
      </div>
    </form>
  );
}

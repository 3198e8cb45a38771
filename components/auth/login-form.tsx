"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";

export function LoginForm({
  action,
  callbackUrl,
  notice,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  callbackUrl?: string;
  notice?: string;
}) {
  const t = useTranslations("auth");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <Notice tone={state.message ? "error" : "info"} testId="login-message">
        {state.message ?? notice}
      </Notice>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field label={t("username")}>
        <Input name="username" autoComplete="username" defaultValue={state.values?.username} autoFocus required />
      </Field>
      <Field label={t("password")}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <SubmitButton size="lg" className="mt-1 w-full" pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}

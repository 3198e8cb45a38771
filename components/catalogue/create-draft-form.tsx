"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";

/** 新建草稿: copies the latest published version. */
export function CreateDraftForm({ action }: { action: (state: TFormState, formData: FormData) => Promise<TFormState> }) {
  const t = useTranslations("catalogue");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <Notice tone="error">{!state.ok && state.message ? state.message : null}</Notice>
      <SubmitButton pendingLabel={t("admin.creatingDraft")} data-testid="create-draft">
        {t("admin.createDraft")}
      </SubmitButton>
    </form>
  );
}

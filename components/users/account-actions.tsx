"use client";
import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";
import { withSuccess } from "@/components/ui/use-form-action";

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

function useToastOnSuccess(state: TFormState) {
  useEffect(() => {
    if (state.ok && state.message) toast.success(state.message);
    else if (!state.ok && state.message) toast.error(state.message);
  }, [state]);
}

/** Disable/enable, unlock and reset password for one account. */
export function AccountActions({
  user,
  isSelf,
  locked,
  actions,
}: {
  user: { id: string; displayName: string; active: boolean };
  isSelf: boolean;
  locked: boolean;
  actions: { setActive: TAction; unlock: TAction; resetPassword: TAction };
}) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const [enableState, enable] = useActionState(actions.setActive, INITIAL_FORM_STATE);
  const [unlockState, unlock] = useActionState(actions.unlock, INITIAL_FORM_STATE);
  const [resetOpen, setResetOpen] = useState(false);
  const [resetState, reset] = useActionState(
    withSuccess(actions.resetPassword, (done) => {
      toast.success(done.message!);
      setResetOpen(false);
    }),
    INITIAL_FORM_STATE,
  );
  useToastOnSuccess(enableState);
  useToastOnSuccess(unlockState);

  return (
    <div className="flex flex-wrap gap-2">
      {user.active ? (
        <ConfirmDialog
          title={t("disable")}
          description={t("disableConfirm", { name: user.displayName })}
          confirmLabel={t("disable")}
          fields={{ id: user.id, active: "false" }}
          action={actions.setActive}
          trigger={
            <Button variant="secondary" disabled={isSelf}>
              {t("disable")}
            </Button>
          }
        />
      ) : (
        <form action={enable}>
          <input type="hidden" name="id" value={user.id} />
          <input type="hidden" name="active" value="true" />
          <SubmitButton variant="secondary" pendingLabel={tc("saving")}>
            {t("enable")}
          </SubmitButton>
        </form>
      )}
      {locked ? (
        <form action={unlock}>
          <input type="hidden" name="id" value={user.id} />
          <SubmitButton variant="secondary" pendingLabel={tc("saving")}>
            {t("unlock")}
          </SubmitButton>
        </form>
      ) : null}
      <Dialog
        open={resetOpen}
        onOpenChange={setResetOpen}
        title={t("resetPasswordTitle", { name: user.displayName })}
        description={t("resetPasswordHint")}
        closeLabel={tc("close")}
        trigger={<Button variant="secondary">{t("resetPassword")}</Button>}
      >
        <form action={reset} className="flex flex-col gap-3" noValidate>
          <Notice tone="error">{!resetState.ok ? resetState.message : null}</Notice>
          <input type="hidden" name="id" value={user.id} />
          <Field label={t("newPassword")} hint={t("passwordHint")} errors={resetState.fieldErrors?.password}>
            <Input name="password" type="password" autoComplete="new-password" />
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setResetOpen(false)}>
              {tc("cancel")}
            </Button>
            <SubmitButton pendingLabel={tc("saving")}>{tc("confirm")}</SubmitButton>
          </div>
        </form>
      </Dialog>
    </div>
  );
}

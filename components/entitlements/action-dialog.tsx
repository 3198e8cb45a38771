"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { toast } from "@/components/ui/toaster";
import { useFormAction } from "@/components/ui/use-form-action";
import type { TFormState } from "@/lib/entry/form-state";
import type { TActionKind } from "@/lib/entitlements/segments";

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

/**
 * One manual action on an entitlement (county approver): 停发 / 暂停 / 恢复 / 更正金额 from a
 * month, with a reason; 更正 asks for the new monthly amount, 恢复 whether to pay back.
 */
export function EntitlementActionDialog({
  entitlement,
  kind,
  defaultMonth,
  action,
  variant = "secondary",
}: {
  entitlement: { id: string; version: number };
  kind: TActionKind;
  defaultMonth: string;
  action: TAction;
  variant?: "secondary" | "danger";
}) {
  const t = useTranslations("entitlements");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [state, onSubmit] = useFormAction(action, (done) => {
    toast.success(done.message!);
    setOpen(false);
  });
  const errors = state.fieldErrors ?? {};
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t(`actions.${kind}.title`)}
      description={t(`actions.${kind}.description`)}
      closeLabel={tc("close")}
      trigger={
        <Button variant={variant} size="sm" data-testid={`action-${kind}`}>
          {t(`actions.${kind}.button`)}
        </Button>
      }
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate data-testid={`action-form-${kind}`}>
        <Notice tone="error">{!state.ok ? state.message : null}</Notice>
        <input type="hidden" name="id" value={entitlement.id} />
        <input type="hidden" name="version" value={entitlement.version} />
        <input type="hidden" name="kind" value={kind} />
        <Field label={t(`actions.${kind}.month`)} errors={errors.fromMonth} required>
          <Input name="fromMonth" type="month" defaultValue={state.values?.fromMonth ?? defaultMonth} />
        </Field>
        {kind === "correct" ? (
          <Field label={t("actions.correct.amount")} hint={t("actions.correct.amountHint")} errors={errors.amountFen}>
            <Input name="amountFen" inputMode="decimal" defaultValue={state.values?.amountFen ?? ""} />
          </Field>
        ) : null}
        {kind === "resume" ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="backPay" defaultChecked={state.values?.backPay === "on"} className="size-4" />
            {t("actions.resume.backPay")}
          </label>
        ) : null}
        <Field label={t("actions.reason")} errors={errors.reason} required>
          <Textarea name="reason" maxLength={500} defaultValue={state.values?.reason ?? ""} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            {tc("cancel")}
          </Button>
          <SubmitButton pendingLabel={tc("saving")}>{t(`actions.${kind}.submit`)}</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

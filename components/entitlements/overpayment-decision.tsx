"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { toast } from "@/components/ui/toaster";
import { useFormAction } from "@/components/ui/use-form-action";
import { fenToYuanInput } from "@/lib/money";
import type { TFormState } from "@/lib/entry/form-state";
import { RECOVERY_METHODS } from "@/lib/entitlements/schemas";

/** 追缴到账 (amount, date, method) or 核销 (reason) of a pending overpayment (county approver). */
export function OverpaymentDecisionDialog({
  overpayment,
  decision,
  today,
  action,
}: {
  overpayment: { id: string; version: number; amountFen: number };
  decision: "recovered" | "waived";
  today: string;
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
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
      title={t(`overpayments.${decision}.title`)}
      description={t(`overpayments.${decision}.description`)}
      closeLabel={tc("close")}
      trigger={
        <Button variant="secondary" size="sm" data-testid={`overpayment-${decision}`}>
          {t(`overpayments.${decision}.button`)}
        </Button>
      }
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
        <Notice tone="error">{!state.ok ? state.message : null}</Notice>
        <input type="hidden" name="id" value={overpayment.id} />
        <input type="hidden" name="version" value={overpayment.version} />
        <input type="hidden" name="decision" value={decision} />
        {decision === "recovered" ? (
          <>
            <Field label={t("overpayments.recovered.amount")} errors={errors.amountFen} required>
              <Input name="amountFen" inputMode="decimal" defaultValue={fenToYuanInput(overpayment.amountFen)} />
            </Field>
            <Field label={t("overpayments.recovered.date")} errors={errors.recoveredOn} required>
              <Input name="recoveredOn" type="date" max={today} defaultValue={today} />
            </Field>
            <Field label={t("overpayments.recovered.method")} errors={errors.method} required>
              <Select name="method" defaultValue="bank_deduction">
                {RECOVERY_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`overpayments.methods.${m}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </>
        ) : (
          <Field label={t("overpayments.waived.reason")} errors={errors.reason} required>
            <Textarea name="reason" maxLength={500} />
          </Field>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            {tc("cancel")}
          </Button>
          <SubmitButton pendingLabel={tc("saving")}>{t(`overpayments.${decision}.submit`)}</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

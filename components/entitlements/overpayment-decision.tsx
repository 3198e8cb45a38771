"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { FormDialog } from "@/components/entitlements/form-dialog";
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
  return (
    <FormDialog
      title={t(`overpayments.${decision}.title`)}
      description={t(`overpayments.${decision}.description`)}
      submitLabel={t(`overpayments.${decision}.submit`)}
      fields={{ id: overpayment.id, version: overpayment.version, decision }}
      action={action}
      trigger={
        <Button variant="secondary" size="sm" data-testid={`overpayment-${decision}`}>
          {t(`overpayments.${decision}.button`)}
        </Button>
      }
    >
      {(state) =>
        decision === "recovered" ? (
          <>
            <Field label={t("overpayments.recovered.amount")} errors={state.fieldErrors?.amountFen} required>
              <Input name="amountFen" inputMode="decimal" defaultValue={fenToYuanInput(overpayment.amountFen)} />
            </Field>
            <Field label={t("overpayments.recovered.date")} errors={state.fieldErrors?.recoveredOn} required>
              <Input name="recoveredOn" type="date" max={today} defaultValue={today} />
            </Field>
            <Field label={t("overpayments.recovered.method")} errors={state.fieldErrors?.method} required>
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
          <Field label={t("overpayments.waived.reason")} errors={state.fieldErrors?.reason} required>
            <Textarea name="reason" maxLength={500} />
          </Field>
        )
      }
    </FormDialog>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { FormDialog } from "@/components/entitlements/form-dialog";
import type { TFormState } from "@/lib/entry/form-state";
import type { TActionKind } from "@/lib/entitlements/segments";

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
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  variant?: "secondary" | "danger";
}) {
  const t = useTranslations("entitlements");
  return (
    <FormDialog
      title={t(`actions.${kind}.title`)}
      description={t(`actions.${kind}.description`)}
      submitLabel={t(`actions.${kind}.submit`)}
      fields={{ id: entitlement.id, version: entitlement.version, kind }}
      action={action}
      testId={`action-form-${kind}`}
      trigger={
        <Button variant={variant} size="sm" data-testid={`action-${kind}`}>
          {t(`actions.${kind}.button`)}
        </Button>
      }
    >
      {(state) => (
        <>
          <Field label={t(`actions.${kind}.month`)} errors={state.fieldErrors?.fromMonth} required>
            <Input name="fromMonth" type="month" defaultValue={state.values?.fromMonth ?? defaultMonth} />
          </Field>
          {kind === "correct" ? (
            <Field label={t("actions.correct.amount")} hint={t("actions.correct.amountHint")} errors={state.fieldErrors?.amountFen}>
              <Input name="amountFen" inputMode="decimal" defaultValue={state.values?.amountFen ?? ""} />
            </Field>
          ) : null}
          {kind === "resume" ? (
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="backPay" defaultChecked={state.values?.backPay === "on"} className="size-4" />
              {t("actions.resume.backPay")}
            </label>
          ) : null}
          <Field label={t("actions.reason")} errors={state.fieldErrors?.reason} required>
            <Textarea name="reason" maxLength={500} defaultValue={state.values?.reason ?? ""} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}

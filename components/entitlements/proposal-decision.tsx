"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { FormDialog } from "@/components/entitlements/form-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { toast } from "@/components/ui/toaster";
import { useFormAction } from "@/components/ui/use-form-action";
import type { TFormState } from "@/lib/entry/form-state";

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

/** 确认停发 or 驳回 one 应退未退 proposal, with a reason (township reviewer). */
export function ProposalDecisionDialog({ proposal, decision, action }: { proposal: { id: string; version: number; elderName: string }; decision: "confirm" | "dismiss"; action: TAction }) {
  const t = useTranslations("entitlements");
  return (
    <FormDialog
      title={t(`review.${decision}.title`, { name: proposal.elderName })}
      description={t(`review.${decision}.description`)}
      submitLabel={t(`review.${decision}.submit`)}
      fields={{ id: proposal.id, version: proposal.version, decision }}
      action={action}
      trigger={
        <Button variant={decision === "confirm" ? "danger" : "secondary"} size="sm" data-testid={`proposal-${decision}`}>
          {t(`review.${decision}.button`)}
        </Button>
      }
    >
      {(state) => (
        <Field label={t("review.reason")} errors={state.fieldErrors?.reason} required>
          <Textarea name="reason" maxLength={500} />
        </Field>
      )}
    </FormDialog>
  );
}

/**
 * The bulk bar of the review list: the checked rows (inputs named `item` with `form={formId}`)
 * are confirmed or dismissed together, with one reason.
 */
export function BulkDecisionBar({ formId, action, count }: { formId: string; action: TAction; count: number }) {
  const t = useTranslations("entitlements");
  const tc = useTranslations("common");
  const [state, onSubmit] = useFormAction(action, (done) => toast.success(done.message!));
  if (count === 0) return null;
  return (
    <form id={formId} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3 border-b border-slate-200 bg-slate-50 px-4 py-3" noValidate data-testid="bulk-decision">
      <Notice tone="error" className="w-full">
        {!state.ok ? state.message : null}
      </Notice>
      <Field label={t("review.bulk.decision")} className="w-40">
        <Select name="decision" defaultValue="confirm">
          <option value="confirm">{t("review.confirm.button")}</option>
          <option value="dismiss">{t("review.dismiss.button")}</option>
        </Select>
      </Field>
      <Field label={t("review.reason")} errors={state.fieldErrors?.reason ?? state.fieldErrors?.items} required className="min-w-64 flex-1">
        <Textarea name="reason" rows={1} maxLength={500} className="min-h-9" />
      </Field>
      <SubmitButton pendingLabel={tc("saving")}>{t("review.bulk.submit")}</SubmitButton>
    </form>
  );
}

"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { toast } from "@/components/ui/toaster";
import { useFormAction } from "@/components/ui/use-form-action";
import type { TFormState } from "@/lib/entry/form-state";

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

/** 确认停发 or 驳回 one 应退未退 proposal, with a reason (township reviewer). */
export function ProposalDecisionDialog({ proposal, decision, action }: { proposal: { id: string; version: number; elderName: string }; decision: "confirm" | "dismiss"; action: TAction }) {
  const t = useTranslations("entitlements");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [state, onSubmit] = useFormAction(action, (done) => {
    toast.success(done.message!);
    setOpen(false);
  });
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t(`review.${decision}.title`, { name: proposal.elderName })}
      description={t(`review.${decision}.description`)}
      closeLabel={tc("close")}
      trigger={
        <Button variant={decision === "confirm" ? "danger" : "secondary"} size="sm" data-testid={`proposal-${decision}`}>
          {t(`review.${decision}.button`)}
        </Button>
      }
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
        <Notice tone="error">{!state.ok ? state.message : null}</Notice>
        <input type="hidden" name="id" value={proposal.id} />
        <input type="hidden" name="version" value={proposal.version} />
        <input type="hidden" name="decision" value={decision} />
        <Field label={t("review.reason")} errors={state.fieldErrors?.reason} required>
          <Textarea name="reason" maxLength={500} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            {tc("cancel")}
          </Button>
          <SubmitButton pendingLabel={tc("saving")}>{t(`review.${decision}.submit`)}</SubmitButton>
        </div>
      </form>
    </Dialog>
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

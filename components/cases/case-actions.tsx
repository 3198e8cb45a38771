"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";
import type { TCaseAction } from "@/lib/cases/workflow";

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;
type TCommentAction = "verify" | "object" | "return" | "reject" | "withdraw";

const VARIANT: Record<TCaseAction, "primary" | "secondary" | "danger"> = {
  submit: "primary",
  verify: "primary",
  start_notice: "primary",
  end_notice: "primary",
  review_approve: "primary",
  approve: "primary",
  object: "secondary",
  return: "secondary",
  withdraw: "secondary",
  reject: "danger",
};

/** What every action form sends: the case and the version the page showed (a stale one is refused). */
function CaseFields({ caseNo, version, action }: { caseNo: string; version: number; action: TCaseAction }) {
  return (
    <>
      <input type="hidden" name="caseNo" value={caseNo} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="action" value={action} />
    </>
  );
}

/**
 * The case page's action panel: one button per action the actor may take now. Actions that
 * need a reason (核查情况, 退回理由, 不予批准理由…) ask for it in a dialog. On success the server
 * redirects back to the case page.
 */
export function CaseActions({ caseNo, version, actions, action }: { caseNo: string; version: number; actions: { action: TCaseAction; needsComment: boolean }[]; action: TAction }) {
  const t = useTranslations("cases");
  const [state, dispatch] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <div className="flex flex-col gap-3" data-testid="case-actions">
      <Notice tone="error" testId="case-action-error">
        {!state.ok ? state.message : null}
      </Notice>
      <div className="flex flex-wrap gap-2">
        {actions.map(({ action: a, needsComment }) =>
          needsComment ? (
            <CommentActionDialog key={a} caseNo={caseNo} version={version} caseAction={a as TCommentAction} action={action} />
          ) : (
            <form key={a} action={dispatch}>
              <CaseFields caseNo={caseNo} version={version} action={a} />
              <SubmitButton variant={VARIANT[a]} pendingLabel={t("detail.actions.submitting")} data-action={a}>
                {t(`action.${a}`)}
              </SubmitButton>
            </form>
          ),
        )}
      </div>
    </div>
  );
}

function CommentActionDialog({ caseNo, version, caseAction, action }: { caseNo: string; version: number; caseAction: TCommentAction; action: TAction }) {
  const t = useTranslations("cases");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [state, onSubmit] = useFormAction(action);
  const label = t(`action.${caseAction}`);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={label}
      closeLabel={tc("close")}
      trigger={
        <Button variant={VARIANT[caseAction]} data-action={caseAction}>
          {label}
        </Button>
      }
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate data-testid={`action-form-${caseAction}`}>
        <Notice tone="error">{!state.ok && !state.fieldErrors ? state.message : null}</Notice>
        <CaseFields caseNo={caseNo} version={version} action={caseAction} />
        <Field label={t(`detail.comment.${caseAction}`)} hint={t(`detail.commentHint.${caseAction}`)} errors={state.fieldErrors?.comment} required>
          <Textarea name="comment" rows={4} maxLength={1000} defaultValue={state.values?.comment ?? ""} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            {tc("cancel")}
          </Button>
          <SubmitButton variant={VARIANT[caseAction]} pendingLabel={t("detail.actions.submitting")}>
            {label}
          </SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

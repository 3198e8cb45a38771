"use client";
import { useActionState, useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { toast } from "@/components/ui/toaster";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

/**
 * A destructive step behind a confirmation (停用, 删除, 吊销…): the trigger opens a dialog whose
 * form posts `fields` to `action`. Success shows a toast and closes the dialog; a refusal shows
 * as a toast, or with `errors="inline"` inside the dialog together with its field errors.
 */
export function ConfirmDialog({
  title,
  description,
  trigger,
  confirmLabel,
  fields,
  action,
  errors = "toast",
}: {
  title: string;
  description: string;
  trigger: ReactNode;
  confirmLabel: string;
  fields: Record<string, string>;
  action: TAction;
  errors?: "toast" | "inline";
}) {
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  useEffect(() => {
    if (state.ok && state.message) {
      toast.success(state.message);
      setOpen(false);
    } else if (!state.ok && state.message && errors === "toast") toast.error(state.message);
  }, [state, errors]);
  const problems = [state.message, ...Object.values(state.fieldErrors ?? {}).flat()].filter(Boolean);
  return (
    <Dialog open={open} onOpenChange={setOpen} title={title} description={description} closeLabel={tc("close")} trigger={trigger}>
      <form action={formAction} className="flex flex-col gap-3">
        {errors === "inline" ? <Notice tone="error">{!state.ok && problems.length ? problems.join(" ") : null}</Notice> : null}
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            {tc("cancel")}
          </Button>
          <SubmitButton variant="danger" pendingLabel={tc("saving")}>
            {confirmLabel}
          </SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

"use client";
import { useActionState, useState, type ReactNode } from "react";
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
  // The toast is raised as the answer arrives, not from an effect: a successful step often
  // removes the row that holds this dialog (the revalidated page no longer lists it), and an
  // unmounted component's effects never run.
  const [state, formAction] = useActionState(async (previous: TFormState, formData: FormData) => {
    const next = await action(previous, formData);
    if (next.ok && next.message) {
      toast.success(next.message);
      setOpen(false);
    } else if (!next.ok && next.message && errors === "toast") toast.error(next.message);
    return next;
  }, INITIAL_FORM_STATE);
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

"use client";
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { toast } from "@/components/ui/toaster";
import { useFormAction } from "@/components/ui/use-form-action";
import type { TFormState } from "@/lib/entry/form-state";

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

/**
 * A decision taken in a dialog (停发, 确认停发, 登记追回…): the trigger opens a form that posts
 * `fields` and whatever `children` render; a refusal stays in the dialog with its field errors,
 * success closes it with a toast. `children` gets the field errors of the last answer.
 */
export function FormDialog({
  title,
  description,
  trigger,
  submitLabel,
  fields,
  action,
  testId,
  children,
}: {
  title: string;
  description: string;
  trigger: ReactNode;
  submitLabel: string;
  fields: Record<string, string | number>;
  action: TAction;
  testId?: string;
  children: (state: TFormState) => ReactNode;
}) {
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [state, onSubmit] = useFormAction(action, (done) => {
    toast.success(done.message!);
    setOpen(false);
  });
  return (
    <Dialog open={open} onOpenChange={setOpen} title={title} description={description} closeLabel={tc("close")} trigger={trigger}>
      <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate data-testid={testId}>
        <Notice tone="error">{!state.ok ? state.message : null}</Notice>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children(state)}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            {tc("cancel")}
          </Button>
          <SubmitButton pendingLabel={tc("saving")}>{submitLabel}</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

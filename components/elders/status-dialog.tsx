"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { toast } from "@/components/ui/toaster";
import type { TFormState } from "@/lib/entry/form-state";
import { useFormAction } from "@/components/ui/use-form-action";

/** 变更在册状态: deceased and moved out ask for the date. */
export function StatusDialog({
  elder,
  action,
}: {
  elder: { id: string; version: number; status: string };
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
}) {
  const t = useTranslations("registry");
  const te = useTranslations("elders");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState(elder.status === "living" ? "deceased" : "living");
  const [state, onSubmit] = useFormAction(action, (done) => {
    toast.success(done.message!);
    setOpen(false);
  });
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t("statusTitle")}
      description={t("statusHint")}
      closeLabel={tc("close")}
      trigger={<Button variant="secondary">{t("changeStatus")}</Button>}
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
        <Notice tone="error">{!state.ok ? state.message : null}</Notice>
        <input type="hidden" name="id" value={elder.id} />
        <input type="hidden" name="version" value={elder.version} />
        <Field label={t("fields.status")} errors={state.fieldErrors?.status}>
          <Select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            {(["living", "deceased", "moved_out"] as const).map((s) => (
              <option key={s} value={s}>
                {te(`status.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        {status !== "living" ? (
          <Field label={status === "deceased" ? t("fields.deathDate") : t("fields.movedOutDate")} errors={state.fieldErrors?.date} required>
            <Input name="date" type="date" />
          </Field>
        ) : null}
        {status === "moved_out" ? (
          <Field label={t("fields.movedOutTo")} errors={state.fieldErrors?.movedOutTo}>
            <Input name="movedOutTo" />
          </Field>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            {tc("cancel")}
          </Button>
          <SubmitButton pendingLabel={tc("saving")}>{tc("confirm")}</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

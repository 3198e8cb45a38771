"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import type { TFormState } from "@/lib/entry/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { CIRCUMSTANCE_GROUPS } from "@/lib/elders/circumstances";
import { DISABILITY_CATEGORIES } from "@/lib/policy/facts";

export type TCircumstanceValues = {
  id?: string;
  type?: string;
  startDate?: string;
  endDate?: string | null;
  source?: string | null;
  documentNo?: string | null;
  note?: string | null;
  disabilityCategory?: string | null;
  disabilityGrade?: number | null;
  certificateNo?: string | null;
};

/** Add or edit one dated circumstance record. */
export function CircumstanceDialog({
  elderId,
  record,
  action,
  trigger,
}: {
  elderId: string;
  record?: TCircumstanceValues;
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  trigger: React.ReactNode;
}) {
  const t = useTranslations("registry");
  const te = useTranslations("elders");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [type, setType] = useState(record?.type ?? "");
  const [state, onSubmit] = useFormAction(action, (done) => {
    toast.success(done.message!);
    setOpen(false);
  });
  const errors = state.fieldErrors ?? {};
  const v = { ...record, ...state.values } as Record<string, string | number | null | undefined>;
  const text = (name: string, label: string, type = "text") => (
    <Field label={label} errors={errors[name]}>
      <Input name={name} type={type} defaultValue={(v[name] as string) ?? ""} />
    </Field>
  );
  return (
    <Dialog open={open} onOpenChange={setOpen} title={record?.id ? t("circumstances.editTitle") : t("circumstances.add")} closeLabel={tc("close")} trigger={trigger}>
      <form onSubmit={onSubmit} className="grid grid-cols-2 gap-x-4 gap-y-2" noValidate data-testid="circumstance-form">
        <div className="col-span-2">
          <Notice tone="error">{!state.ok ? state.message : null}</Notice>
        </div>
        <input type="hidden" name="elderId" value={elderId} />
        <input type="hidden" name="recordId" value={record?.id ?? ""} />
        <Field label={t("circumstances.type")} errors={errors.type} required className="col-span-2">
          <Select name="type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">{t("circumstances.chooseType")}</option>
            {CIRCUMSTANCE_GROUPS.map((g) => (
              <optgroup key={g.key} label={te(`circumstanceGroup.${g.key}`)}>
                {g.types.map((c) => (
                  <option key={c} value={c}>
                    {te(`circumstance.${c}`)}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Field label={te("record.startDate")} errors={errors.startDate} required>
          <Input name="startDate" type="date" defaultValue={(v.startDate as string) ?? ""} />
        </Field>
        {text("endDate", te("record.endDate"), "date")}
        {type === "disability" ? (
          <>
            <Field label={t("circumstances.category")} errors={errors.disabilityCategory} required>
              <Select name="disabilityCategory" defaultValue={(v.disabilityCategory as string) ?? ""}>
                <option value="" />
                {DISABILITY_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {te(`disabilityCategory.${c}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("circumstances.grade")} errors={errors.disabilityGrade} required>
              <Select name="disabilityGrade" defaultValue={String(v.disabilityGrade ?? "")}>
                <option value="" />
                {[1, 2, 3, 4].map((g) => (
                  <option key={g} value={g}>
                    {te(`disabilityGrade.${g}` as never)}
                  </option>
                ))}
              </Select>
            </Field>
            <div className="col-span-2">{text("certificateNo", te("record.certificateNo"))}</div>
          </>
        ) : null}
        {text("source", te("record.source"))}
        {text("documentNo", te("record.documentNo"))}
        <div className="col-span-2">{text("note", te("record.note"))}</div>
        <div className="col-span-2 flex justify-end gap-2 pt-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            {tc("cancel")}
          </Button>
          <SubmitButton pendingLabel={tc("saving")}>{tc("save")}</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

/** Deletes a record after a confirmation. */
export function DeleteCircumstanceButton({
  elderId,
  recordId,
  action,
}: {
  elderId: string;
  recordId: string;
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
}) {
  const t = useTranslations("registry");
  return (
    <ConfirmDialog
      title={t("circumstances.delete")}
      description={t("circumstances.deleteConfirm")}
      confirmLabel={t("circumstances.delete")}
      fields={{ elderId, recordId }}
      action={action}
      trigger={
        <Button variant="link" size="sm" className="text-red-700">
          {t("circumstances.delete")}
        </Button>
      }
    />
  );
}

"use client";
import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { toast } from "@/components/ui/toaster";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";
import { DELIVERIES } from "@/lib/policy/catalogue-schema";

export type TItemFormValues = {
  code: string;
  name: string;
  content: string;
  target: string;
  leadDepartments: string;
  delivery: string;
  needsApplication: boolean;
  publicNotice: boolean;
  noticeDays: number | null;
  eligibility: string;
  amount: string;
  notes: string;
};

/** The draft item editor. After a save the page reloads, so the revision is always current. */
export function ItemForm({
  action,
  version,
  item,
  parameters,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  version: { id: string; revision: number };
  item: TItemFormValues;
  parameters: string[];
}) {
  const t = useTranslations("catalogue");
  const tp = useTranslations("policy");
  const tc = useTranslations("common");
  const router = useRouter();
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const v = state.values;
  const [publicNotice, setPublicNotice] = useState(v ? v.publicNotice === "on" : item.publicNotice);
  useEffect(() => {
    if (state.ok && state.message) {
      toast.success(state.message);
      router.refresh();
    }
  }, [state, router]);
  const errors = state.fieldErrors ?? {};
  const value = (name: keyof TItemFormValues) => (v?.[name] ?? String(item[name] ?? "")) as string;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate data-testid="item-form">
      <Notice tone="error">{!state.ok && state.message ? state.message : null}</Notice>
      {errors._form ? <Notice tone="error">{errors._form.join(" ")}</Notice> : null}
      <input type="hidden" name="id" value={version.id} />
      <input type="hidden" name="revision" value={version.revision} />
      <input type="hidden" name="code" value={item.code} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field label={t("edit.name")} errors={errors.name} required>
          <Input name="name" defaultValue={value("name")} />
        </Field>
        <Field label={t("edit.departments")} hint={t("edit.departmentsHint")} errors={errors.leadDepartments} required>
          <Input name="leadDepartments" defaultValue={value("leadDepartments")} />
        </Field>
      </div>
      <Field label={t("columns.content")} errors={errors.content} required>
        <Textarea name="content" rows={3} defaultValue={value("content")} />
      </Field>
      <Field label={t("columns.target")} errors={errors.target} required>
        <Textarea name="target" rows={2} defaultValue={value("target")} />
      </Field>
      <div className="grid gap-4 md:grid-cols-3">
        <Field label={t("columns.delivery")} errors={errors.delivery} required>
          <Select name="delivery" defaultValue={value("delivery")}>
            {DELIVERIES.map((d) => (
              <option key={d} value={d}>
                {tp(`delivery.${d}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex flex-col gap-2 pt-6">
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="needsApplication" defaultChecked={v ? v.needsApplication === "on" : item.needsApplication} className="size-4" />
            {t("item.needsApplication")}
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="publicNotice" checked={publicNotice} onChange={(e) => setPublicNotice(e.target.checked)} className="size-4" />
            {t("edit.publicNotice")}
          </label>
        </div>
        <Field label={t("edit.noticeDays")} errors={errors.noticeDays}>
          <Input name="noticeDays" type="number" min={1} max={60} disabled={!publicNotice} defaultValue={value("noticeDays")} className="w-28" />
        </Field>
      </div>
      <Field label={t("edit.eligibility")} hint={t("edit.eligibilityHint")} errors={errors.eligibility} required>
        <Textarea name="eligibility" rows={10} spellCheck={false} className="font-mono text-xs" defaultValue={value("eligibility")} />
      </Field>
      <Field label={t("edit.amount")} hint={t("edit.amountHint", { parameters: parameters.join("、") || t("item.none") })} errors={errors.amount} required>
        <Textarea name="amount" rows={10} spellCheck={false} className="font-mono text-xs" defaultValue={value("amount")} />
      </Field>
      <Field label={t("item.notes")} errors={errors.notes}>
        <Textarea name="notes" rows={2} defaultValue={value("notes")} />
      </Field>
      <div>
        <SubmitButton pendingLabel={tc("saving")}>{t("edit.save")}</SubmitButton>
      </div>
    </form>
  );
}

"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";
import { VillageOptions, type TVillageOption } from "@/components/elders/village-options";

export type TElderFormValues = Partial<
  Record<
    | "id"
    | "version"
    | "name"
    | "idNumber"
    | "hukouRegionCode"
    | "villageCode"
    | "residence"
    | "address"
    | "phone"
    | "guardianName"
    | "guardianRelation"
    | "guardianPhone"
    | "bankName"
    | "bankAccount"
    | "clearBankAccount"
    | "notes",
    string
  >
>;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="grid grid-cols-1 gap-x-5 gap-y-1 border-t border-slate-200 pt-4 sm:col-span-2 sm:grid-cols-2">
      <legend className="pr-2 text-sm font-semibold text-slate-700">{title}</legend>
      {children}
    </fieldset>
  );
}

/**
 * 登记 / 编辑 老年人档案. Field errors come back from the server, next to each field. When
 * editing, the ID number and bank account are never sent to the browser: `stored` carries their
 * masked forms, the inputs start empty, and a blank input keeps the stored value.
 */
export function ElderForm({
  action,
  villages,
  elder,
  stored,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  villages: TVillageOption[];
  elder?: Omit<TElderFormValues, "idNumber" | "bankAccount">;
  stored?: { idNumberMasked: string; bankAccountMasked: string | null };
}) {
  const t = useTranslations("registry");
  const tc = useTranslations("common");
  const te = useTranslations("elders");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const v: TElderFormValues = { ...elder, ...state.values };
  const errors = state.fieldErrors ?? {};
  const text = (name: keyof TElderFormValues, options: { required?: boolean; hint?: string; type?: string; inputMode?: "tel" | "numeric" } = {}) => (
    <Field label={t(`fields.${name}` as never)} errors={errors[name]} required={options.required} hint={options.hint}>
      <Input name={name} defaultValue={v[name] ?? ""} type={options.type ?? "text"} inputMode={options.inputMode} autoComplete="off" />
    </Field>
  );
  return (
    <form action={formAction} className="grid max-w-3xl grid-cols-1 gap-x-5 gap-y-3 sm:grid-cols-2" noValidate data-testid="elder-form">
      <div className="sm:col-span-2">
        <Notice tone="error" testId="form-message">
          {!state.ok ? state.message : null}
        </Notice>
      </div>
      {elder?.id ? (
        <>
          <input type="hidden" name="id" value={elder.id} />
          <input type="hidden" name="version" value={elder.version} />
        </>
      ) : null}
      <Section title={t("sections.identity")}>
        {text("name", { required: true })}
        {text("idNumber", { required: !stored, hint: stored ? t("hints.keepIdNumber", { masked: stored.idNumberMasked }) : t("hints.idNumber") })}
        {text("hukouRegionCode", { required: true, hint: t("hints.hukouRegionCode"), inputMode: "numeric" })}
      </Section>
      <Section title={t("sections.contact")}>
        <Field label={t("fields.village")} errors={errors.villageCode} required>
          <Select name="villageCode" defaultValue={v.villageCode ?? ""} key={`village-${v.villageCode}`}>
            <option value="">{t("chooseVillage")}</option>
            <VillageOptions villages={villages} />
          </Select>
        </Field>
        <Field label={t("fields.residence")} errors={errors.residence} required>
          <Select name="residence" defaultValue={v.residence ?? ""} key={`residence-${v.residence}`}>
            <option value="">{t("chooseResidence")}</option>
            <option value="urban">{te("residence.urban")}</option>
            <option value="rural">{te("residence.rural")}</option>
          </Select>
        </Field>
        {text("address")}
        {text("phone", { inputMode: "tel" })}
      </Section>
      <Section title={t("sections.guardian")}>
        {text("guardianName")}
        {text("guardianRelation")}
        {text("guardianPhone", { inputMode: "tel" })}
      </Section>
      <Section title={t("sections.bank")}>
        {text("bankName")}
        {text("bankAccount", {
          hint: stored?.bankAccountMasked ? t("hints.keepBankAccount", { masked: stored.bankAccountMasked }) : t("hints.bankAccount"),
          inputMode: "numeric",
        })}
        {stored?.bankAccountMasked ? (
          <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
            <input type="checkbox" name="clearBankAccount" className="size-4 accent-brand-700" defaultChecked={v.clearBankAccount === "on"} />
            {t("fields.clearBankAccount")}
          </label>
        ) : null}
      </Section>
      <Section title={t("sections.other")}>
        <Field label={t("fields.notes")} errors={errors.notes} className="sm:col-span-2">
          <Textarea name="notes" defaultValue={v.notes ?? ""} rows={2} />
        </Field>
      </Section>
      <div className="pt-2 sm:col-span-2">
        <SubmitButton pendingLabel={tc("saving")}>{tc("save")}</SubmitButton>
      </div>
    </form>
  );
}

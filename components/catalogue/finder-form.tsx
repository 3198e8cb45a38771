"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { EvaluationResults } from "@/components/catalogue/evaluation-results";
import { CIRCUMSTANCE_KEYS, DISABILITY_CATEGORIES } from "@/lib/policy/facts";
import type { TFinderState } from "@/lib/catalogue/evaluation";

/**
 * 手动录入: facts for someone not registered, answered on the same page. `registerFirst`: the
 * viewer takes applications, so eligible items say that the person must be registered first.
 */
export function FinderForm({
  action,
  today,
  registerFirst,
}: {
  action: (state: TFinderState, formData: FormData) => Promise<TFinderState>;
  today: string;
  registerFirst?: boolean;
}) {
  const t = useTranslations("catalogue");
  const tp = useTranslations("policy");
  const [state, formAction] = useActionState(action, { ok: false } as TFinderState);
  const errors = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <div className="flex flex-col gap-5">
      <form action={formAction} className="flex flex-col gap-4" noValidate data-testid="finder-form">
        <Notice tone="error">{!state.ok && state.message ? state.message : null}</Notice>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field label={t("finder.idNumber")} hint={t("finder.idNumberHint")} errors={errors.idNumber}>
            <Input name="idNumber" defaultValue={v.idNumber ?? ""} autoComplete="off" />
          </Field>
          <Field label={t("finder.birthDate")} errors={errors.birthDate}>
            <Input name="birthDate" type="date" defaultValue={v.birthDate ?? ""} />
          </Field>
          <Field label={t("finder.sex")} errors={errors.sex}>
            <Select name="sex" defaultValue={v.sex ?? ""}>
              <option value="">{t("finder.fromIdNumber")}</option>
              <option value="female">{t("finder.female")}</option>
              <option value="male">{t("finder.male")}</option>
            </Select>
          </Field>
          <Field label={t("finder.asOf")} errors={errors.asOf}>
            <Input name="asOf" type="date" defaultValue={v.asOf ?? today} />
          </Field>
          <Field label={t("finder.hukou")} errors={errors.hukouLocal}>
            <Select name="hukouLocal" defaultValue={v.hukouLocal ?? "yes"}>
              <option value="yes">{t("finder.hukouLocal")}</option>
              <option value="no">{t("finder.hukouOther")}</option>
            </Select>
          </Field>
          <Field label={t("finder.residence")} errors={errors.residence}>
            <Select name="residence" defaultValue={v.residence ?? ""}>
              <option value="">{t("finder.unknown")}</option>
              <option value="urban">{tp("residence.urban")}</option>
              <option value="rural">{tp("residence.rural")}</option>
            </Select>
          </Field>
          <Field label={t("finder.capabilityLevel")} errors={errors.capabilityLevel}>
            <Select name="capabilityLevel" defaultValue={v.capabilityLevel ?? ""}>
              <option value="">{tp("capabilityLevel.none")}</option>
              {[0, 1, 2, 3, 4].map((level) => (
                <option key={level} value={level}>
                  {level} {tp(`capabilityLevel.${level}`)}
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex items-end pb-6">
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="deceased" defaultChecked={v.deceased === "on"} className="size-4" />
              {t("finder.deceased")}
            </label>
          </div>
          <Field label={t("finder.disabilityGrade")} errors={errors.disabilityGrade}>
            <Select name="disabilityGrade" defaultValue={v.disabilityGrade ?? ""}>
              <option value="">{t("finder.noDisability")}</option>
              {[1, 2, 3, 4].map((grade) => (
                <option key={grade} value={grade}>
                  {t("finder.grade", { grade })}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("finder.disabilityCategory")} errors={errors.disabilityCategory}>
            <Select name="disabilityCategory" defaultValue={v.disabilityCategory ?? ""}>
              <option value="">{t("finder.noDisability")}</option>
              {DISABILITY_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {tp(`disabilityCategory.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">{t("finder.circumstances")}</legend>
          <div className="grid gap-x-4 gap-y-1.5 sm:grid-cols-2 lg:grid-cols-3">
            {CIRCUMSTANCE_KEYS.map((key) => (
              <label key={key} className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" name="circumstances" value={key} defaultChecked={(v.circumstances ?? "").split(",").includes(key)} className="size-4" />
                {tp(`circumstance.${key}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <SubmitButton pendingLabel={t("finder.evaluating")}>{t("finder.evaluate")}</SubmitButton>
        </div>
      </form>
      {state.ok && state.result ? <EvaluationResults evaluation={state.result} heading={t("finder.resultTitle")} registerFirst={registerFirst} /> : null}
    </div>
  );
}

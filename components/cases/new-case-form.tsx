"use client";
import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { ReasonLines } from "@/components/catalogue/evaluation-results";
import type { TFormState } from "@/lib/entry/form-state";
import { CASE_CHANNELS } from "@/lib/cases/schemas";
import type { TReasonLine } from "@/lib/policy/render";

/** An item the elder may apply for, as the policy engine answers it today. */
export type TApplyItem = {
  code: string;
  name: string;
  eligible: boolean;
  /** Eligible on its own, but exclusive with another item the elder qualifies for. */
  excluded: boolean;
  /** "每月 ¥100.00", or what the item gives when it pays no money; null when not eligible. */
  amount: string | null;
  lines: TReasonLine[];
  /** The elder's open application for the item, or the approved one they receive it by: applying again is refused. */
  blockedBy: { caseNo: string; reason: "open" | "receiving" } | null;
};

/**
 * 发起申请: item, channel and who applies. An item the elder does not qualify for may still be
 * chosen (the reviewer and approver decide); the form says so, with the engine's reasons.
 */
export function NewCaseForm({
  action,
  elderId,
  items,
  initialItemCode,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  elderId: string;
  items: TApplyItem[];
  initialItemCode: string;
}) {
  const t = useTranslations("caseDocs");
  const tcases = useTranslations("cases");
  const [state, onSubmit] = useFormAction(action);
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const [itemCode, setItemCode] = useState(initialItemCode);
  const [applicantType, setApplicantType] = useState<"self" | "agent">("self");
  const chosen = items.find((i) => i.code === itemCode) ?? null;
  const eligible = items.filter((i) => i.eligible);
  const others = items.filter((i) => !i.eligible);
  const optionLabel = (i: TApplyItem) => {
    const label = i.eligible
      ? t("new.optionEligible", { name: i.name, amount: i.amount ?? "" })
      : i.excluded
        ? t("new.optionExcluded", { name: i.name })
        : t("new.optionNotEligible", { name: i.name });
    if (!i.blockedBy) return label;
    return i.blockedBy.reason === "open" ? t("new.optionOpen", { label }) : t("new.optionReceiving", { label });
  };
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid="new-case-form">
      <Notice tone="error" testId="form-message">
        {!state.ok && state.message ? (
          <>
            {state.message}
            {errors.elderId?.length ? <span className="block">{errors.elderId.join(" ")}</span> : null}
          </>
        ) : null}
      </Notice>
      <input type="hidden" name="elderId" value={elderId} />
      <Field label={t("new.item")} hint={t("new.itemHint")} errors={errors.itemCode} required>
        <Select name="itemCode" value={itemCode} onChange={(e) => setItemCode(e.target.value)}>
          <option value="">{t("new.itemPlaceholder")}</option>
          {eligible.length ? (
            <optgroup label={t("new.groupEligible")}>
              {eligible.map((i) => (
                <option key={i.code} value={i.code}>
                  {optionLabel(i)}
                </option>
              ))}
            </optgroup>
          ) : null}
          {others.length ? (
            <optgroup label={t("new.groupOther")}>
              {others.map((i) => (
                <option key={i.code} value={i.code}>
                  {optionLabel(i)}
                </option>
              ))}
            </optgroup>
          ) : null}
        </Select>
      </Field>
      {chosen?.blockedBy ? (
        <Notice tone="warning" testId="item-blocked">
          {chosen.blockedBy.reason === "open" ? t("new.openCase", { item: chosen.name }) : t("new.receiving", { item: chosen.name })}{" "}
          <Link href={`/cases/${chosen.blockedBy.caseNo}`} className="font-medium underline">
            {t("new.openCaseLink", { caseNo: chosen.blockedBy.caseNo })}
          </Link>
        </Notice>
      ) : chosen ? (
        chosen.eligible ? (
          <Notice tone="success" testId="item-eligible">
            {t("new.eligibleNote", { item: chosen.name, amount: chosen.amount ?? "" })}
          </Notice>
        ) : (
          <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status" data-testid="item-not-eligible">
            <p className="font-medium">{t("new.notEligibleTitle", { item: chosen.name })}</p>
            <p>{t("new.notEligibleText")}</p>
            <ReasonLines lines={chosen.lines} className="mt-1 border-amber-200" testId="item-reasons" />
          </div>
        )
      ) : null}
      <Field label={t("new.channel")} errors={errors.channel} required className="max-w-xs">
        <Select name="channel" defaultValue={v.channel ?? "window"}>
          {CASE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {tcases(`channel.${c}`)}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-sm font-medium text-slate-800">{t("new.applicant")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {(["self", "agent"] as const).map((type) => (
            <label key={type} className="flex items-center gap-2">
              <input
                type="radio"
                name="applicantType"
                value={type}
                checked={applicantType === type}
                onChange={() => setApplicantType(type)}
                className="size-4 accent-brand-700"
              />
              {t(type === "self" ? "new.applicantSelf" : "new.applicantAgent")}
            </label>
          ))}
        </div>
        {applicantType === "agent" ? (
          <div className="grid gap-x-4 gap-y-2 rounded-md border border-slate-200 p-3 sm:grid-cols-3" data-testid="agent-fields">
            <Field label={t("new.applicantName")} errors={errors.applicantName} required>
              <Input name="applicantName" defaultValue={v.applicantName ?? ""} autoComplete="off" maxLength={50} />
            </Field>
            <Field label={t("new.applicantRelation")} hint={t("new.applicantRelationHint")} errors={errors.applicantRelation} required>
              <Input name="applicantRelation" defaultValue={v.applicantRelation ?? ""} autoComplete="off" maxLength={20} />
            </Field>
            <Field label={t("new.applicantPhone")} errors={errors.applicantPhone}>
              <Input name="applicantPhone" defaultValue={v.applicantPhone ?? ""} inputMode="tel" autoComplete="off" />
            </Field>
          </div>
        ) : null}
      </fieldset>
      <Field label={t("new.comment")} hint={t("new.commentHint")} errors={errors.comment}>
        <Textarea name="comment" defaultValue={v.comment ?? ""} rows={3} maxLength={1000} />
      </Field>
      <div>
        <SubmitButton pendingLabel={t("new.submitting")} disabled={!!chosen?.blockedBy} data-testid="submit-case">
          {t("new.submit")}
        </SubmitButton>
      </div>
    </form>
  );
}

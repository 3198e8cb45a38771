"use client";
import { startTransition, useActionState, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { toast } from "@/components/ui/toaster";
import { cn } from "@/components/ui/cn";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";
import { ASSESSMENT_REASONS, INDICATORS, ITEM_CODES, RISK_EVENTS, TOTAL_MAX_SCORE, type TItemCode } from "@/lib/assessment/items";
import { parseIcd10, preliminaryLevelOf, scoreAssessment, type TScoreResult } from "@/lib/assessment/score";
import type { TAssessmentFieldsInput } from "@/lib/assessment/schemas";
import { NO_ASSESSOR, type TAssessmentFormValues, type TAssessorDraft } from "@/components/assessments/form-values";

function toPayload(v: TAssessmentFormValues): TAssessmentFieldsInput {
  const assessor = (a: TAssessorDraft) =>
    a.kind === "staff" ? { kind: "staff" as const, userId: a.userId } : a.kind === "external" ? { kind: "external" as const, name: a.name, certNo: a.certNo } : null;
  return {
    reason: v.reason as TAssessmentFieldsInput["reason"],
    assessedOn: v.assessedOn,
    place: v.place,
    assessor1: assessor(v.assessor1) as TAssessmentFieldsInput["assessor1"],
    assessor2: assessor(v.assessor2),
    informantName: v.informantName,
    informantRelation: v.informantRelation,
    items: v.items as Record<string, number>,
    coma: v.coma,
    diagnoses: v.diagnoses.filter((d) => d.code.trim() !== ""),
    riskEvents: RISK_EVENTS.flatMap((e) => Array.from({ length: v.riskCounts[e] ?? 0 }, () => e)),
    notes: v.notes,
  };
}

/** Live C.1–C.5 from what is entered; levels only once all 26 items are scored. */
function liveScore(v: TAssessmentFormValues, stackOneUpRules: boolean) {
  const indicators = Object.fromEntries(INDICATORS.map((i) => [i.code, i.items.reduce((sum, item) => sum + (v.items[item.code] ?? 0), 0)])) as Record<string, number>;
  const done = ITEM_CODES.filter((c) => v.items[c] !== undefined).length;
  const total = Object.values(indicators).reduce((a, b) => a + b, 0);
  let result: TScoreResult | null = null;
  if (done === ITEM_CODES.length) {
    const diagnoses = v.diagnoses.filter((d) => parseIcd10(d.code) !== null);
    const riskEvents30d = RISK_EVENTS.reduce((sum, e) => sum + (v.riskCounts[e] ?? 0), 0);
    result = scoreAssessment({ items: v.items as Record<string, number>, coma: v.coma, diagnoses, riskEvents30d }, { stackOneUpRules });
  }
  return { indicators, done, total, preliminaryLevel: result ? preliminaryLevelOf(result.total) : null, result };
}

export function AssessmentForm({
  mode,
  elderId,
  assessment,
  initial,
  assessorOptions,
  stackOneUpRules,
  stored,
  action,
}: {
  mode: "new" | "edit" | "view";
  elderId: string;
  assessment?: { id: string; version: number };
  initial: TAssessmentFormValues;
  assessorOptions: { id: string; displayName: string }[];
  stackOneUpRules: boolean;
  /** The scores stored at submission: a submitted assessment shows these, not a recomputation. */
  stored?: { total: number; preliminaryLevel: number; finalLevel: number; changes: { rule: string }[] } | null;
  action?: (state: TFormState, formData: FormData) => Promise<TFormState>;
}) {
  const t = useTranslations("assessment");
  const [values, setValues] = useState(initial);
  const [state, dispatch, pending] = useActionState(action ?? (async (s: TFormState) => s), INITIAL_FORM_STATE);
  const readOnly = mode === "view";
  const errors = state.fieldErrors ?? {};
  const computed = useMemo(() => liveScore(values, stackOneUpRules), [values, stackOneUpRules]);
  const live = stored
    ? { ...computed, total: stored.total, preliminaryLevel: stored.preliminaryLevel, result: { finalLevel: stored.finalLevel, changes: stored.changes } }
    : computed;
  const groupRefs = useRef<Record<string, HTMLFieldSetElement | null>>({});

  useEffect(() => {
    if (state.ok && state.message) toast.success(state.message);
  }, [state]);

  const set = <K extends keyof TAssessmentFormValues>(key: K, value: TAssessmentFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setItem = (code: TItemCode, score: number) => setValues((v) => ({ ...v, items: { ...v.items, [code]: score } }));

  const send = (intent: "save" | "submit") => {
    const fd = new FormData();
    if (assessment) {
      fd.set("id", assessment.id);
      fd.set("version", String(assessment.version));
    } else {
      fd.set("elderId", elderId);
    }
    fd.set("intent", intent);
    fd.set("payload", JSON.stringify(toPayload(values)));
    startTransition(() => dispatch(fd));
  };

  /** Digit keys score the focused item and move on to the next one. */
  const onItemKey = (code: TItemCode, max: number) => (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (readOnly || !/^[0-9]$/.test(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const score = Number(event.key);
    if (score > max) return;
    event.preventDefault();
    setItem(code, score);
    const next = ITEM_CODES[ITEM_CODES.indexOf(code) + 1];
    const target = next ? groupRefs.current[next] : null;
    // Focus moves in this handler, not in a later frame: a fast typist's next digit must land on
    // the next item, however busy the browser is.
    const radio = target?.querySelector<HTMLInputElement>("input:checked") ?? target?.querySelector<HTMLInputElement>("input[type=radio]");
    (radio ?? groupRefs.current[code]?.querySelector<HTMLInputElement>(`input[value="${score}"]`))?.focus();
  };

  const errorText = (...keys: string[]) => {
    const list = keys.flatMap((k) => errors[k] ?? []);
    return list.length ? list.join(" ") : null;
  };
  const levelText = (level: number | null) => (level === null ? t("form.incomplete") : t("form.levelValue", { level, name: t(`levels.${level}` as never) }));

  const assessorPicker = (key: "assessor1" | "assessor2") => {
    const a = values[key];
    const err = errorText(key, `${key}.userId`, `${key}.kind`);
    return (
      <div className="flex flex-col gap-1.5" data-testid={`${key}-picker`}>
        <label htmlFor={`${key}-select`} className="text-sm font-medium text-slate-800">
          {t(`form.fields.${key}`)}
          {key === "assessor1" ? <span className="text-red-700" aria-hidden="true"> *</span> : null}
        </label>
        <Select
          id={`${key}-select`}
          value={a.kind === "staff" ? a.userId : a.kind === "external" ? "external" : ""}
          aria-invalid={!!err || undefined}
          aria-describedby={`${key}-error`}
          onChange={(e) => {
            const v = e.target.value;
            set(key, v === "" ? NO_ASSESSOR : v === "external" ? { ...NO_ASSESSOR, kind: "external", name: a.name, certNo: a.certNo } : { ...NO_ASSESSOR, kind: "staff", userId: v });
          }}
        >
          <option value="">{key === "assessor1" ? t("form.chooseAssessor") : t("form.noAssessor")}</option>
          {assessorOptions.map((o) => (
            <option key={o.id} value={o.id}>
              {o.displayName}
            </option>
          ))}
          <option value="external">{t("form.external")}</option>
        </Select>
        {a.kind === "external" ? (
          <div className="grid grid-cols-2 gap-2">
            <Input aria-label={`${t(`form.fields.${key}`)} ${t("form.fields.assessorName")}`} placeholder={t("form.fields.assessorName")} value={a.name} onChange={(e) => set(key, { ...a, name: e.target.value })} aria-invalid={!!errors[`${key}.name`] || undefined} />
            <Input aria-label={`${t(`form.fields.${key}`)} ${t("form.fields.certNo")}`} placeholder={t("form.fields.certNo")} value={a.certNo} onChange={(e) => set(key, { ...a, certNo: e.target.value })} aria-invalid={!!errors[`${key}.certNo`] || undefined} />
          </div>
        ) : null}
        <p id={`${key}-error`} aria-live="polite" className="text-xs text-red-700" data-testid={`error-${key}`}>
          {errorText(key, `${key}.userId`, `${key}.kind`, `${key}.name`, `${key}.certNo`)}
        </p>
      </div>
    );
  };

  const text = (key: "place" | "informantName" | "informantRelation", className?: string) => (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={`f-${key}`} className="text-sm font-medium text-slate-800">
        {t(`form.fields.${key}`)}
      </label>
      <Input id={`f-${key}`} value={values[key]} onChange={(e) => set(key, e.target.value)} aria-invalid={!!errors[key] || undefined} />
      <p aria-live="polite" className="text-xs text-red-700">
        {errorText(key)}
      </p>
    </div>
  );

  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      data-testid="assessment-form"
      onSubmit={(e) => {
        e.preventDefault();
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        send(submitter?.value === "submit" ? "submit" : "save");
      }}
    >
      <Notice tone="error" testId="form-message">
        {!state.ok && state.message ? (
          <>
            {state.message} {errorText("_form", "items")}
          </>
        ) : null}
      </Notice>
      <fieldset disabled={readOnly || pending} className="contents">
        <section className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <h2 className="mb-2 text-sm font-semibold text-slate-800">{t("form.sections.basic")}</h2>
          <div className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-3">
            <div className="flex flex-col gap-1.5">
              <label htmlFor="f-reason" className="text-sm font-medium text-slate-800">
                {t("form.fields.reason")}
                <span className="text-red-700" aria-hidden="true"> *</span>
              </label>
              <Select id="f-reason" value={values.reason} onChange={(e) => set("reason", e.target.value)} aria-invalid={!!errors.reason || undefined}>
                {ASSESSMENT_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`reasons.${r}`)}
                  </option>
                ))}
              </Select>
              <p aria-live="polite" className="text-xs text-red-700">
                {errorText("reason")}
              </p>
            </div>
            <div className="flex flex-col gap-1.5">
              <label htmlFor="f-assessedOn" className="text-sm font-medium text-slate-800">
                {t("form.fields.assessedOn")}
                <span className="text-red-700" aria-hidden="true"> *</span>
              </label>
              <Input id="f-assessedOn" type="date" value={values.assessedOn} onChange={(e) => set("assessedOn", e.target.value)} aria-invalid={!!errors.assessedOn || undefined} />
              <p aria-live="polite" className="text-xs text-red-700" data-testid="error-assessedOn">
                {errorText("assessedOn")}
              </p>
            </div>
            {text("place")}
            {assessorPicker("assessor1")}
            {assessorPicker("assessor2")}
            <div className="grid grid-cols-2 gap-2">
              {text("informantName")}
              {text("informantRelation")}
            </div>
          </div>
        </section>

        <p className="text-xs text-slate-500 no-print" id="keyboard-hint">
          {t("form.keyboardHint")}
        </p>

        {INDICATORS.map((indicator) => (
          <section key={indicator.code} className="rounded-lg border border-slate-200 bg-white" aria-labelledby={`ind-${indicator.code}`}>
            <div className="sticky top-0 z-10 flex items-baseline justify-between rounded-t-lg border-b border-slate-200 bg-slate-50 px-4 py-2">
              <h2 id={`ind-${indicator.code}`} className="text-sm font-semibold text-slate-900">
                {indicator.code} {t(`indicators.${indicator.code}`)}
              </h2>
              <span className="text-sm font-medium text-slate-700" data-testid={`indicator-${indicator.code}`} aria-live="polite">
                {t("form.indicatorScore", { score: live.indicators[indicator.code], max: indicator.maxScore })}
              </span>
            </div>
            <div className="divide-y divide-slate-100">
              {indicator.items.map((item) => {
                const [ind, num] = item.code.split(".");
                const name = t(`items.${ind}.${num}.name` as never);
                const err = errorText(`items.${item.code}`);
                return (
                  <fieldset
                    key={item.code}
                    ref={(el) => {
                      groupRefs.current[item.code] = el;
                    }}
                    role="radiogroup"
                    aria-labelledby={`legend-${item.code}`}
                    aria-describedby="keyboard-hint"
                    onKeyDown={onItemKey(item.code, item.maxScore)}
                    data-testid={`item-${item.code}`}
                    className={cn("grid grid-cols-1 gap-2 px-4 py-2 md:grid-cols-[9rem_1fr]", err && "bg-red-50")}
                  >
                    <div>
                      <span id={`legend-${item.code}`} className="text-sm font-medium text-slate-900">
                        {item.code} {name}
                      </span>
                      <div className="text-xs text-slate-500">
                        {values.items[item.code] !== undefined ? t("form.itemScore", { score: values.items[item.code]! }) : "—"}
                      </div>
                      {err ? (
                        <div className="text-xs text-red-700" aria-live="polite">
                          {err}
                        </div>
                      ) : null}
                    </div>
                    <div className="grid grid-cols-1 gap-1 sm:grid-cols-5">
                      {item.options.map((option) => {
                        const id = `r-${item.code}-${option.score}`;
                        return (
                          <label
                            key={option.score}
                            htmlFor={id}
                            className="flex cursor-pointer gap-1.5 rounded border border-slate-200 px-2 py-1 text-xs leading-snug text-slate-700 hover:border-brand-500 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:text-slate-900 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600"
                          >
                            <input
                              type="radio"
                              id={id}
                              name={`item-${item.code}`}
                              value={option.score}
                              checked={values.items[item.code] === option.score}
                              onChange={() => setItem(item.code, option.score)}
                              className="mt-0.5 shrink-0 accent-brand-700"
                            />
                            <span>
                              <span className="font-semibold">{option.score}</span> {t(`items.${ind}.${num}.options.${option.score}` as never)}
                            </span>
                          </label>
                        );
                      })}
                    </div>
                  </fieldset>
                );
              })}
            </div>
          </section>
        ))}

        <section className="rounded-lg border border-slate-200 bg-white px-4 py-3" aria-labelledby="grounds-title">
          <h2 id="grounds-title" className="mb-2 text-sm font-semibold text-slate-800">
            {t("form.sections.grounds")}
          </h2>
          <div className="grid gap-4 md:grid-cols-3">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={values.coma} onChange={(e) => set("coma", e.target.checked)} className="size-4 accent-brand-700" />
              {t("form.fields.coma")}
            </label>
            <fieldset className="flex flex-col gap-1.5" data-testid="diagnoses">
              <legend className="text-sm font-medium text-slate-800">{t("form.fields.diagnoses")}</legend>
              {values.diagnoses.length === 0 ? <p className="text-xs text-slate-500">{t("form.noDiagnoses")}</p> : null}
              {values.diagnoses.map((d, i) => (
                <div key={i} className="flex flex-wrap items-center gap-2">
                  <Input
                    className="w-28 font-mono"
                    aria-label={`${t("form.fields.diagnosisCode")} ${i + 1}`}
                    value={d.code}
                    onChange={(e) => set("diagnoses", values.diagnoses.map((x, j) => (j === i ? { ...x, code: e.target.value } : x)))}
                    aria-invalid={!!errors[`diagnoses.${i}.code`] || undefined}
                  />
                  <label className="flex items-center gap-1 text-xs">
                    <input
                      type="checkbox"
                      checked={d.byPsychiatrist}
                      onChange={(e) => set("diagnoses", values.diagnoses.map((x, j) => (j === i ? { ...x, byPsychiatrist: e.target.checked } : x)))}
                      className="accent-brand-700"
                    />
                    {t("form.fields.byPsychiatrist")}
                  </label>
                  <Button type="button" variant="ghost" size="sm" aria-label={t("form.removeDiagnosis", { n: i + 1 })} onClick={() => set("diagnoses", values.diagnoses.filter((_, j) => j !== i))}>
                    <Trash2 aria-hidden="true" />
                  </Button>
                  {errors[`diagnoses.${i}.code`] ? <span className="w-full text-xs text-red-700">{errorText(`diagnoses.${i}.code`)}</span> : null}
                </div>
              ))}
              <div>
                <Button type="button" variant="secondary" size="sm" onClick={() => set("diagnoses", [...values.diagnoses, { code: "", byPsychiatrist: false }])}>
                  <Plus aria-hidden="true" />
                  {t("form.addDiagnosis")}
                </Button>
              </div>
              <p className="text-xs text-slate-500">{t("form.diagnosisHint")}</p>
            </fieldset>
            <fieldset className="flex flex-col gap-1" data-testid="risk-events">
              <legend className="text-sm font-medium text-slate-800">{t("form.fields.riskEvents")}</legend>
              {RISK_EVENTS.map((e) => {
                const count = values.riskCounts[e] ?? 0;
                const label = t(`riskEvents.${e}`);
                return (
                  <div key={e} className="flex items-center gap-2 text-sm">
                    <label className="flex min-w-24 items-center gap-1.5">
                      <input
                        type="checkbox"
                        checked={count > 0}
                        onChange={(ev) => set("riskCounts", { ...values.riskCounts, [e]: ev.target.checked ? 1 : 0 })}
                        className="size-4 accent-brand-700"
                      />
                      {label}
                    </label>
                    {count > 0 ? (
                      <Input
                        type="number"
                        min={1}
                        max={30}
                        className="h-7 w-16"
                        aria-label={t("form.fields.riskCount", { event: label })}
                        value={count}
                        onChange={(ev) => set("riskCounts", { ...values.riskCounts, [e]: Math.max(0, Math.min(30, Math.trunc(Number(ev.target.value) || 0))) })}
                      />
                    ) : null}
                  </div>
                );
              })}
              <p className="text-xs text-slate-500">{t("form.riskHint")}</p>
            </fieldset>
          </div>
          <div className="mt-3 flex flex-col gap-1.5">
            <label htmlFor="f-notes" className="text-sm font-medium text-slate-800">
              {t("form.fields.notes")}
            </label>
            <Textarea id="f-notes" rows={2} value={values.notes} onChange={(e) => set("notes", e.target.value)} />
          </div>
        </section>
      </fieldset>

      <section className="sticky bottom-0 z-10 rounded-lg border border-brand-200 bg-white px-4 py-3 shadow-md" aria-labelledby="result-title" data-testid="live-result">
        <h2 id="result-title" className="sr-only">
          {t("form.sections.result")}
        </h2>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm" aria-live="polite">
          <span className="text-slate-600">{t("form.itemsDone", { done: live.done })}</span>
          <span>
            {t("form.total")}{" "}
            <strong data-testid="total-score">
              {live.total}/{TOTAL_MAX_SCORE}
            </strong>
          </span>
          <span>
            {t("form.preliminaryLevel")} <strong data-testid="preliminary-level">{levelText(live.preliminaryLevel)}</strong>
          </span>
          <span>
            {t("form.finalLevel")} <strong data-testid="final-level">{levelText(live.result?.finalLevel ?? null)}</strong>
          </span>
          {live.result?.changes.length ? (
            <span className="text-xs text-amber-800" data-testid="live-changes">
              {live.result.changes.map((c) => t(`changesShort.${c.rule}` as never)).join("；")}
            </span>
          ) : null}
          {!readOnly && action ? (
            <span className="ml-auto flex gap-2">
              <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>
                {pending ? t("form.saving") : t("form.saveDraft")}
              </Button>
              <Button type="submit" name="intent" value="submit" disabled={pending} title={t("form.submitHint")}>
                {t("form.submit")}
              </Button>
            </span>
          ) : null}
        </div>
      </section>
    </form>
  );
}

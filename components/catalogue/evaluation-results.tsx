import Link from "next/link";
import { useTranslations } from "next-intl";
import { Check, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { cn } from "@/components/ui/cn";
import { formatFen } from "@/lib/money";
import type { TEvaluation, TEvaluationItem } from "@/lib/catalogue/evaluation";
import type { TReasonLine } from "@/lib/policy/render";

/** How much an item pays: "每月 ¥100.00", "一次性 ¥500.00", or why there is no figure. */
export function AmountText({ item }: { item: Pick<TEvaluationItem, "eligible" | "monthlyAmountFen" | "oneOffAmountFen" | "delivery"> }) {
  const t = useTranslations("catalogue");
  if (!item.eligible) return <span className="text-slate-400">—</span>;
  if (item.monthlyAmountFen !== null) return <span className="font-medium tabular-nums">{t("amount.monthly", { amount: formatFen(item.monthlyAmountFen) })}</span>;
  if (item.oneOffAmountFen !== null) return <span className="font-medium tabular-nums">{t("amount.oneOff", { amount: formatFen(item.oneOffAmountFen) })}</span>;
  if (item.delivery === "monthly_cash" || item.delivery === "one_off_cash") return <span className="text-amber-800">{t("amount.unset")}</span>;
  return <span className="text-slate-500">{t("amount.notCash")}</span>;
}

/** The policy engine's reasons, predicate by predicate, indented by depth, each marked as holding or not. */
export function ReasonLines({ lines, className, testId }: { lines: TReasonLine[]; className?: string; testId?: string }) {
  const t = useTranslations("catalogue");
  return (
    <ul className={cn("space-y-1 border-l-2 border-slate-100 pl-3 text-sm", className)} aria-label={t("finder.reasons")} data-testid={testId}>
      {lines.map((line, i) => (
        <li key={i} className={cn("flex items-start gap-1.5", line.ok ? "text-slate-700" : "text-red-800")} style={{ paddingLeft: `${line.depth * 1.25}rem` }}>
          {line.ok ? <Check className="mt-0.5 size-3.5 shrink-0 text-emerald-700" aria-label={t("finder.ok")} /> : <X className="mt-0.5 size-3.5 shrink-0" aria-label={t("finder.fail")} />}
          <span>{line.text}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Where 发起申请 leads, for viewers who take applications: for a registered elder (`applyFor`), the
 * new-case form; for typed-in facts (`registerFirst`), nowhere yet: the person must be registered.
 */
type TApplyProps = { applyFor?: { elderId: string }; registerFirst?: boolean };

function ItemRow({ item, applyFor, registerFirst }: { item: TEvaluationItem } & TApplyProps) {
  const t = useTranslations("catalogue");
  const tp = useTranslations("policy");
  const td = useTranslations("caseDocs");
  return (
    <li className="py-3" data-testid="finder-item" data-code={item.code} data-eligible={item.eligible}>
      <details className="group">
        <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1">
          <Badge tone={item.eligible ? "green" : item.excludedBy ? "amber" : "gray"}>
            {item.eligible ? t("finder.eligible") : item.excludedBy ? t("finder.excluded") : t("finder.notEligible")}
          </Badge>
          <Link href={`/catalogue/items/${item.code}`} className="font-medium text-slate-900 hover:underline">
            {item.name}
          </Link>
          <span className="text-xs text-slate-500">
            {item.code} · {tp(`delivery.${item.delivery}`)}
          </span>
          <span className="ml-auto text-sm" data-testid="finder-amount">
            <AmountText item={item} />
          </span>
          {item.eligible && item.needsApplication && (applyFor || registerFirst) ? (
            applyFor ? (
              <Link
                href={`/cases/new?elderId=${applyFor.elderId}&itemCode=${encodeURIComponent(item.code)}`}
                className={buttonVariants({ size: "sm", variant: "secondary" })}
                data-testid="apply-button"
              >
                {t("finder.apply")}
              </Link>
            ) : (
              <span className="flex items-center gap-2">
                <Button type="button" size="sm" variant="secondary" disabled aria-disabled="true" title={td("apply.registerFirstHint")} data-testid="apply-button">
                  {t("finder.apply")}
                </Button>
                <span className="text-xs text-slate-500" title={td("apply.registerFirstHint")} data-testid="apply-register-first">
                  {td("apply.registerFirst")}
                  <Link href="/elders/new" className="ml-1 text-brand-700 hover:underline">
                    {td("apply.register")}
                  </Link>
                </span>
              </span>
            )
          ) : null}
        </summary>
        <ReasonLines lines={item.lines} className="mt-2" testId="finder-reasons" />
      </details>
    </li>
  );
}

/** Every item of the catalogue for one person: eligible ones first, each with its reasons. */
export function EvaluationResults({ evaluation, heading, applyFor, registerFirst }: { evaluation: TEvaluation; heading?: string } & TApplyProps) {
  const t = useTranslations("catalogue");
  const eligible = evaluation.items.filter((i) => i.eligible);
  const others = evaluation.items.filter((i) => !i.eligible);
  const monthly = eligible.reduce((sum, i) => sum + (i.monthlyAmountFen ?? 0), 0);
  return (
    <div className="flex flex-col gap-3" data-testid="finder-results">
      {heading ? <h2 className="text-base font-semibold text-slate-900">{heading}</h2> : null}
      <p className="text-sm text-slate-600" data-testid="finder-summary">
        {evaluation.catalogueVersion === null
          ? t("finder.noCatalogue", { asOf: evaluation.asOf })
          : t("finder.summary", {
              label: evaluation.catalogueLabel ?? "",
              asOf: evaluation.asOf,
              age: evaluation.age,
              eligible: eligible.length,
              total: evaluation.items.length,
              monthly: formatFen(monthly),
            })}
      </p>
      {evaluation.note ? <Notice tone="warning">{evaluation.note}</Notice> : null}
      {eligible.length ? (
        <section aria-label={t("finder.eligibleItems")}>
          <h3 className="text-sm font-medium text-emerald-800">{t("finder.eligibleItems")}（{eligible.length}）</h3>
          <ul className="divide-y divide-slate-100">
            {eligible.map((item) => (
              <ItemRow key={item.code} item={item} applyFor={applyFor} registerFirst={registerFirst} />
            ))}
          </ul>
        </section>
      ) : null}
      {others.length ? (
        <section aria-label={t("finder.otherItems")}>
          <h3 className="text-sm font-medium text-slate-600">{t("finder.otherItems")}（{others.length}）</h3>
          <ul className="divide-y divide-slate-100">
            {others.map((item) => (
              <ItemRow key={item.code} item={item} applyFor={applyFor} registerFirst={registerFirst} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

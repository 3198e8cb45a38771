import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { TActor } from "@/lib/authz/actor";
import { can } from "@/lib/authz/policy";
import { toLocale } from "@/lib/i18n/config";
import { evaluateElder } from "@/lib/catalogue/evaluation";
import { formatFen } from "@/lib/money";
import { logError } from "@/lib/entry/log";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/**
 * What the elder may claim today, on the elder's page: eligible items with amounts; with
 * `applyFor` (a living elder, a viewer who takes applications) each item needing an application
 * links to the new-case form.
 */
export async function ElderPolicySummary({ elderId, actor, applyFor }: { elderId: string; actor: TActor; applyFor?: { elderId: string } }) {
  if (!can(actor, "policy.evaluate")) return null;
  const [t, tp, locale] = await Promise.all([getTranslations("catalogue"), getTranslations("policy"), getLocale()]);
  let evaluation;
  try {
    evaluation = await evaluateElder(actor, elderId, { locale: toLocale(locale) });
  } catch (error) {
    // The summary must not take the elder's page down (e.g. a malformed record); the finder,
    // which the link opens, reports the error in full.
    const eventId = crypto.randomUUID().slice(0, 8);
    logError(eventId, error);
    return (
      <Card data-testid="elder-policy-summary">
        <CardHeader title={t("summary.title")} description={t("summary.error", { eventId })} />
      </Card>
    );
  }
  const eligible = evaluation.items.filter((i) => i.eligible);
  const monthly = eligible.reduce((sum, i) => sum + (i.monthlyAmountFen ?? 0), 0);
  const amount = (i: (typeof eligible)[number]) =>
    i.monthlyAmountFen !== null
      ? t("amount.monthly", { amount: formatFen(i.monthlyAmountFen) })
      : i.oneOffAmountFen !== null
        ? t("amount.oneOff", { amount: formatFen(i.oneOffAmountFen) })
        : i.delivery === "monthly_cash" || i.delivery === "one_off_cash"
          ? t("amount.unset")
          : tp(`delivery.${i.delivery}`);
  return (
    <Card data-testid="elder-policy-summary">
      <CardHeader
        title={t("summary.title")}
        description={
          evaluation.catalogueVersion === null
            ? t("finder.noCatalogue", { asOf: evaluation.asOf })
            : t("summary.description", { count: eligible.length, total: evaluation.items.length, monthly: formatFen(monthly), asOf: evaluation.asOf })
        }
        actions={
          <Link href={`/catalogue/finder?elder=${elderId}`} className="text-sm text-brand-700 hover:underline">
            {t("summary.details")}
          </Link>
        }
      />
      {eligible.length ? (
        <CardBody>
          <ul className="grid gap-x-6 gap-y-1.5 text-sm sm:grid-cols-2">
            {eligible.map((i) => (
              <li key={i.code} className="flex items-baseline justify-between gap-3 border-b border-slate-100 py-1" data-code={i.code}>
                <span className="text-slate-800">{i.name}</span>
                <span className="flex shrink-0 items-baseline gap-3">
                  <span className="tabular-nums text-slate-600">{amount(i)}</span>
                  {applyFor && i.needsApplication ? (
                    <Link
                      href={`/cases/new?elderId=${applyFor.elderId}&itemCode=${encodeURIComponent(i.code)}`}
                      className="text-xs text-brand-700 hover:underline"
                      data-testid="apply-button"
                    >
                      {t("finder.apply")}
                    </Link>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </CardBody>
      ) : null}
    </Card>
  );
}

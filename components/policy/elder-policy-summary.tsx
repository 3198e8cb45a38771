import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TEvaluation } from "@/lib/catalogue/evaluation";
import { formatFen } from "@/lib/money";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/**
 * What the elder may claim today, on the elder's page: eligible items with amounts; with
 * `applyFor` (a living elder, a viewer who takes applications) each item needing an application
 * links to the new-case form.
 */
export async function ElderPolicySummary({
  elderId,
  summary,
  applyFor,
}: {
  elderId: string;
  /** The evaluation, or the event id of the error that prevented it (logged by the page). */
  summary: { evaluation: TEvaluation } | { errorEventId: string };
  applyFor?: { elderId: string };
}) {
  const [t, tp] = await Promise.all([getTranslations("catalogue"), getTranslations("policy")]);
  if ("errorEventId" in summary) {
    const eventId = summary.errorEventId;
    return (
      <Card data-testid="elder-policy-summary">
        <CardHeader title={t("summary.title")} description={t("summary.error", { eventId })} />
      </Card>
    );
  }
  const { evaluation } = summary;
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

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TElderEntitlement } from "@/lib/entitlements/queries";
import { formatFen } from "@/lib/money";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { SegmentTimeline } from "@/components/entitlements/segment-timeline";
import { ENTITLEMENT_STATUS_TONE, OVERPAYMENT_STATUS_TONE } from "@/components/entitlements/status";

/**
 * The 待遇 tab of the elder's page: every benefit granted by an approved application, current ones
 * first, each with its months as a timeline (the same history as the entitlement page) and any
 * overpayment to recover. `month` is the current month.
 */
export async function ElderBenefits({ rows, month }: { rows: TElderEntitlement[]; month: string }) {
  const [t, te] = await Promise.all([getTranslations("caseDocs"), getTranslations("entitlements")]);
  if (rows.length === 0) {
    return (
      <Card>
        <CardHeader title={t("elderBenefits.title")} />
        <CardBody className="py-8 text-center text-sm text-slate-500" data-testid="elder-benefits">
          {t("elderBenefits.none")}
        </CardBody>
      </Card>
    );
  }
  return (
    <div className="flex flex-col gap-4" data-testid="elder-benefits">
      {rows.map((e) => (
        <Card key={e.id} data-benefit={e.itemCode}>
          <CardHeader
            title={e.itemName}
            description={
              <span className="flex flex-wrap items-center gap-2">
                <Badge tone={ENTITLEMENT_STATUS_TONE[e.status]}>{te(`status.${e.status}`)}</Badge>
                <span className="tabular-nums" data-testid="benefit-amount">
                  {e.delivery === "one_off_cash"
                    ? te("timeline.oneOff", { amount: formatFen(e.oneOffAmountFen ?? 0) })
                    : e.delivery !== "monthly_cash"
                      ? t("elderBenefits.notCash")
                      : e.status === "stopped"
                        ? null
                        : te("timeline.perMonth", { amount: formatFen(e.monthlyAmountFen ?? 0) })}
                </span>
                <span className="tabular-nums text-slate-500">
                  {e.startMonth} — {e.endMonth ?? t("elderBenefits.noEnd")}
                </span>
              </span>
            }
            actions={
              <span className="flex gap-3 text-sm">
                <Link href={`/payments/entitlements/${e.id}`} className="text-brand-700 hover:underline">
                  {te("elderTab.open")}
                </Link>
                <Link href={`/cases/${e.caseNo}`} className="tabular-nums text-brand-700 hover:underline">
                  {e.caseNo}
                </Link>
              </span>
            }
          />
          <CardBody className="flex flex-col gap-3">
            <SegmentTimeline segments={e.segments} month={month} testId={`timeline-${e.itemCode}`} />
            {e.overpayments.map((o) => (
              <p key={o.id} className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="elder-overpayment">
                <Badge tone={OVERPAYMENT_STATUS_TONE[o.status]} className="mr-2">
                  {te(`overpayments.status.${o.status}`)}
                </Badge>
                {te("elderTab.overpayment", { amount: formatFen(o.amountFen), months: o.months.map((m) => m.month).join(te("listSeparator")) })}
              </p>
            ))}
          </CardBody>
        </Card>
      ))}
    </div>
  );
}

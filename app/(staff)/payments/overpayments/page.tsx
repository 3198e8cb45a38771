import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { toLocale } from "@/lib/i18n/config";
import { todayInShanghai } from "@/lib/dates";
import { formatFen } from "@/lib/money";
import { listOverpayments } from "@/lib/entitlements/queries";
import { OVERPAYMENT_STATUSES, ZOverpaymentListQuery } from "@/lib/entitlements/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";
import { ElderCell, PlaceCell } from "@/components/entitlements/elder-cell";
import { OverpaymentDecisionDialog } from "@/components/entitlements/overpayment-decision";
import { OVERPAYMENT_STATUS_TONE } from "@/components/entitlements/status";
import { decideOverpaymentAction } from "../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("entitlements"))("overpayments.title") };
}

/** 追缴: months paid after a stop, with totals by township; the county approver records what came back or waives it. */
export default withClientMessages(["entitlements"], async function OverpaymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await getActor();
  const params = await searchParams;
  const query = ZOverpaymentListQuery.parse(params);
  const today = todayInShanghai();
  const [list, t] = await Promise.all([orNotFound(listOverpayments(actor, query, toLocale(await getLocale()))), getTranslations("entitlements")]);
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t("overpayments.title")} description={t("overpayments.description")} />
      <Card className="mb-5">
        <CardHeader title={t("overpayments.byTownship")} />
        <Table data-testid="overpayment-totals">
          <THead>
            <tr>
              <Th>{t("list.columns.township")}</Th>
              <Th className="text-right">{t("overpayments.totals.count")}</Th>
              <Th className="text-right">{t("overpayments.totals.pending")}</Th>
              <Th className="text-right">{t("overpayments.totals.recovered")}</Th>
              <Th className="text-right">{t("overpayments.totals.waived")}</Th>
            </tr>
          </THead>
          <TBody>
            {list.byTownship.length === 0 ? (
              <EmptyRow colSpan={5}>{t("overpayments.none")}</EmptyRow>
            ) : (
              <>
                {list.byTownship.map((row) => (
                  <Tr key={row.townshipCode} data-township={row.townshipCode}>
                    <Td>{row.townshipName}</Td>
                    <Td className="text-right tabular-nums">{row.count}</Td>
                    <Td className="text-right tabular-nums">{formatFen(row.pendingFen)}</Td>
                    <Td className="text-right tabular-nums">{formatFen(row.recoveredFen)}</Td>
                    <Td className="text-right tabular-nums">{formatFen(row.waivedFen)}</Td>
                  </Tr>
                ))}
                <Tr className="bg-slate-50 font-medium" data-testid="overpayment-sum">
                  <Td>{t("overpayments.totals.sum")}</Td>
                  <Td className="text-right tabular-nums">{list.sum.count}</Td>
                  <Td className="text-right tabular-nums">{formatFen(list.sum.pendingFen)}</Td>
                  <Td className="text-right tabular-nums">{formatFen(list.sum.recoveredFen)}</Td>
                  <Td className="text-right tabular-nums">{formatFen(list.sum.waivedFen)}</Td>
                </Tr>
              </>
            )}
          </TBody>
        </Table>
      </Card>
      <Card>
        <FilterBar testId="overpayment-filters">
          <FilterSelect label={t("overpayments.columns.status")} name="status" value={query.status} allLabel={t("list.filters.all")} options={OVERPAYMENT_STATUSES.map((s) => ({ value: s, label: t(`overpayments.status.${s}`) }))} className="w-36" />
          <Button type="submit" variant="secondary">
            {t("list.filters.apply")}
          </Button>
        </FilterBar>
        <Table data-testid="overpayments-table">
          <THead>
            <tr>
              <Th>{t("list.columns.elder")}</Th>
              <Th>{t("list.columns.item")}</Th>
              <Th>{t("list.columns.place")}</Th>
              <Th>{t("overpayments.columns.months")}</Th>
              <Th className="text-right">{t("overpayments.columns.amount")}</Th>
              <Th>{t("overpayments.columns.reason")}</Th>
              <Th>{t("overpayments.columns.status")}</Th>
              {list.canSettle ? <Th /> : null}
            </tr>
          </THead>
          <TBody>
            {list.items.length === 0 ? (
              <EmptyRow colSpan={8}>{t("overpayments.none")}</EmptyRow>
            ) : (
              list.items.map((o) => (
                <Tr key={o.id} data-overpayment={o.id}>
                  <ElderCell name={o.elderName} idNumberMasked={o.idNumberMasked} href={`/payments/entitlements/${o.entitlementId}`} />
                  <Td>{o.itemName}</Td>
                  <PlaceCell townshipName={o.townshipName} villageName={o.villageName} />
                  <Td className="text-xs tabular-nums">{o.months.map((m) => m.month).join(t("listSeparator"))}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">{formatFen(o.amountFen)}</Td>
                  <Td className="text-xs text-slate-600">{o.reasonText}</Td>
                  <Td className="whitespace-nowrap">
                    <Badge tone={OVERPAYMENT_STATUS_TONE[o.status]}>{t(`overpayments.status.${o.status}`)}</Badge>
                  </Td>
                  {list.canSettle ? (
                    <Td className="whitespace-nowrap text-right">
                      {o.status === "pending" ? (
                        <span className="flex justify-end gap-1">
                          <OverpaymentDecisionDialog overpayment={o} decision="recovered" today={today} action={decideOverpaymentAction} />
                          <OverpaymentDecisionDialog overpayment={o} decision="waived" today={today} action={decideOverpaymentAction} />
                        </span>
                      ) : null}
                    </Td>
                  ) : null}
                </Tr>
              ))
            )}
          </TBody>
        </Table>
        <Pagination page={list.page} pageSize={list.pageSize} total={list.total} searchParams={params} />
      </Card>
    </div>
  );
});

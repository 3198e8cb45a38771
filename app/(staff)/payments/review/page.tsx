import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { toLocale } from "@/lib/i18n/config";
import { formatFen } from "@/lib/money";
import { listProposals } from "@/lib/entitlements/queries";
import { PROPOSAL_STATUSES, ZProposalListQuery } from "@/lib/entitlements/schemas";
import { listVillageOptions } from "@/lib/regions/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { ElderCell, PlaceCell } from "@/components/entitlements/elder-cell";
import { BulkDecisionBar, ProposalDecisionDialog } from "@/components/entitlements/proposal-decision";
import { PROPOSAL_STATUS_TONE } from "@/components/entitlements/status";
import { bulkDecideProposalsAction, decideProposalAction } from "../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("entitlements"))("review.title") };
}

const BULK_FORM = "bulk-decision";

/** 应退未退 审核: stops a new catalogue version calls for, confirmed or dismissed by the township, one by one or in bulk. */
export default withClientMessages(["entitlements"], async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await getActor();
  const params = await searchParams;
  const query = ZProposalListQuery.parse(params);
  const [list, villages, t] = await Promise.all([orNotFound(listProposals(actor, query, toLocale(await getLocale()))), listVillageOptions(actor), getTranslations("entitlements")]);
  const townships = [...new Map(villages.map((v) => [v.code.slice(0, 9), v.townshipName])).entries()];
  const selectable = list.canDecide && query.status === "pending" && list.items.length > 0;
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t("review.title")} description={t("review.description")} />
      <Card>
        <FilterBar testId="review-filters">
          <FilterSelect label={t("review.filters.status")} name="status" value={query.status} allLabel={t("review.status.pending")} options={PROPOSAL_STATUSES.filter((s) => s !== "pending").map((s) => ({ value: s, label: t(`review.status.${s}`) }))} className="w-36" />
          {actor.regionLevel === "county" ? (
            <FilterSelect label={t("list.filters.township")} name="townshipCode" value={query.townshipCode} allLabel={t("list.filters.all")} options={townships.map(([code, name]) => ({ value: code, label: name }))} className="w-40" />
          ) : null}
          <Button type="submit" variant="secondary">
            {t("list.filters.apply")}
          </Button>
        </FilterBar>
        {selectable ? <BulkDecisionBar formId={BULK_FORM} action={bulkDecideProposalsAction} count={list.items.length} /> : null}
        <Table data-testid="proposals-table">
          <THead>
            <tr>
              {selectable ? <Th className="w-10">{t("review.select")}</Th> : null}
              <Th>{t("list.columns.elder")}</Th>
              <Th>{t("list.columns.item")}</Th>
              <Th>{t("list.columns.place")}</Th>
              <Th>{t("review.columns.from")}</Th>
              <Th>{t("review.columns.reasons")}</Th>
              <Th className="text-right">{t("review.columns.amount")}</Th>
              <Th>{t("review.columns.status")}</Th>
              {list.canDecide && query.status === "pending" ? <Th /> : null}
            </tr>
          </THead>
          <TBody>
            {list.items.length === 0 ? (
              <EmptyRow colSpan={9}>{t("review.none")}</EmptyRow>
            ) : (
              list.items.map((p) => (
                <Tr key={p.id} data-proposal={p.id}>
                  {selectable ? (
                    <Td>
                      <input type="checkbox" name="item" value={`${p.id}@${p.version}`} form={BULK_FORM} aria-label={t("review.selectOne", { name: p.elderName })} className="size-4" />
                    </Td>
                  ) : null}
                  <ElderCell name={p.elderName} idNumberMasked={p.idNumberMasked} href={`/payments/entitlements/${p.entitlementId}`} />
                  <Td>{p.itemName}</Td>
                  <PlaceCell townshipName={p.townshipName} villageName={p.villageName} />
                  <Td className="whitespace-nowrap text-xs">{t("review.fromVersion", { version: p.catalogueNumber, month: p.fromMonth })}</Td>
                  <Td className="text-xs text-slate-600">
                    {p.reasons.join(t("reasonSeparator"))}
                    {p.decisionReason ? <div className="text-slate-500">{t("review.decidedLine", { name: p.decidedByName ?? "", reason: p.decisionReason })}</div> : null}
                  </Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">{formatFen(p.monthlyAmountFen ?? 0)}</Td>
                  <Td>
                    <Badge tone={PROPOSAL_STATUS_TONE[p.status]}>{t(`review.status.${p.status}`)}</Badge>
                  </Td>
                  {list.canDecide && p.status === "pending" ? (
                    <Td className="whitespace-nowrap text-right">
                      <span className="flex justify-end gap-1">
                        <ProposalDecisionDialog proposal={p} decision="confirm" action={decideProposalAction} />
                        <ProposalDecisionDialog proposal={p} decision="dismiss" action={decideProposalAction} />
                      </span>
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

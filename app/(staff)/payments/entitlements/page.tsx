import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { todayInShanghai } from "@/lib/dates";
import { formatFen } from "@/lib/money";
import { listEntitlements } from "@/lib/entitlements/queries";
import { ENTITLEMENT_STATUSES, ZEntitlementListQuery } from "@/lib/entitlements/schemas";
import { getCatalogueInForce } from "@/lib/catalogue/queries";
import { listVillageOptions } from "@/lib/regions/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { FilterBar, FilterField, FilterSelect } from "@/components/ui/filter-bar";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { ElderCell, PlaceCell } from "@/components/entitlements/elder-cell";
import { VillageOptions } from "@/components/elders/village-options";
import { ENTITLEMENT_STATUS_TONE, SEGMENT_KIND_TONE } from "@/components/entitlements/status";

export async function generateMetadata() {
  return { title: (await getTranslations("entitlements"))("list.title") };
}

/** 享受待遇: every entitlement in the actor's region, filtered by item, place, state and this month's changes. */
export default async function EntitlementsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await getActor();
  const params = await searchParams;
  const query = ZEntitlementListQuery.parse(params);
  const today = todayInShanghai();
  const [list, catalogue, villages, t] = await Promise.all([
    orNotFound(listEntitlements(actor, query, today)),
    getCatalogueInForce(actor, today),
    listVillageOptions(actor),
    getTranslations("entitlements"),
  ]);
  const items = (catalogue.version?.catalogue.items ?? []).filter((i) => i.needsApplication);
  const townships = [...new Map(villages.map((v) => [v.code.slice(0, 9), v.townshipName])).entries()];
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t("list.title")} description={t("list.description", { month: list.month, total: list.total, count: list.dueCount, amount: formatFen(list.dueFen) })} />
      <Card>
        <FilterBar testId="entitlement-filters">
          <FilterField label={t("list.filters.q")}>
            <Input name="q" defaultValue={query.q ?? ""} placeholder={t("list.filters.qPlaceholder")} className="w-40" />
          </FilterField>
          <FilterSelect label={t("list.filters.item")} name="itemCode" value={query.itemCode} allLabel={t("list.filters.all")} options={items.map((i) => ({ value: i.code, label: i.name }))} className="w-48" />
          {actor.regionLevel === "county" ? (
            <FilterSelect label={t("list.filters.township")} name="townshipCode" value={query.townshipCode} allLabel={t("list.filters.all")} options={townships.map(([code, name]) => ({ value: code, label: name }))} className="w-40" />
          ) : null}
          {actor.regionLevel !== "village" ? (
            <FilterSelect label={t("list.filters.village")} name="villageCode" value={query.villageCode} allLabel={t("list.filters.all")} className="w-44">
              <VillageOptions villages={villages} />
            </FilterSelect>
          ) : null}
          <FilterSelect label={t("list.filters.status")} name="status" value={query.status} allLabel={t("list.filters.all")} options={ENTITLEMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} className="w-32" />
          <label className="flex h-9 items-center gap-2 self-end text-sm text-slate-700">
            <input type="checkbox" name="changed" value="1" defaultChecked={query.changed} className="size-4" />
            {t("list.filters.changed", { month: list.month })}
          </label>
          <Button type="submit" variant="secondary">
            {t("list.filters.apply")}
          </Button>
          <Link href="/payments/entitlements" className={buttonVariants({ variant: "ghost" })}>
            {t("list.filters.clear")}
          </Link>
        </FilterBar>
        <Table data-testid="entitlements-table">
          <THead>
            <tr>
              <Th>{t("list.columns.elder")}</Th>
              <Th>{t("list.columns.item")}</Th>
              <Th>{t("list.columns.place")}</Th>
              <Th className="text-right">{t("list.columns.amount", { month: list.month })}</Th>
              <Th>{t("list.columns.period")}</Th>
              <Th>{t("list.columns.status")}</Th>
              <Th>{t("list.columns.certDue")}</Th>
            </tr>
          </THead>
          <TBody>
            {list.items.length === 0 ? (
              <EmptyRow colSpan={7}>{t("list.none")}</EmptyRow>
            ) : (
              list.items.map((e) => (
                <Tr key={e.id} data-entitlement={e.id}>
                  <ElderCell name={e.elderName} idNumberMasked={e.idNumberMasked} href={`/payments/entitlements/${e.id}`} />
                  <Td>{e.itemName}</Td>
                  <PlaceCell townshipName={e.townshipName} villageName={e.villageName} />
                  <Td className="whitespace-nowrap text-right tabular-nums" data-testid="due-this-month">
                    {e.dueThisMonthFen === null ? <span className="text-xs text-slate-500">{e.startMonth > list.month ? t("list.notStarted") : "—"}</span> : formatFen(e.dueThisMonthFen)}
                  </Td>
                  <Td className="whitespace-nowrap text-xs tabular-nums">
                    {e.startMonth} — {e.endMonth ?? t("list.open")}
                  </Td>
                  <Td className="whitespace-nowrap">
                    <Badge tone={ENTITLEMENT_STATUS_TONE[e.status]}>{t(`status.${e.status}`)}</Badge>
                    {e.kindThisMonth === "pending_review" || e.kindThisMonth === "backpay" ? (
                      <Badge tone={SEGMENT_KIND_TONE[e.kindThisMonth]} className="ml-1">
                        {t(`kind.${e.kindThisMonth}`)}
                      </Badge>
                    ) : null}
                    {e.changesThisMonth ? (
                      <Badge tone="blue" className="ml-1">
                        {t("list.changed")}
                      </Badge>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap text-xs tabular-nums">{e.certDueOn ?? "—"}</Td>
                </Tr>
              ))
            )}
          </TBody>
        </Table>
        <Pagination page={list.page} pageSize={list.pageSize} total={list.total} searchParams={params} />
      </Card>
    </div>
  );
}

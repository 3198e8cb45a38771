import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { inboxCounts, listCases } from "@/lib/cases/queries";
import { CASE_CHANNELS, CASE_VIEWS, ZCaseListQuery } from "@/lib/cases/schemas";
import { CASE_STATUSES } from "@/lib/cases/workflow";
import { getCatalogueInForce } from "@/lib/catalogue/queries";
import { listVillageOptions } from "@/lib/regions/queries";
import { todayInShanghai } from "@/lib/dates";
import { PageHeader } from "@/components/ui/page-header";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { FilterBar, FilterField, FilterSelect } from "@/components/ui/filter-bar";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { cn } from "@/components/ui/cn";
import { VillageOptions } from "@/components/elders/village-options";
import { CASE_STATUS_TONE } from "@/components/cases/status";
import { DueDate } from "@/components/cases/due-date";
import { BulkApproveBar, SelectAllCases } from "@/components/cases/bulk-approve";
import { bulkApproveAction } from "./actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("cases"))("title") };
}

const BULK_FORM = "bulk-approve";

export default withClientMessages(["cases.bulk"], async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await getActor();
  const params = await searchParams;
  const parsed = ZCaseListQuery.safeParse(params);
  // A hand-edited query string falls back to the inbox rather than an error page.
  const query = parsed.success ? parsed.data : ZCaseListQuery.parse({});
  const today = todayInShanghai();
  const [{ items, total, page, pageSize }, counts, catalogue, villages, t, td] = await Promise.all([
    orNotFound(listCases(actor, query, today)),
    inboxCounts(actor, today),
    getCatalogueInForce(actor, today),
    listVillageOptions(actor),
    getTranslations("cases"),
    getTranslations("caseDocs"),
  ]);
  const caseItems = (catalogue.version?.catalogue.items ?? []).filter((i) => i.needsApplication);
  // County users filter by township, township users by village; a village sees its own cases only.
  const townships = [...new Map(villages.map((v) => [v.code.slice(0, 9), v.townshipName])).entries()];
  // 批量批准: the approver's own desk, where every case waits for the county's decision.
  const bulk = actor.role === "county_approver" && (query.view === "inbox" || query.status === "county_approval");
  const selectable = bulk && items.some((c) => c.status === "county_approval");
  const columns = 7 + (selectable ? 1 : 0);

  const tabs = (["inbox", "overdue", "all"] as const satisfies readonly (typeof CASE_VIEWS)[number][]).map((view) => {
    const href = view === "inbox" ? "/cases" : `/cases?view=${view}`;
    return (
      <Link
        key={view}
        href={href}
        aria-current={query.view === view ? "page" : undefined}
        className={cn(
          "-mb-px flex items-center gap-1.5 border-b-2 px-4 py-2 text-sm",
          query.view === view ? "border-brand-700 font-medium text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900",
        )}
      >
        {t(`inbox.views.${view}`)}
        {view === "inbox" && counts.waiting ? <Badge tone="blue">{counts.waiting}</Badge> : null}
        {view === "overdue" && counts.regionOverdue ? <Badge tone="red">{counts.regionOverdue}</Badge> : null}
      </Link>
    );
  });

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={t("title")}
        description={t("inbox.description", { waiting: counts.waiting, overdue: counts.overdue })}
        actions={
          <Link href="/cases/notice" className={buttonVariants({ variant: "secondary" })}>
            {td("notice.title")}
          </Link>
        }
      />
      <nav className="mb-4 flex gap-1 border-b border-slate-200" aria-label={t("title")}>
        {tabs}
      </nav>
      <Card>
        <FilterBar testId="case-filters">
          {query.view !== "inbox" ? <input type="hidden" name="view" value={query.view} /> : null}
          <FilterField label={t("inbox.filters.q")}>
            <Input name="q" defaultValue={query.q ?? ""} placeholder={t("inbox.filters.qPlaceholder")} className="w-56" />
          </FilterField>
          <FilterSelect
            label={t("inbox.filters.status")}
            name="status"
            value={query.status}
            allLabel={t("inbox.filters.all")}
            options={CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            className="w-36"
          />
          <FilterSelect
            label={t("inbox.filters.item")}
            name="itemCode"
            value={query.itemCode}
            allLabel={t("inbox.filters.all")}
            options={caseItems.map((i) => ({ value: i.code, label: i.name }))}
            className="w-48"
          />
          <FilterSelect
            label={t("inbox.filters.channel")}
            name="channel"
            value={query.channel}
            allLabel={t("inbox.filters.all")}
            options={CASE_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            className="w-32"
          />
          {actor.regionLevel === "county" ? (
            <FilterSelect
              label={t("inbox.filters.township")}
              name="townshipCode"
              value={query.townshipCode}
              allLabel={t("inbox.filters.all")}
              options={townships.map(([code, name]) => ({ value: code, label: name }))}
              className="w-40"
            />
          ) : null}
          {actor.regionLevel === "township" ? (
            <FilterSelect label={t("inbox.filters.village")} name="villageCode" value={query.villageCode} allLabel={t("inbox.filters.all")} className="w-44">
              <VillageOptions villages={villages} />
            </FilterSelect>
          ) : null}
          <Button type="submit" variant="secondary">
            {t("inbox.filters.apply")}
          </Button>
          <Link href={query.view === "inbox" ? "/cases" : `/cases?view=${query.view}`} className={buttonVariants({ variant: "ghost" })}>
            {t("inbox.filters.clear")}
          </Link>
        </FilterBar>
        {/* Rendered even when the page has emptied, so that the result of a run stays on screen. */}
        {bulk ? <BulkApproveBar formId={BULK_FORM} action={bulkApproveAction} selectable={items.filter((c) => c.status === "county_approval").length} /> : null}
        <Table data-testid="cases-table">
          <THead>
            <tr>
              {selectable ? (
                <Th className="w-10">
                  <SelectAllCases key={items.map((c) => `${c.caseNo}@${c.version}`).join()} formId={BULK_FORM} />
                </Th>
              ) : null}
              <Th>{t("inbox.columns.caseNo")}</Th>
              <Th>{t("inbox.columns.elder")}</Th>
              <Th>{t("inbox.columns.village")}</Th>
              <Th>{t("inbox.columns.item")}</Th>
              <Th>{t("inbox.columns.status")}</Th>
              <Th>{t("inbox.columns.dueDate")}</Th>
              <Th>{t("inbox.columns.channel")}</Th>
            </tr>
          </THead>
          <TBody>
            {items.length === 0 ? (
              <EmptyRow colSpan={columns}>{t(`inbox.empty.${query.view}`)}</EmptyRow>
            ) : (
              items.map((c) => (
                <Tr key={c.id} data-case={c.caseNo} data-overdue={c.overdue || undefined} className={cn(c.overdue && "bg-red-50/60 hover:bg-red-50")}>
                  {selectable ? (
                    <Td>
                      {c.status === "county_approval" ? (
                        <input
                          type="checkbox"
                          name="case"
                          value={`${c.caseNo}@${c.version}`}
                          form={BULK_FORM}
                          className="size-4 accent-brand-700"
                          aria-label={t("bulk.selectCase", { caseNo: c.caseNo })}
                        />
                      ) : null}
                    </Td>
                  ) : null}
                  <Td className="whitespace-nowrap">
                    <Link href={`/cases/${c.caseNo}`} className="font-mono text-xs font-medium text-brand-700 hover:underline">
                      {c.caseNo}
                    </Link>
                  </Td>
                  <Td>
                    <div className="font-medium">{c.elderName}</div>
                    <div className="font-mono text-xs text-slate-500">{c.idNumberMasked}</div>
                  </Td>
                  <Td>
                    <div>{c.villageName}</div>
                    {actor.regionLevel === "county" ? <div className="text-xs text-slate-500">{c.townshipName}</div> : null}
                  </Td>
                  <Td>{c.itemName}</Td>
                  <Td>
                    <Badge tone={CASE_STATUS_TONE[c.status]}>{t(`status.${c.status}`)}</Badge>
                  </Td>
                  <Td>
                    <DueDate dueDate={c.dueDate} overdue={c.overdue} today={today} />
                  </Td>
                  <Td className="whitespace-nowrap">{t(`channel.${c.channel as (typeof CASE_CHANNELS)[number]}`)}</Td>
                </Tr>
              ))
            )}
          </TBody>
        </Table>
        <Pagination page={page} pageSize={pageSize} total={total} searchParams={params} />
      </Card>
    </div>
  );
});

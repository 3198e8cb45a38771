import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { todayInShanghai } from "@/lib/dates";
import { listCertifications } from "@/lib/entitlements/queries";
import { CERTIFICATION_VIEWS, ZCertificationListQuery } from "@/lib/entitlements/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { ElderCell, PlaceCell } from "@/components/entitlements/elder-cell";
import { cn } from "@/components/ui/cn";
import { buttonVariants } from "@/components/ui/button";
import { ENTITLEMENT_STATUS_TONE } from "@/components/entitlements/status";

export async function generateMetadata() {
  return { title: (await getTranslations("entitlements"))("certifications.title") };
}

/** 资格认证: due this month, overdue, suspended; each row opens the entitlement, where it is recorded. */
export default async function CertificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await getActor();
  const params = await searchParams;
  const query = ZCertificationListQuery.parse(params);
  const today = todayInShanghai();
  const [list, t] = await Promise.all([orNotFound(listCertifications(actor, query, today)), getTranslations("entitlements")]);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("certifications.title")} description={t("certifications.description")} />
      <nav className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200" aria-label={t("certifications.title")}>
        {CERTIFICATION_VIEWS.map((view) => (
          <Link
            key={view}
            href={view === "due" ? "/payments/certifications" : `/payments/certifications?view=${view}`}
            aria-current={query.view === view ? "page" : undefined}
            className={cn(
              "-mb-px flex items-center gap-1.5 whitespace-nowrap border-b-2 px-4 py-2 text-sm",
              query.view === view ? "border-brand-700 font-medium text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t(`certifications.views.${view}`)}
            <Badge tone={view === "due" ? "blue" : view === "overdue" ? "red" : "amber"}>{list.counts[view]}</Badge>
          </Link>
        ))}
      </nav>
      {/* On a phone (the village clerk at the door): one card per person, the record link big enough to tap. */}
      <ul className="flex flex-col gap-3 sm:hidden" data-testid="certifications-cards">
        {list.items.length === 0 ? <li className="rounded-lg border border-slate-200 bg-white p-4 text-center text-sm text-slate-500">{t(`certifications.none.${query.view}`)}</li> : null}
        {list.items.map((e) => (
          <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-4" data-entitlement={e.id}>
            <div className="flex items-start justify-between gap-2">
              <div>
                <div className="font-medium text-slate-900">{e.elderName}</div>
                <div className="text-xs tabular-nums text-slate-500">{e.idNumberMasked}</div>
              </div>
              <Badge tone={ENTITLEMENT_STATUS_TONE[e.status]}>{t(`status.${e.status}`)}</Badge>
            </div>
            <dl className="mt-2 grid grid-cols-[5rem_1fr] gap-y-1 text-sm">
              <dt className="text-slate-500">{t("list.columns.item")}</dt>
              <dd>{e.itemName}</dd>
              <dt className="text-slate-500">{t("certifications.columns.due")}</dt>
              <dd className={cn("tabular-nums", e.certDueOn && e.certDueOn < today && "font-medium text-red-700")}>{e.certDueOn ?? "—"}</dd>
              <dt className="text-slate-500">{t("certifications.columns.last")}</dt>
              <dd className="tabular-nums">{e.lastCertifiedOn ?? t("certifications.never")}</dd>
              <dt className="text-slate-500">{t("list.columns.place")}</dt>
              <dd className="text-xs text-slate-600">
                {e.townshipName} {e.villageName}
              </dd>
            </dl>
            {list.canCertify ? (
              <Link href={`/payments/entitlements/${e.id}#certify`} className={cn(buttonVariants({ size: "lg" }), "mt-3 w-full")}>
                {t("certifications.record")}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
      <Card className="hidden sm:block">
        <Table data-testid="certifications-table">
          <THead>
            <tr>
              <Th>{t("list.columns.elder")}</Th>
              <Th>{t("list.columns.item")}</Th>
              <Th>{t("list.columns.place")}</Th>
              <Th>{t("certifications.columns.due")}</Th>
              <Th>{t("certifications.columns.last")}</Th>
              <Th>{t("list.columns.status")}</Th>
              {list.canCertify ? <Th /> : null}
            </tr>
          </THead>
          <TBody>
            {list.items.length === 0 ? (
              <EmptyRow colSpan={7}>{t(`certifications.none.${query.view}`)}</EmptyRow>
            ) : (
              list.items.map((e) => (
                <Tr key={e.id} data-entitlement={e.id}>
                  <ElderCell name={e.elderName} idNumberMasked={e.idNumberMasked} />
                  <Td>{e.itemName}</Td>
                  <PlaceCell townshipName={e.townshipName} villageName={e.villageName} />
                  <Td className={cn("whitespace-nowrap tabular-nums", e.certDueOn && e.certDueOn < today && "font-medium text-red-700")}>{e.certDueOn ?? "—"}</Td>
                  <Td className="whitespace-nowrap tabular-nums text-xs">{e.lastCertifiedOn ?? t("certifications.never")}</Td>
                  <Td>
                    <Badge tone={ENTITLEMENT_STATUS_TONE[e.status]}>{t(`status.${e.status}`)}</Badge>
                  </Td>
                  {list.canCertify ? (
                    <Td className="whitespace-nowrap text-right">
                      <Link href={`/payments/entitlements/${e.id}#certify`} className="text-sm text-brand-700 hover:underline" data-testid="certify-link">
                        {t("certifications.record")}
                      </Link>
                    </Td>
                  ) : null}
                </Tr>
              ))
            )}
          </TBody>
        </Table>
      </Card>
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} searchParams={params} />
    </div>
  );
}

import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { orNotFound } from "@/lib/entry/page";
import { todayInShanghai } from "@/lib/dates";
import { ZAsOf } from "@/lib/catalogue/schemas";
import { noticeList } from "@/lib/cases/queries";
import { listAssignableRegions } from "@/lib/regions/queries";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Input, Select } from "@/components/ui/input";
import { FilterField } from "@/components/ui/filter-bar";
import { PrintSheet } from "@/components/cases/print-sheet";
import { amountLabel, docDate } from "@/components/cases/format";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("caseDocs"))("notice.title") };
}

/**
 * 公示名单 of one township on a date (`?township=<9 digits>&date=YYYY-MM-DD`). County staff choose
 * the township; township and village staff get their own. A township outside reach is 404.
 */
export default withClientMessages(["caseDocs"], async function NoticeListPage({ searchParams }: { searchParams: Promise<{ township?: string; date?: string }> }) {
  const actor = await getActor();
  if (!can(actor, "case.read")) notFound();
  const params = await searchParams;
  const asOf = ZAsOf.parse(params.date) ?? todayInShanghai();
  const countyWide = actor.regionLevel === "county";
  if (params.township && !/^\d{9}$/.test(params.township)) notFound();
  const townshipCode = params.township || (countyWide ? null : actor.townshipCode);
  const [t, tc, te, list, townships] = await Promise.all([
    getTranslations("caseDocs"),
    getTranslations("catalogue"),
    getTranslations("elders"),
    townshipCode ? orNotFound(noticeList(actor, townshipCode, asOf)) : null,
    countyWide ? listAssignableRegions(actor).then((rows) => rows.filter((r) => r.level === "township")) : [],
  ]);
  const filter = (
    <form className="flex flex-wrap items-end gap-3" role="search" data-testid="notice-filter">
      {countyWide ? (
        <FilterField label={t("notice.township")}>
          <Select name="township" defaultValue={townshipCode ?? ""} className="w-48">
            <option value="">{t("notice.pickTownship")}</option>
            {townships.map((r) => (
              <option key={r.code} value={r.code.slice(0, 9)}>
                {r.name}
              </option>
            ))}
          </Select>
        </FilterField>
      ) : null}
      <FilterField label={t("notice.date")}>
        <Input type="date" name="date" defaultValue={asOf} className="w-44" />
      </FilterField>
      <Button type="submit" variant="secondary">
        {t("notice.show")}
      </Button>
    </form>
  );
  const th = "border border-black px-2 py-1 text-center font-medium whitespace-nowrap";
  const td = "border border-black px-2 py-1";
  return (
    <>
      {!list ? (
        <div className="mx-auto max-w-[210mm]">
          <PageHeader title={t("notice.title")} description={t("notice.pickTownshipHint")} actions={filter} />
        </div>
      ) : (
        <PrintSheet testId="notice-list" toolbar={filter}>
          <header className="mb-3 text-center">
            <h1 className="text-[16pt] font-bold tracking-wide" data-testid="doc-title">
              {t("notice.heading", { county: list.countyName, township: list.townshipName })}
            </h1>
          </header>
          <p className="indent-[2em]">{t("notice.intro")}</p>
          <p className="mb-2 text-right text-[10pt]">{t("notice.asOf", { date: docDate(t as never, list.asOf) ?? "" })}</p>
          <table className="w-full border-collapse text-[10pt]" data-testid="notice-rows">
            <thead>
              <tr>
                <th className={th}>{t("notice.columns.no")}</th>
                <th className={th}>{t("notice.columns.name")}</th>
                <th className={th}>{t("notice.columns.sex")}</th>
                <th className={th}>{t("notice.columns.age")}</th>
                <th className={th}>{t("notice.columns.village")}</th>
                <th className={th}>{t("notice.columns.item")}</th>
                <th className={th}>{t("notice.columns.standard")}</th>
                <th className={th}>{t("notice.columns.period")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.length === 0 ? (
                <tr>
                  <td className={`${td} py-6 text-center`} colSpan={8}>
                    {t("notice.none")}
                  </td>
                </tr>
              ) : (
                list.rows.map((r, i) => (
                  <tr key={r.caseNo} data-case={r.caseNo} className="break-inside-avoid">
                    <td className={`${td} text-center tabular-nums`}>{i + 1}</td>
                    <td className={`${td} whitespace-nowrap`}>{r.name}</td>
                    <td className={`${td} text-center`}>{te(`sex.${r.sex}`)}</td>
                    <td className={`${td} text-center tabular-nums`}>{r.age}</td>
                    <td className={td}>{r.villageName}</td>
                    <td className={td}>{r.itemName}</td>
                    <td className={`${td} whitespace-nowrap tabular-nums`}>{amountLabel(tc as never, r) ?? "—"}</td>
                    <td className={`${td} whitespace-nowrap tabular-nums text-[9pt]`}>
                      {r.noticeStartedOn && r.noticeEndsOn ? t("notice.period", { start: r.noticeStartedOn, end: r.noticeEndsOn }) : "—"}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
          {list.rows.length ? <p className="mt-1 text-[10pt]">{t("notice.count", { count: list.rows.length })}</p> : null}
          <p className="mt-4 indent-[2em]" data-testid="notice-objection">
            {t("notice.objection")}
          </p>
          <div className="mt-10 ml-auto w-fit text-center leading-loose">
            <p>{t("notice.issuer", { township: list.townshipName })}</p>
            <p>{docDate(t as never, list.asOf)}</p>
          </div>
        </PrintSheet>
      )}
    </>
  );
});

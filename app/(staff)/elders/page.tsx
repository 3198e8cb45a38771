import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Download, Plus, Upload } from "lucide-react";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { orNotFound } from "@/lib/entry/page";
import { listElders } from "@/lib/elders/queries";
import { ZElderListQuery, ELDER_SORTS } from "@/lib/elders/schemas";
import { listVillageOptions } from "@/lib/regions/queries";
import { AGE_BANDS } from "@/lib/dates";
import { CIRCUMSTANCE_RECORD_TYPES } from "@/lib/elders/circumstances";
import { ELDER_STATUSES } from "@/lib/elders/facts";
import { PageHeader } from "@/components/ui/page-header";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { FilterBar, FilterField, FilterSelect } from "@/components/ui/filter-bar";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { VillageOptions } from "@/components/elders/village-options";

export async function generateMetadata() {
  return { title: (await getTranslations("registry"))("title") };
}

const STATUS_TONE = { living: "green", deceased: "gray", moved_out: "amber" } as const;

export default async function EldersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await getActor();
  const params = await searchParams;
  const query = ZElderListQuery.parse(params);
  const [{ rows, total, page, pageSize }, villages, t, te, tc] = await Promise.all([
    orNotFound(listElders(actor, query)),
    listVillageOptions(actor),
    getTranslations("registry"),
    getTranslations("elders"),
    getTranslations("common"),
  ]);
  const exportQuery = new URLSearchParams(Object.entries(params).filter(([k, v]) => v && k !== "page") as [string, string][]);
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={t("title")}
        description={t("count", { total })}
        actions={
          <>
            {can(actor, "elder.export") ? (
              <a href={`/elders/export?${exportQuery}`} className={buttonVariants({ variant: "secondary" })} data-testid="export-link">
                <Download aria-hidden="true" />
                {te("export.button")}
              </a>
            ) : null}
            {can(actor, "elder.import") ? (
              <Link href="/elders/import" className={buttonVariants({ variant: "secondary" })}>
                <Upload aria-hidden="true" />
                {t("import")}
              </Link>
            ) : null}
            {can(actor, "elder.write") ? (
              <Link href="/elders/new" className={buttonVariants()}>
                <Plus aria-hidden="true" />
                {t("new")}
              </Link>
            ) : null}
          </>
        }
      />
      <Card>
        <FilterBar testId="elder-filters">
          <FilterField label={t("searchLabel")}>
            <Input name="q" defaultValue={query.q ?? ""} placeholder={t("searchPlaceholder")} className="w-60" />
          </FilterField>
          {villages.length > 1 ? (
            <FilterSelect label={t("filters.village")} name="village" value={query.village} allLabel={t("filters.all")} className="w-44">
              <VillageOptions villages={villages} />
            </FilterSelect>
          ) : null}
          <FilterSelect
            label={t("filters.ageBand")}
            name="ageBand"
            value={query.ageBand}
            allLabel={t("filters.all")}
            options={AGE_BANDS.map((b) => ({ value: b, label: te(`ageBand.${b}`) }))}
            className="w-32"
          />
          <FilterSelect
            label={t("filters.circumstance")}
            name="circumstance"
            value={query.circumstance}
            allLabel={t("filters.all")}
            options={CIRCUMSTANCE_RECORD_TYPES.map((c) => ({ value: c, label: te(`circumstance.${c}`) }))}
            className="w-44"
          />
          <FilterSelect
            label={t("filters.status")}
            name="status"
            value={query.status}
            allLabel={t("filters.all")}
            options={ELDER_STATUSES.map((s) => ({ value: s, label: te(`status.${s}`) }))}
            className="w-28"
          />
          <FilterField label={t("sortBy")}>
            <Select name="sort" defaultValue={query.sort} className="w-36">
              {ELDER_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`sort.${s}`)}
                </option>
              ))}
            </Select>
          </FilterField>
          <Button type="submit" variant="secondary">
            {t("filters.apply")}
          </Button>
          <Link href="/elders" className={buttonVariants({ variant: "ghost" })}>
            {t("filters.clear")}
          </Link>
        </FilterBar>
        <Table data-testid="elders-table">
          <THead>
            <tr>
              <Th>{t("columns.name")}</Th>
              <Th>{t("columns.sex")}</Th>
              <Th>{t("columns.age")}</Th>
              <Th>{t("columns.idNumber")}</Th>
              <Th>{t("columns.village")}</Th>
              <Th>{t("columns.circumstances")}</Th>
              <Th>{t("columns.status")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.length === 0 ? (
              <EmptyRow colSpan={7}>{tc("empty")}</EmptyRow>
            ) : (
              rows.map((e) => (
                <Tr key={e.id} data-elder={e.id}>
                  <Td>
                    <Link href={`/elders/${e.id}`} className="font-medium text-brand-700 hover:underline">
                      {e.name}
                    </Link>
                  </Td>
                  <Td>{te(`sex.${e.sex}`)}</Td>
                  <Td>{t("ageValue", { age: e.age })}</Td>
                  <Td className="font-mono text-xs">{e.idNumberMasked}</Td>
                  <Td>{e.villageName}</Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {e.circumstances.map((c) => (
                        <Badge key={c} tone="blue">
                          {te(`circumstance.${c}`)}
                        </Badge>
                      ))}
                    </div>
                  </Td>
                  <Td>
                    <Badge tone={STATUS_TONE[e.status]}>{te(`status.${e.status}`)}</Badge>
                  </Td>
                </Tr>
              ))
            )}
          </TBody>
        </Table>
        <Pagination page={page} pageSize={pageSize} total={total} searchParams={params} />
      </Card>
    </div>
  );
}

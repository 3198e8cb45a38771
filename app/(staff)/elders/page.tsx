import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Download, Plus, Upload } from "lucide-react";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { orNotFound } from "@/lib/entry/page";
import { listElders } from "@/lib/elders/queries";
import { ZElderListQuery, ELDER_SORTS } from "@/lib/elders/schemas";
import { listVillageOptions } from "@/lib/regions/queries";
import { AGE_BANDS } from "@/lib/elders/dates";
import { CIRCUMSTANCE_RECORD_TYPES } from "@/lib/elders/circumstances";
import { ELDER_STATUSES } from "@/lib/elders/facts";
import { PageHeader } from "@/components/ui/page-header";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { FilterBar, FilterField } from "@/components/ui/filter-bar";
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
  const label = (text: string, control: React.ReactNode) => <FilterField label={text}>{control}</FilterField>;
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
          {label(t("searchLabel"), <Input name="q" defaultValue={query.q ?? ""} placeholder={t("searchPlaceholder")} className="w-60" />)}
          {villages.length > 1
            ? label(
                t("filters.village"),
                <Select name="village" defaultValue={query.village ?? ""} className="w-44">
                  <option value="">{t("filters.all")}</option>
                  <VillageOptions villages={villages} />
                </Select>,
              )
            : null}
          {label(
            t("filters.ageBand"),
            <Select name="ageBand" defaultValue={query.ageBand ?? ""} className="w-32">
              <option value="">{t("filters.all")}</option>
              {AGE_BANDS.map((b) => (
                <option key={b} value={b}>
                  {te(`ageBand.${b}`)}
                </option>
              ))}
            </Select>,
          )}
          {label(
            t("filters.circumstance"),
            <Select name="circumstance" defaultValue={query.circumstance ?? ""} className="w-44">
              <option value="">{t("filters.all")}</option>
              {CIRCUMSTANCE_RECORD_TYPES.map((c) => (
                <option key={c} value={c}>
                  {te(`circumstance.${c}`)}
                </option>
              ))}
            </Select>,
          )}
          {label(
            t("filters.status"),
            <Select name="status" defaultValue={query.status ?? ""} className="w-28">
              <option value="">{t("filters.all")}</option>
              {ELDER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {te(`status.${s}`)}
                </option>
              ))}
            </Select>,
          )}
          {label(
            t("sortBy"),
            <Select name="sort" defaultValue={query.sort} className="w-36">
              {ELDER_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`sort.${s}`)}
                </option>
              ))}
            </Select>,
          )}
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

import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Search, Settings } from "lucide-react";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { toLocale } from "@/lib/i18n/config";
import { getCatalogueInForce, scheduledVersions } from "@/lib/catalogue/queries";
import { describeAmount } from "@/lib/policy/evaluate";
import { SERVICE_TYPES } from "@/lib/policy/catalogue-schema";
import { PageHeader } from "@/components/ui/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export async function generateMetadata() {
  return { title: (await getTranslations("catalogue"))("title") };
}

/** 服务清单: the county's catalogue in force today, grouped by service type. */
export default async function CataloguePage() {
  const actor = await getActor();
  const { version, asOf, canManage } = await orNotFound(getCatalogueInForce(actor));
  const [t, tp, locale, scheduled] = await Promise.all([getTranslations("catalogue"), getTranslations("policy"), getLocale(), scheduledVersions(actor.countyCode, asOf)]);
  const actions = (
    <>
      <Link href="/catalogue/finder" className={buttonVariants()}>
        <Search aria-hidden="true" />
        {t("finder.title")}
      </Link>
      {canManage ? (
        <Link href="/catalogue/admin" className={buttonVariants({ variant: "secondary" })}>
          <Settings aria-hidden="true" />
          {t("admin.title")}
        </Link>
      ) : null}
    </>
  );
  if (!version) {
    return (
      <div className="mx-auto max-w-7xl">
        <PageHeader title={t("title")} actions={actions} />
        <Notice tone="warning">{t("noneInForce", { asOf })}</Notice>
      </div>
    );
  }
  const catalogue = version.catalogue;
  const options = { economicHardship: catalogue.economicHardship, parameters: catalogue.parameters };
  const groups = SERVICE_TYPES.map((type) => ({ type, items: catalogue.items.filter((i) => i.serviceTypes[0] === type) })).filter((g) => g.items.length);
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={t("title")}
        description={t("inForce", { label: version.label, number: version.number, from: version.effectiveFrom ?? "", count: catalogue.items.length })}
        actions={actions}
      />
      {scheduled.map((s) => (
        <Notice key={s.id} tone="info" className="mb-4">
          {t("scheduled", { number: s.number, from: s.effectiveFrom ?? "" })}
        </Notice>
      ))}
      <div className="flex flex-col gap-5" data-testid="catalogue-groups">
        {groups.map((group) => (
          <Card key={group.type}>
            <CardHeader title={`${tp(`serviceType.${group.type}`)}（${group.items.length}）`} />
            <Table>
              <THead>
                <Tr>
                  <Th className="w-14">{t("columns.row")}</Th>
                  <Th className="w-40">{t("columns.name")}</Th>
                  <Th>{t("columns.content")}</Th>
                  <Th className="w-56">{t("columns.target")}</Th>
                  <Th className="w-28">{t("columns.delivery")}</Th>
                  <Th className="w-56">{t("columns.amount")}</Th>
                  <Th className="w-32">{t("columns.departments")}</Th>
                </Tr>
              </THead>
              <TBody>
                {group.items.map((item) => (
                  <Tr key={item.code} data-code={item.code} className="align-top">
                    <Td className="align-top whitespace-nowrap text-slate-500">{item.row}</Td>
                    <Td className="align-top font-medium">
                      <Link href={`/catalogue/items/${item.code}`} className="text-brand-800 hover:underline">
                        {item.name}
                      </Link>
                    </Td>
                    <Td className="align-top whitespace-pre-line text-slate-700">{item.content}</Td>
                    <Td className="align-top text-slate-700">{item.target}</Td>
                    <Td className="align-top">{tp(`delivery.${item.delivery}`)}</Td>
                    <Td className="align-top text-slate-700">{describeAmount(item.amount, toLocale(locale), options)}</Td>
                    <Td className="align-top text-slate-700">{item.leadDepartments.join("、")}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </Card>
        ))}
      </div>
      <p className="mt-4 text-xs text-slate-500">{t("source", { title: catalogue.source.title, basis: catalogue.effectiveFromBasis })}</p>
    </div>
  );
}

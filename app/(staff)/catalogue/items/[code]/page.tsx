import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Pencil } from "lucide-react";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { toLocale } from "@/lib/i18n/config";
import { getCatalogueInForce, getVersion } from "@/lib/catalogue/queries";
import { describeAmount, describeRule } from "@/lib/policy/evaluate";
import { ZItemCode } from "@/lib/policy/catalogue-schema";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/** One item of a catalogue version, its rules in plain language. */
export default async function CatalogueItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  const actor = await getActor();
  const { code } = await params;
  const { version: versionId } = await searchParams;
  if (!ZItemCode.safeParse(code).success) notFound();
  const version = versionId
    ? z.string().uuid().safeParse(versionId).success
      ? await orNotFound(getVersion(actor, versionId))
      : notFound()
    : (await orNotFound(getCatalogueInForce(actor))).version;
  if (!version) notFound();
  const catalogue = version.catalogue;
  const item = catalogue.items.find((i) => i.code === code);
  if (!item) notFound();
  const [t, tp, locale] = await Promise.all([getTranslations("catalogue"), getTranslations("policy"), getLocale()]);
  const options = { economicHardship: catalogue.economicHardship, parameters: catalogue.parameters };
  const names = new Map(catalogue.items.map((i) => [i.code, i.name]));
  const dt = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="grid grid-cols-[9rem_1fr] gap-3 py-2 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="whitespace-pre-line text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={item.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{t("item.codeRow", { code: item.code, row: item.row })}</span>
            <Badge tone={version.status === "draft" ? "amber" : version.status === "published" ? "green" : "gray"}>{t(`status.${version.status}`)}</Badge>
            <span>{t("item.inVersion", { label: version.label, number: version.number })}</span>
          </span>
        }
        actions={
          version.status === "draft" ? (
            <Link href={`/catalogue/admin/versions/${version.id}/items/${item.code}`} className={buttonVariants()}>
              <Pencil aria-hidden="true" />
              {t("admin.editItem")}
            </Link>
          ) : (
            <Link href="/catalogue" className={buttonVariants({ variant: "secondary" })}>
              {t("item.back")}
            </Link>
          )
        }
      />
      <div className="flex flex-col gap-5">
        <Card>
          <CardHeader title={t("item.rules")} />
          <CardBody>
            <dl className="divide-y divide-slate-100">
              {dt(t("item.eligibility"), describeRule(item.eligibility, toLocale(locale), options), "item-eligibility")}
              {dt(t("item.amount"), describeAmount(item.amount, toLocale(locale), options), "item-amount")}
              {dt(t("item.exclusions"), item.exclusions.length ? item.exclusions.map((c) => `${names.get(c) ?? c}（${c}）`).join("、") : t("item.none"))}
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("item.document")} />
          <CardBody>
            <dl className="divide-y divide-slate-100">
              {dt(t("columns.content"), item.content)}
              {dt(t("columns.target"), item.target)}
              {dt(t("item.serviceTypes"), item.serviceTypes.map((s) => tp(`serviceType.${s}`)).join("、"))}
              {dt(t("columns.departments"), item.leadDepartments.join("、"))}
              {dt(t("columns.delivery"), tp(`delivery.${item.delivery}`))}
              {dt(t("item.needsApplication"), item.needsApplication ? t("item.yes") : t("item.no"))}
              {dt(t("item.publicNotice"), item.workflow.publicNotice ? t("item.noticeDays", { days: item.workflow.noticeDays ?? 0 }) : t("item.noNotice"))}
              {item.notes ? dt(t("item.notes"), item.notes) : null}
            </dl>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}

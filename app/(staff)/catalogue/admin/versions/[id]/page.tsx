import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { assertCan } from "@/lib/authz/policy";
import { orNotFound } from "@/lib/entry/page";
import { toLocale } from "@/lib/i18n/config";
import { todayInShanghai } from "@/lib/dates";
import { getVersion } from "@/lib/catalogue/queries";
import { describeAmount, describeRule } from "@/lib/policy/evaluate";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { PublishForm } from "@/components/catalogue/publish-form";
import { publishAction } from "../../../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

/** A version in administration: its items (editable while a draft), preview and publishing. */
export default withClientMessages(["catalogue"], async function VersionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const version = await orNotFound(async () => {
    assertCan(actor, "catalogue.manage");
    return getVersion(actor, id);
  });
  const [t, tp, locale] = await Promise.all([getTranslations("catalogue"), getTranslations("policy"), getLocale()]);
  const catalogue = version.catalogue;
  const options = { economicHardship: catalogue.economicHardship, parameters: catalogue.parameters };
  const isDraft = version.status === "draft";
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={version.label}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={isDraft ? "amber" : version.status === "published" ? "green" : "gray"}>{t(`status.${version.status}`)}</Badge>
            <span>{t("admin.numberValue", { number: version.number })}</span>
            {version.effectiveFrom ? <span>{t("admin.effectiveFromValue", { date: version.effectiveFrom })}</span> : null}
            <span>{t("admin.revision", { revision: version.revision })}</span>
          </span>
        }
        actions={
          <>
            <Link href="/catalogue/admin" className={buttonVariants({ variant: "secondary" })}>
              {t("admin.back")}
            </Link>
            {version.status !== "retired" ? (
              <Link href={`/catalogue/admin/versions/${version.id}/preview`} className={buttonVariants({ variant: isDraft ? "primary" : "secondary" })} data-testid="preview-link">
                {t("preview.open")}
              </Link>
            ) : null}
          </>
        }
      />
      <div className="flex flex-col gap-5">
        {isDraft ? (
          <Card>
            <CardHeader title={t("publish.title")} description={t("publish.description")} />
            <CardBody>
              <PublishForm action={publishAction} version={{ id: version.id, revision: version.revision }} minDate={todayInShanghai()} />
            </CardBody>
          </Card>
        ) : null}
        <Card>
          <CardHeader title={t("admin.items", { count: catalogue.items.length })} description={isDraft ? t("admin.itemsDraftHint") : t("admin.itemsReadOnly")} />
          <Table data-testid="version-items">
            <THead>
              <Tr>
                <Th className="w-28">{t("columns.code")}</Th>
                <Th className="w-40">{t("columns.name")}</Th>
                <Th>{t("item.eligibility")}</Th>
                <Th className="w-64">{t("columns.amount")}</Th>
                <Th className="w-24">{t("columns.delivery")}</Th>
                <Th className="w-16" />
              </Tr>
            </THead>
            <TBody>
              {catalogue.items.map((item) => (
                <Tr key={item.code} data-code={item.code} className="align-top">
                  <Td className="align-top tabular-nums text-slate-500">{item.code}</Td>
                  <Td className="align-top font-medium">{item.name}</Td>
                  <Td className="align-top text-slate-700">{describeRule(item.eligibility, toLocale(locale), options)}</Td>
                  <Td className="align-top text-slate-700" data-testid="item-amount">{describeAmount(item.amount, toLocale(locale), options)}</Td>
                  <Td className="align-top">{tp(`delivery.${item.delivery}`)}</Td>
                  <Td className="align-top">
                    <Link
                      href={isDraft ? `/catalogue/admin/versions/${version.id}/items/${item.code}` : `/catalogue/items/${item.code}?version=${version.id}`}
                      className="text-brand-700 hover:underline"
                      aria-label={`${isDraft ? t("admin.edit") : t("admin.view")} ${item.name}`}
                    >
                      {isDraft ? t("admin.edit") : t("admin.view")}
                    </Link>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>
      </div>
    </div>
  );
});

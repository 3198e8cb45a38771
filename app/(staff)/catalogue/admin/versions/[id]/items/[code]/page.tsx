import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { assertCan } from "@/lib/authz/policy";
import { orNotFound } from "@/lib/entry/page";
import { toLocale } from "@/lib/i18n/config";
import { getVersion } from "@/lib/catalogue/queries";
import { describeAmount, describeRule } from "@/lib/policy/evaluate";
import { PageHeader } from "@/components/ui/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { ItemForm } from "@/components/catalogue/item-form";
import { updateItemAction } from "../../../../../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

/** Editing one item of a draft: common fields in a form, the rules as validated JSON. */
export default withClientMessages(["catalogue", "policy"], async function EditItemPage({ params }: { params: Promise<{ id: string; code: string }> }) {
  const actor = await getActor();
  const { id, code } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const version = await orNotFound(async () => {
    assertCan(actor, "catalogue.manage");
    return getVersion(actor, id);
  });
  const item = version.catalogue.items.find((i) => i.code === code);
  if (!item) notFound();
  const [t, locale] = await Promise.all([getTranslations("catalogue"), getLocale()]);
  const options = { economicHardship: version.catalogue.economicHardship, parameters: version.catalogue.parameters };
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title={t("edit.title", { name: item.name })}
        description={t("item.inVersion", { label: version.label, number: version.number })}
        actions={
          <Link href={`/catalogue/admin/versions/${version.id}`} className={buttonVariants({ variant: "secondary" })}>
            {t("edit.back")}
          </Link>
        }
      />
      {version.status !== "draft" ? (
        <Notice tone="warning" className="mb-4" testId="not-draft">
          {t("edit.notDraft")}
        </Notice>
      ) : null}
      <div className="flex flex-col gap-5">
        <Card>
          <CardHeader title={t("edit.current")} />
          <CardBody className="flex flex-col gap-2 text-sm">
            <p>
              <span className="text-slate-500">{t("item.eligibility")}：</span>
              <span data-testid="current-eligibility">{describeRule(item.eligibility, toLocale(locale), options)}</span>
            </p>
            <p>
              <span className="text-slate-500">{t("item.amount")}：</span>
              <span data-testid="current-amount">{describeAmount(item.amount, toLocale(locale), options)}</span>
            </p>
          </CardBody>
        </Card>
        {version.status === "draft" ? (
          <Card>
            <CardBody>
              <ItemForm
                action={updateItemAction}
                version={{ id: version.id, revision: version.revision }}
                item={{
                  code: item.code,
                  name: item.name,
                  content: item.content,
                  target: item.target,
                  leadDepartments: item.leadDepartments.join("、"),
                  delivery: item.delivery,
                  needsApplication: item.needsApplication,
                  publicNotice: item.workflow.publicNotice,
                  noticeDays: item.workflow.noticeDays,
                  eligibility: JSON.stringify(item.eligibility, null, 2),
                  amount: JSON.stringify(item.amount, null, 2),
                  notes: item.notes ?? "",
                }}
                parameters={version.catalogue.parameters.map((p) => `${p.name}（${p.label}）`)}
              />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </div>
  );
});

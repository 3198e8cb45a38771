import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { orNotFound } from "@/lib/entry/page";
import { toLocale } from "@/lib/i18n/config";
import { getElder } from "@/lib/elders/queries";
import { evaluateElder } from "@/lib/catalogue/evaluation";
import { listElderCases, listElderEntitlements } from "@/lib/cases/queries";
import { FINAL_STATUSES } from "@/lib/cases/workflow";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { NewCaseForm, type TApplyItem } from "@/components/cases/new-case-form";
import { amountLabel } from "@/components/cases/format";
import { createCaseAction } from "./actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("caseDocs"))("new.title") };
}

/**
 * 发起申请 for a registered elder (`?elderId=`, optionally `&itemCode=`): roles that may create
 * cases only; another role, or an elder outside the caller's region, is 404.
 */
export default withClientMessages(["caseDocs", "cases", "catalogue", "policy"], async function NewCasePage({ searchParams }: { searchParams: Promise<{ elderId?: string; itemCode?: string }> }) {
  const actor = await getActor();
  if (!can(actor, "case.create")) notFound();
  const { elderId, itemCode } = await searchParams;
  if (!z.string().uuid().safeParse(elderId).success) notFound();
  const elder = await orNotFound(getElder(actor, elderId!));
  const [t, tc, te, tp, locale] = await Promise.all([
    getTranslations("caseDocs"),
    getTranslations("catalogue"),
    getTranslations("elders"),
    getTranslations("policy"),
    getLocale(),
  ]);
  const living = elder.status === "living";
  const [evaluation, cases, benefits] = living
    ? await Promise.all([evaluateElder(actor, elder.id, { locale: toLocale(locale) }), listElderCases(actor, elder.id), listElderEntitlements(actor, elder.id)])
    : [null, [], []];
  // What createCase would refuse as a duplicate, said before the clerk fills the form in.
  const blockedBy = new Map<string, TApplyItem["blockedBy"]>();
  for (const b of benefits) if (b.status === "active") blockedBy.set(b.itemCode, { caseNo: b.caseNo, reason: "receiving" });
  for (const c of cases) if (!FINAL_STATUSES.includes(c.status)) blockedBy.set(c.itemCode, { caseNo: c.caseNo, reason: "open" });
  // Items that need an application, eligible ones first (the engine's order within each group).
  const applicable = (evaluation?.items ?? []).filter((i) => i.needsApplication);
  const items: TApplyItem[] = [...applicable.filter((i) => i.eligible), ...applicable.filter((i) => !i.eligible)].map((i) => ({
    code: i.code,
    name: i.name,
    eligible: i.eligible,
    excluded: i.excludedBy !== null,
    amount: i.eligible
      ? (amountLabel(tc as never, i) ??
        (i.delivery === "monthly_cash" || i.delivery === "one_off_cash" ? tc("amount.unset") : tp(`delivery.${i.delivery}`)))
      : null,
    lines: i.lines,
    blockedBy: blockedBy.get(i.code) ?? null,
  }));
  const inForce = elder.circumstances.filter((c) => c.inForce);
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-[7rem_1fr] gap-3 py-1 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{value || "—"}</dd>
    </div>
  );
  const back = `/elders/${elder.id}`;
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title={t("new.title")}
        description={t("new.description", { name: elder.name })}
        actions={
          <Link href={`${back}?tab=cases`} className={buttonVariants({ variant: "secondary" })}>
            {t("new.cancel")}
          </Link>
        }
      />
      <div className="grid items-start gap-5 lg:grid-cols-[20rem_1fr]">
        <Card data-testid="case-elder">
          <CardHeader title={t("new.elder")} />
          <CardBody>
            <dl>
              {row(
                t("new.elderFields.name"),
                <Link href={back} className="font-medium text-brand-700 hover:underline">
                  {elder.name}
                </Link>,
              )}
              {row(t("new.elderFields.sexAge"), `${te(`sex.${elder.sex}`)} · ${t("new.ageValue", { age: elder.age })}`)}
              {row(t("new.elderFields.idNumber"), <span className="tabular-nums">{elder.idNumberMasked}</span>)}
              {row(t("new.elderFields.village"), `${elder.townshipName} ${elder.villageName}`)}
              {row(t("new.elderFields.address"), elder.address)}
              {row(t("new.elderFields.phone"), elder.phone)}
              {row(
                t("new.elderFields.circumstances"),
                inForce.length ? (
                  <span className="flex flex-wrap gap-1">
                    {inForce.map((c) => (
                      <Badge key={c.id} tone="blue">
                        {te(`circumstance.${c.type}`)}
                      </Badge>
                    ))}
                  </span>
                ) : (
                  t("new.noCircumstances")
                ),
              )}
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("new.application")} />
          <CardBody>
            {!living ? (
              <Notice tone="warning" testId="case-not-living">
                {t("new.notLiving")}
              </Notice>
            ) : items.length === 0 ? (
              <Notice tone="info">{evaluation?.catalogueVersion === null ? tc("finder.noCatalogue", { asOf: evaluation.asOf }) : t("new.noItems")}</Notice>
            ) : (
              <NewCaseForm
                action={createCaseAction}
                elderId={elder.id}
                items={items}
                initialItemCode={items.some((i) => i.code === itemCode) ? itemCode! : ""}
              />
            )}
          </CardBody>
        </Card>
      </div>
    </div>
  );
});

import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { assertCan, can } from "@/lib/authz/policy";
import { orNotFound } from "@/lib/entry/page";
import { toLocale } from "@/lib/i18n/config";
import { todayInShanghai } from "@/lib/dates";
import { getElder, listElders } from "@/lib/elders/queries";
import { ZElderListQuery } from "@/lib/elders/schemas";
import { evaluateElder } from "@/lib/catalogue/evaluation";
import { ZAsOf } from "@/lib/catalogue/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { EvaluationResults } from "@/components/catalogue/evaluation-results";
import { FinderForm } from "@/components/catalogue/finder-form";
import { evaluateFactsAction } from "../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("catalogue"))("finder.title") };
}

/** 政策找人 / 一键查询: a registered elder (searched within the caller's region) or typed-in facts. */
export default withClientMessages(["catalogue", "policy", "caseDocs"], async function FinderPage({ searchParams }: { searchParams: Promise<{ q?: string; elder?: string; asOf?: string }> }) {
  const actor = await getActor();
  await orNotFound(async () => assertCan(actor, "policy.evaluate"));
  const params = await searchParams;
  const q = params.q?.trim().slice(0, 50) ?? "";
  const asOf = ZAsOf.parse(params.asOf) ?? todayInShanghai();
  const elderId = z.string().uuid().safeParse(params.elder).success ? params.elder! : null;
  const [t, te, locale] = await Promise.all([getTranslations("catalogue"), getTranslations("elders"), getLocale()]);
  // 发起申请 is offered only to the roles that take applications (the new-case page checks again).
  const mayApply = can(actor, "case.create");
  const found = q ? await orNotFound(listElders(actor, ZElderListQuery.parse({ q, sort: "name", dir: "asc" }))) : null;
  const [elder, evaluation] = elderId
    ? await orNotFound(Promise.all([getElder(actor, elderId), evaluateElder(actor, elderId, { asOf, locale: toLocale(locale) })]))
    : [null, null];
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("finder.title")} description={t("finder.description")} />
      <div className="flex flex-col gap-5">
        <Card>
          <CardHeader title={t("finder.pickElder")} description={t("finder.pickElderHint")} />
          <CardBody className="flex flex-col gap-4">
            <form method="get" className="flex flex-wrap items-end gap-2" role="search" data-testid="finder-search">
              <label className="flex flex-col gap-1 text-xs text-slate-600">
                {t("finder.searchLabel")}
                <Input name="q" defaultValue={q} className="w-72" />
              </label>
              <Button type="submit" variant="secondary">
                {t("finder.search")}
              </Button>
            </form>
            {found ? (
              found.rows.length ? (
                <Table data-testid="finder-elders">
                  <THead>
                    <Tr>
                      <Th>{t("finder.elderName")}</Th>
                      <Th>{t("finder.elderId")}</Th>
                      <Th>{t("finder.elderAge")}</Th>
                      <Th>{t("finder.elderVillage")}</Th>
                      <Th>{t("finder.elderStatus")}</Th>
                      <Th />
                    </Tr>
                  </THead>
                  <TBody>
                    {found.rows.map((row) => (
                      <Tr key={row.id} data-elder={row.id}>
                        <Td className="font-medium">{row.name}</Td>
                        <Td className="tabular-nums">{row.idNumberMasked}</Td>
                        <Td>{row.age}</Td>
                        <Td>{row.villageName}</Td>
                        <Td>{te(`status.${row.status}`)}</Td>
                        <Td>
                          <Link href={`/catalogue/finder?elder=${row.id}`} className="text-brand-700 hover:underline">
                            {t("finder.evaluateElder")}
                          </Link>
                        </Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              ) : (
                <p className="text-sm text-slate-500">{t("finder.noElders")}</p>
              )
            ) : null}
            {found && found.total > found.rows.length ? <p className="text-xs text-slate-500">{t("finder.moreElders", { total: found.total })}</p> : null}
            {elder && evaluation ? (
              <div className="border-t border-slate-200 pt-4" data-testid="elder-evaluation">
                <EvaluationResults
                  evaluation={evaluation}
                  heading={t("finder.elderHeading", { name: elder.name, id: elder.idNumberMasked })}
                  applyFor={mayApply && elder.status === "living" ? { elderId: elder.id } : undefined}
                />
                <p className="mt-2 text-xs text-slate-500">
                  <Link href={`/elders/${elder.id}`} className="text-brand-700 hover:underline">
                    {t("finder.openElder")}
                  </Link>
                </p>
              </div>
            ) : null}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("finder.typeFacts")} description={t("finder.typeFactsHint")} />
          <CardBody>
            <FinderForm action={evaluateFactsAction} today={todayInShanghai()} registerFirst={mayApply && can(actor, "elder.write")} />
          </CardBody>
        </Card>
      </div>
    </div>
  );
});

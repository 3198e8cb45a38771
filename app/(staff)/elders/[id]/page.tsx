import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { FilePlus2, Pencil, Plus } from "lucide-react";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { orNotFound } from "@/lib/entry/page";
import { getElder } from "@/lib/elders/queries";
import { listElderAssessments } from "@/lib/assessment/queries";
import { listElderCases, listElderEntitlements } from "@/lib/cases/queries";
import { evaluateElder } from "@/lib/catalogue/evaluation";
import { toLocale } from "@/lib/i18n/config";
import { todayInShanghai } from "@/lib/dates";
import { logError } from "@/lib/entry/log";
import type { TActor } from "@/lib/authz/actor";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { RevealValue } from "@/components/elders/reveal-value";
import { StatusDialog } from "@/components/elders/status-dialog";
import { CircumstanceDialog, DeleteCircumstanceButton } from "@/components/elders/circumstance-dialog";
import { ElderAssessments } from "@/components/assessments/elder-assessments";
import { ElderPolicySummary } from "@/components/policy/elder-policy-summary";
import { ElderCases } from "@/components/cases/elder-cases";
import { ElderBenefits } from "@/components/cases/elder-benefits";
import { changeElderStatusAction, deleteCircumstanceAction, revealElderFieldAction, saveCircumstanceAction } from "../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

const TABS = ["info", "circumstances", "assessments", "cases", "benefits", "visits"] as const;
const LATER_TABS: readonly TTab[] = ["visits"];
type TTab = (typeof TABS)[number];

/**
 * What the elder may claim today, for the summary under the 基本信息 tab. An error must not take
 * the elder's page down (e.g. a malformed record): it is logged and the summary says so; the
 * finder, which the summary links to, reports it in full.
 */
async function policySummary(actor: TActor, elderId: string) {
  if (!can(actor, "policy.evaluate")) return null;
  try {
    return { evaluation: await evaluateElder(actor, elderId, { locale: toLocale(await getLocale()) }) };
  } catch (error) {
    const errorEventId = crypto.randomUUID().slice(0, 8);
    logError(errorEventId, error);
    return { errorEventId };
  }
}

export default withClientMessages(["registry", "elders"], async function ElderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string; done?: string }>;
}) {
  const actor = await getActor();
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const elder = await orNotFound(getElder(actor, id));
  const { tab: rawTab, done } = await searchParams;
  const tab: TTab = (TABS as readonly string[]).includes(rawTab ?? "") ? (rawTab as TTab) : "info";
  const [t, te, tc, td, format] = await Promise.all([
    getTranslations("registry"),
    getTranslations("elders"),
    getTranslations("common"),
    getTranslations("caseDocs"),
    getFormatter(),
  ]);
  // 发起申请 is offered for a living elder to the roles that take applications (the action checks again).
  const canApply = elder.status === "living" && can(actor, "case.create");
  const today = todayInShanghai();
  const summary = tab === "info" ? await policySummary(actor, elder.id) : null;
  const inForce = elder.circumstances.filter((c) => c.inForce);
  const dt = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="grid grid-cols-[8rem_1fr] gap-3 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900" data-testid={testId}>
        {value ?? <span className="text-slate-400">{t("notSet")}</span>}
      </dd>
    </div>
  );
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={elder.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>
              {te(`sex.${elder.sex}`)} · {t("ageValue", { age: elder.age })} · {elder.townshipName} {elder.villageName}
            </span>
            <Badge tone={elder.status === "living" ? "green" : elder.status === "deceased" ? "gray" : "amber"}>{te(`status.${elder.status}`)}</Badge>
            {inForce.map((c) => (
              <Badge key={c.id} tone="blue">
                {te(`circumstance.${c.type}`)}
              </Badge>
            ))}
          </span>
        }
        actions={
          elder.canWrite || canApply ? (
            <>
              {canApply ? (
                <Link href={`/cases/new?elderId=${elder.id}`} className={buttonVariants({ variant: "secondary" })} data-testid="elder-apply">
                  <FilePlus2 aria-hidden="true" />
                  {td("elderCases.new")}
                </Link>
              ) : null}
              {elder.canWrite ? (
                <>
                  <StatusDialog elder={elder} action={changeElderStatusAction} />
                  <Link href={`/elders/${elder.id}/edit`} className={buttonVariants()}>
                    <Pencil aria-hidden="true" />
                    {t("edit")}
                  </Link>
                </>
              ) : null}
            </>
          ) : null
        }
      />
      {done === "created" || done === "updated" ? (
        <Notice tone="success" className="mb-4" testId="done-notice">
          {t(done)}
        </Notice>
      ) : null}
      <nav className="mb-4 flex gap-1 border-b border-slate-200" aria-label={t("title")}>
        {TABS.map((key) => (
          <Link
            key={key}
            href={`/elders/${elder.id}${key === "info" ? "" : `?tab=${key}`}`}
            aria-current={tab === key ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-4 py-2 text-sm",
              tab === key ? "border-brand-700 font-medium text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t(`tabs.${key}`)}
            {key === "circumstances" ? ` (${elder.circumstances.length})` : ""}
          </Link>
        ))}
      </nav>

      {tab === "info" ? (
        <div className="grid gap-5 lg:grid-cols-2">
          <Card>
            <CardHeader title={t("sections.identity")} />
            <CardBody>
              <dl>
                {dt(t("fields.idNumber"), <RevealValue elderId={elder.id} field="idNumber" masked={elder.idNumberMasked} canReveal={elder.canReveal} action={revealElderFieldAction} />)}
                {dt(t("fields.birthDate"), elder.birthDate)}
                {dt(t("fields.hukouRegionCode"), `${elder.hukouRegionCode}（${elder.hukouLocal ? t("fields.local") : t("fields.nonLocal")}）`)}
                {dt(t("fields.status"), te(`status.${elder.status}`))}
                {elder.deathDate ? dt(t("fields.deathDate"), elder.deathDate) : null}
                {elder.movedOutDate ? dt(t("fields.movedOutDate"), `${elder.movedOutDate} ${elder.movedOutTo ?? ""}`) : null}
              </dl>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("sections.contact")} />
            <CardBody>
              <dl>
                {dt(t("fields.village"), `${elder.townshipName} ${elder.villageName}`)}
                {dt(t("fields.residence"), te(`residence.${elder.residence}`))}
                {dt(t("fields.address"), elder.address)}
                {dt(t("fields.phone"), elder.phone)}
              </dl>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("sections.guardian")} />
            <CardBody>
              <dl>
                {dt(t("fields.guardianName"), elder.guardianName)}
                {dt(t("fields.guardianRelation"), elder.guardianRelation)}
                {dt(t("fields.guardianPhone"), elder.guardianPhone)}
              </dl>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("sections.bank")} />
            <CardBody>
              <dl>
                {dt(t("fields.bankName"), elder.bankName)}
                {dt(
                  t("fields.bankAccount"),
                  elder.bankAccountMasked ? (
                    <RevealValue elderId={elder.id} field="bankAccount" masked={elder.bankAccountMasked} canReveal={elder.canReveal} action={revealElderFieldAction} />
                  ) : null,
                )}
                {dt(t("fields.notes"), elder.notes)}
                {dt(t("fields.updatedAt"), format.dateTime(elder.updatedAt, { dateStyle: "medium", timeStyle: "short" }))}
              </dl>
            </CardBody>
          </Card>
        </div>
      ) : null}

      {tab === "circumstances" ? (
        <Card>
          <CardHeader
            title={t("circumstances.title")}
            actions={
              elder.canWrite ? (
                <CircumstanceDialog
                  elderId={elder.id}
                  action={saveCircumstanceAction}
                  trigger={
                    <Button size="sm">
                      <Plus aria-hidden="true" />
                      {t("circumstances.add")}
                    </Button>
                  }
                />
              ) : null
            }
          />
          <Table data-testid="circumstances-table">
            <THead>
              <tr>
                <Th>{t("circumstances.type")}</Th>
                <Th>{t("circumstances.period")}</Th>
                <Th>{t("columns.status")}</Th>
                <Th>{t("circumstances.details")}</Th>
                {elder.canWrite ? <Th className="text-right">{tc("actions")}</Th> : null}
              </tr>
            </THead>
            <TBody>
              {elder.circumstances.length === 0 ? (
                <EmptyRow colSpan={5}>{t("circumstances.none")}</EmptyRow>
              ) : (
                elder.circumstances.map((c) => (
                  <Tr key={c.id}>
                    <Td className="font-medium">
                      {te(`circumstance.${c.type}`)}
                      {c.type === "disability" && c.disabilityCategory ? (
                        <span className="ml-1 text-xs text-slate-600">
                          {te(`disabilityCategory.${c.disabilityCategory}` as never)} {te(`disabilityGrade.${c.disabilityGrade}` as never)}
                        </span>
                      ) : null}
                    </Td>
                    <Td className="whitespace-nowrap text-xs">
                      {c.startDate} — {c.endDate ?? t("circumstances.open")}
                    </Td>
                    <Td>
                      <Badge tone={c.inForce ? "green" : "gray"}>
                        {c.inForce ? t("circumstances.inForce") : c.endDate ? t("circumstances.ended") : t("circumstances.notStarted")}
                      </Badge>
                    </Td>
                    <Td className="text-xs text-slate-600">{[c.source, c.documentNo, c.certificateNo, c.note].filter(Boolean).join(" · ")}</Td>
                    {elder.canWrite ? (
                      <Td className="whitespace-nowrap text-right">
                        <CircumstanceDialog
                          elderId={elder.id}
                          record={c}
                          action={saveCircumstanceAction}
                          trigger={
                            <Button variant="link" size="sm">
                              {tc("edit")}
                            </Button>
                          }
                        />
                        <DeleteCircumstanceButton elderId={elder.id} recordId={c.id} action={deleteCircumstanceAction} />
                      </Td>
                    ) : null}
                  </Tr>
                ))
              )}
            </TBody>
          </Table>
        </Card>
      ) : null}

      {tab === "info" && summary ? (
        <div className="mt-5">
          <ElderPolicySummary elderId={elder.id} summary={summary} applyFor={canApply ? { elderId: elder.id } : undefined} />
        </div>
      ) : null}

      {tab === "assessments" ? <ElderAssessments elderId={elder.id} data={await listElderAssessments(actor, elder.id)} /> : null}

      {tab === "cases" ? <ElderCases elderId={elder.id} rows={await listElderCases(actor, elder.id, today)} today={today} canApply={canApply} /> : null}

      {tab === "benefits" ? <ElderBenefits rows={await listElderEntitlements(actor, elder.id)} /> : null}

      {LATER_TABS.includes(tab) ? (
        <Card>
          <CardBody className="py-10 text-center text-sm text-slate-500">{t("tabLater")}</CardBody>
        </Card>
      ) : null}
    </div>
  );
});

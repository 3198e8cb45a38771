import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { toLocale } from "@/lib/i18n/config";
import { monthAfter, todayInShanghai } from "@/lib/dates";
import { formatFen } from "@/lib/money";
import { getEntitlement } from "@/lib/entitlements/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { SegmentTimeline } from "@/components/entitlements/segment-timeline";
import { EntitlementActionDialog } from "@/components/entitlements/action-dialog";
import { CertifyForm } from "@/components/entitlements/certify-form";
import { ProposalDecisionDialog } from "@/components/entitlements/proposal-decision";
import { OverpaymentDecisionDialog } from "@/components/entitlements/overpayment-decision";
import { ENTITLEMENT_STATUS_TONE, OVERPAYMENT_STATUS_TONE, PROPOSAL_STATUS_TONE } from "@/components/entitlements/status";
import { certifyAction, decideOverpaymentAction, decideProposalAction, entitlementActionAction } from "../../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("entitlements"))("page.title") };
}

/** 享受待遇 page: the months as a timeline, certifications, review proposals, overpayments, and the actions this user may take. */
export default withClientMessages(["entitlements"], async function EntitlementPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const today = todayInShanghai();
  const locale = toLocale(await getLocale());
  const e = await orNotFound(getEntitlement(actor, id, { locale, today }));
  const [t, te, format] = await Promise.all([getTranslations("entitlements"), getTranslations("elders"), getFormatter()]);
  const dt = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="grid grid-cols-[7rem_1fr] gap-3 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900" data-testid={testId}>
        {value ?? "—"}
      </dd>
    </div>
  );
  const nextMonth = monthAfter(today);
  const pendingProposals = e.proposals.filter((p) => p.status === "pending");
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={`${e.elder.name} · ${e.itemName}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={ENTITLEMENT_STATUS_TONE[e.status]}>{t(`status.${e.status}`)}</Badge>
            <span>
              {te(`sex.${e.elder.sex}`)} · {t("page.age", { age: e.elder.age })} · {e.townshipName} {e.villageName}
            </span>
            {e.elder.status !== "living" ? <Badge tone="gray">{te(`status.${e.elder.status}`)}</Badge> : null}
          </span>
        }
        actions={
          e.can.manage ? (
            <>
              <EntitlementActionDialog entitlement={e} kind="correct" defaultMonth={nextMonth} action={entitlementActionAction} />
              {e.openSuspensionFrom ? (
                <EntitlementActionDialog entitlement={e} kind="resume" defaultMonth={nextMonth} action={entitlementActionAction} />
              ) : (
                <EntitlementActionDialog entitlement={e} kind="suspend" defaultMonth={nextMonth} action={entitlementActionAction} />
              )}
              <EntitlementActionDialog entitlement={e} kind="stop" defaultMonth={nextMonth} action={entitlementActionAction} variant="danger" />
            </>
          ) : null
        }
      />
      {pendingProposals.length ? (
        <Notice tone="warning" className="mb-4" testId="pending-proposal">
          {t("page.pendingProposal", { version: pendingProposals[0].catalogueNumber, month: pendingProposals[0].fromMonth })}
        </Notice>
      ) : null}
      <div className="grid gap-5 lg:grid-cols-[1fr_22rem]">
        {/* On a phone the summary and the certification form come first (the clerk at the door). */}
        <div className="order-2 flex flex-col gap-5 lg:order-1">
          <Card>
            <CardHeader title={t("page.timeline")} description={t("page.timelineHint")} />
            <CardBody>
              <SegmentTimeline segments={e.segments} month={e.month} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("page.overpayments")} />
            <Table data-testid="entitlement-overpayments">
              <THead>
                <tr>
                  <Th>{t("overpayments.columns.months")}</Th>
                  <Th className="text-right">{t("overpayments.columns.amount")}</Th>
                  <Th>{t("overpayments.columns.reason")}</Th>
                  <Th>{t("overpayments.columns.status")}</Th>
                  {e.can.settleOverpayments ? <Th /> : null}
                </tr>
              </THead>
              <TBody>
                {e.overpayments.length === 0 ? (
                  <EmptyRow colSpan={5}>{t("page.noOverpayments")}</EmptyRow>
                ) : (
                  e.overpayments.map((o) => (
                    <Tr key={o.id}>
                      <Td className="text-xs tabular-nums">{o.months.map((m) => m.month).join(t("listSeparator"))}</Td>
                      <Td className="whitespace-nowrap text-right tabular-nums">{formatFen(o.amountFen)}</Td>
                      <Td className="text-xs text-slate-600">{o.reasonText}</Td>
                      <Td className="whitespace-nowrap">
                        <Badge tone={OVERPAYMENT_STATUS_TONE[o.status]}>{t(`overpayments.status.${o.status}`)}</Badge>
                        {o.status === "recovered" ? <div className="text-xs text-slate-500">{t("overpayments.recoveredLine", { amount: formatFen(o.recoveredAmountFen ?? 0), date: o.recoveredOn ?? "", method: t(`overpayments.methods.${o.recoveryMethod}`) })}</div> : null}
                        {o.decisionReason ? <div className="text-xs text-slate-500">{o.decisionReason}</div> : null}
                      </Td>
                      {e.can.settleOverpayments ? (
                        <Td className="whitespace-nowrap text-right">
                          {o.status === "pending" ? (
                            <span className="flex justify-end gap-1">
                              <OverpaymentDecisionDialog overpayment={o} decision="recovered" today={today} action={decideOverpaymentAction} />
                              <OverpaymentDecisionDialog overpayment={o} decision="waived" today={today} action={decideOverpaymentAction} />
                            </span>
                          ) : null}
                        </Td>
                      ) : null}
                    </Tr>
                  ))
                )}
              </TBody>
            </Table>
          </Card>
          <Card>
            <CardHeader title={t("page.actions")} />
            <Table data-testid="entitlement-actions">
              <THead>
                <tr>
                  <Th>{t("page.actionColumns.at")}</Th>
                  <Th>{t("page.actionColumns.kind")}</Th>
                  <Th>{t("page.actionColumns.from")}</Th>
                  <Th>{t("page.actionColumns.reason")}</Th>
                  <Th>{t("page.actionColumns.by")}</Th>
                </tr>
              </THead>
              <TBody>
                {e.actions.length === 0 ? (
                  <EmptyRow colSpan={5}>{t("page.noActions")}</EmptyRow>
                ) : (
                  e.actions.map((a) => (
                    <Tr key={a.id}>
                      <Td className="whitespace-nowrap text-xs">{format.dateTime(a.at, { dateStyle: "medium", timeStyle: "short" })}</Td>
                      <Td className="whitespace-nowrap">
                        {t(`actionName.${a.kind}`)}
                        {a.kind === "correct" ? ` ${a.amountFen === null ? t("page.backToComputed") : formatFen(a.amountFen)}` : ""}
                        {a.kind === "resume" && a.backPay ? ` ${t("page.withBackPay")}` : ""}
                        {a.source === "review" ? <span className="ml-1 text-xs text-slate-500">{t("page.fromReview")}</span> : null}
                      </Td>
                      <Td className="tabular-nums">{a.fromMonth}</Td>
                      <Td className="text-xs text-slate-600">{a.reason}</Td>
                      <Td className="whitespace-nowrap text-xs">{a.byName}</Td>
                    </Tr>
                  ))
                )}
              </TBody>
            </Table>
          </Card>
        </div>
        <div className="order-1 flex flex-col gap-5 lg:order-2">
          <Card>
            <CardHeader title={t("page.summary")} />
            <CardBody>
              <dl>
                {dt(t("page.fields.dueThisMonth", { month: e.month }), e.dueThisMonth.kind ? t("page.dueValue", { amount: formatFen(e.dueThisMonth.amountFen), kind: t(`kind.${e.dueThisMonth.kind}`) }) : formatFen(0), "due-this-month")}
                {dt(t("page.fields.reason"), e.dueThisMonth.reasonText || t("page.notStarted"))}
                {dt(t("page.fields.period"), `${e.startMonth} — ${e.endMonth ?? t("list.open")}`)}
                {dt(t("page.fields.granted"), e.delivery === "one_off_cash" ? formatFen(e.oneOffAmountFen ?? 0) : e.grantedMonthlyFen === null ? t("page.notCash") : t("timeline.perMonth", { amount: formatFen(e.grantedMonthlyFen) }))}
                {dt(t("page.fields.grantedOn"), e.grantedOn)}
                {dt(t("page.fields.catalogue"), t("page.catalogueValue", { number: e.catalogueNumber }))}
                {dt(
                  t("page.fields.case"),
                  <Link href={`/cases/${e.caseNo}`} className="tabular-nums text-brand-700 hover:underline">
                    {e.caseNo}
                  </Link>,
                )}
                {dt(
                  t("page.fields.elder"),
                  <Link href={`/elders/${e.elder.id}?tab=benefits`} className="text-brand-700 hover:underline">
                    {e.elder.name} {e.elder.idNumberMasked}
                  </Link>,
                )}
              </dl>
            </CardBody>
          </Card>
          <Card id="certify">
            <CardHeader
              title={t("page.certification")}
              description={e.certification ? t("page.certificationRule", { months: e.certification.intervalMonths, days: e.certification.graceDays, backPay: e.certification.backPay ? t("page.backPayYes") : t("page.backPayNo") }) : t("page.noCertification")}
            />
            {e.certDueOn || e.can.certify || e.certifications.length ? (
              <CardBody className="flex flex-col gap-3">
                {e.certDueOn ? (
                  <p className="text-sm" data-testid="cert-due">
                    {t("page.certDue", { date: e.certDueOn })}
                  </p>
                ) : null}
                {e.can.certify ? <CertifyForm entitlementId={e.id} today={today} action={certifyAction} compact /> : null}
                <ul className="flex flex-col gap-1 text-xs text-slate-600" data-testid="certifications">
                  {e.certifications.map((c) => (
                    <li key={c.id}>
                      <span className="tabular-nums">{c.certifiedOn}</span> · {t(`certify.methods.${c.method}`)} · {c.byName}
                      {c.note ? ` · ${c.note}` : ""}
                    </li>
                  ))}
                </ul>
              </CardBody>
            ) : null}
          </Card>
          {e.proposals.length ? (
            <Card>
              <CardHeader title={t("page.proposals")} />
              <CardBody className="flex flex-col gap-3">
                {e.proposals.map((p) => (
                  <div key={p.id} className="text-sm" data-testid="proposal">
                    <div className="flex items-center gap-2">
                      <Badge tone={PROPOSAL_STATUS_TONE[p.status]}>{t(`review.status.${p.status}`)}</Badge>
                      <span>{t("review.fromVersion", { version: p.catalogueNumber, month: p.fromMonth })}</span>
                    </div>
                    <ul className="mt-1 list-disc pl-5 text-xs text-slate-600">
                      {p.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                    {p.decisionReason ? <p className="mt-1 text-xs text-slate-500">{t("review.decidedLine", { name: p.decidedByName ?? "", reason: p.decisionReason })}</p> : null}
                    {p.status === "pending" && e.can.review ? (
                      <div className="mt-2 flex gap-2">
                        <ProposalDecisionDialog proposal={{ ...p, elderName: e.elder.name }} decision="confirm" action={decideProposalAction} />
                        <ProposalDecisionDialog proposal={{ ...p, elderName: e.elder.name }} decision="dismiss" action={decideProposalAction} />
                      </div>
                    ) : null}
                  </div>
                ))}
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader title={t("page.payments")} description={t("page.paymentsHint")} />
            <CardBody>
              {e.payments.length === 0 ? (
                <p className="text-sm text-slate-500">{t("page.noPayments")}</p>
              ) : (
                <ul className="grid grid-cols-2 gap-x-4 gap-y-0.5 text-xs tabular-nums text-slate-700" data-testid="payments">
                  {e.payments.map((p, i) => (
                    <li key={`${p.month}-${i}`}>
                      {p.month} {formatFen(p.amountFen)}
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
        </div>
      </div>
    </div>
  );
});

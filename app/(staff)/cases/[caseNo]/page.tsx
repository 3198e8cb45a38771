import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { FileText, Printer } from "lucide-react";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { getCase, type TCaseStep } from "@/lib/cases/queries";
import { ATTACHMENT_LIMITS, ZCaseNo } from "@/lib/cases/schemas";
import { actionNeedsComment, CASE_ACTIONS, type TCaseAction } from "@/lib/cases/workflow";
import { todayInShanghai } from "@/lib/dates";
import { formatFen } from "@/lib/money";
import type { TDelivery } from "@/lib/policy/catalogue-schema";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { AmountText, ReasonLines } from "@/components/catalogue/evaluation-results";
import { CASE_STATUS_TONE } from "@/components/cases/status";
import { DueDate } from "@/components/cases/due-date";
import { CaseActions } from "@/components/cases/case-actions";
import { AttachmentUploadForm, RemoveAttachmentButton } from "@/components/cases/attachments";
import { caseAction, removeAttachmentAction, uploadAttachmentAction } from "../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata({ params }: { params: Promise<{ caseNo: string }> }) {
  const { caseNo } = await params;
  return { title: (await getTranslations("cases"))("detail.title", { caseNo }) };
}

/** The actions whose comment is a reason worth showing on its own (退回, 不予批准, 撤回, 异议). */
const REASON_ACTIONS = ["return", "reject", "withdraw", "object"] as const;

function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export default withClientMessages(["cases"], async function CasePage({ params, searchParams }: { params: Promise<{ caseNo: string }>; searchParams: Promise<{ done?: string }> }) {
  const actor = await getActor();
  const { caseNo: raw } = await params;
  const parsed = ZCaseNo.safeParse(raw);
  if (!parsed.success) notFound();
  const today = todayInShanghai();
  const c = await orNotFound(getCase(actor, parsed.data, today));
  const { done } = await searchParams;
  const [t, te, tr, tcat, format] = await Promise.all([
    getTranslations("cases"),
    getTranslations("elders"),
    getTranslations("roles"),
    getTranslations("catalogue"),
    getFormatter(),
  ]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "");
  const dt = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="grid grid-cols-[7rem_1fr] gap-3 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900" data-testid={testId}>
        {value ?? <span className="text-slate-400">—</span>}
      </dd>
    </div>
  );
  const created = c.steps.find((s) => s.action === "create");
  const lastReasonStep = [...c.steps].reverse().find((s): s is TCaseStep & { action: (typeof REASON_ACTIONS)[number] } =>
    (REASON_ACTIONS as readonly string[]).includes(s.action),
  );
  const amountItem = { eligible: !!c.eligible, monthlyAmountFen: c.monthlyAmountFen, oneOffAmountFen: c.oneOffAmountFen, delivery: c.delivery as TDelivery };
  const doneAction = (CASE_ACTIONS as readonly string[]).includes(done ?? "") ? (done as TCaseAction) : null;

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={t("detail.title", { caseNo: c.caseNo })}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Badge tone={CASE_STATUS_TONE[c.status]} className="text-sm">
              <span data-testid="case-status">{t(`status.${c.status}`)}</span>
            </Badge>
            <span>
              {c.elder.name} · {c.itemName}
            </span>
            {c.dueDate ? (
              <span data-testid="case-due">
                {t("inbox.columns.dueDate")} <DueDate dueDate={c.dueDate} overdue={c.overdue} today={today} />
              </span>
            ) : null}
          </span>
        }
        actions={
          // Printable documents (their pages are built with the case documents).
          <div data-slot="print-links" className="flex flex-wrap items-center gap-2">
            <Link href={`/cases/${c.caseNo}/print`} className={buttonVariants({ variant: "secondary" })}>
              <Printer aria-hidden="true" />
              {t("detail.print.form")}
            </Link>
            {c.status === "rejected" ? (
              <Link href={`/cases/${c.caseNo}/rejection-notice`} className={buttonVariants({ variant: "secondary" })}>
                <FileText aria-hidden="true" />
                {t("detail.print.rejection")}
              </Link>
            ) : null}
          </div>
        }
      />
      {doneAction ? (
        <Notice tone="success" className="mb-4" testId="done-notice">
          {t("detail.done", { action: t(`action.${doneAction}`) })}
        </Notice>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-3">
        <div className="flex flex-col gap-5 lg:col-span-2">
          {lastReasonStep?.comment ? (
            <Card className="border-amber-200" data-testid="last-reason">
              <CardHeader title={t("detail.lastReason.title")} />
              <CardBody>
                <dl>
                  {dt(t(`detail.lastReason.${lastReasonStep.action}`), <span className="whitespace-pre-wrap">{lastReasonStep.comment}</span>)}
                </dl>
                <p className="mt-1 text-xs text-slate-500">{t("detail.lastReason.by", { name: lastReasonStep.actorName, at: when(lastReasonStep.at) })}</p>
              </CardBody>
            </Card>
          ) : null}

          <Card>
            <CardHeader title={t("detail.application.title")} />
            <CardBody>
              <dl>
                {dt(
                  t("detail.application.item"),
                  <>
                    {c.itemName} <span className="text-xs text-slate-500">{c.itemCode}</span>
                  </>,
                )}
                {dt(t("detail.application.catalogue"), t("detail.application.catalogueValue", { number: c.catalogueNumber }))}
                {dt(t("detail.application.channel"), t(`channel.${c.channel}`))}
                {dt(t("detail.application.applicant"), t("detail.application.applicantValue", { name: c.applicantName, relation: c.applicantRelation }))}
                {c.applicantPhone ? dt(t("detail.application.phone"), c.applicantPhone) : null}
                {dt(t("detail.application.created"), t("detail.application.createdValue", { by: created?.actorName ?? c.createdBy, at: when(c.createdAt) }))}
                {c.submittedAt ? dt(t("detail.application.submittedAt"), when(c.submittedAt)) : null}
              </dl>
            </CardBody>
          </Card>

          <Card data-testid="eligibility">
            <CardHeader title={t("detail.eligibility.title")} />
            <CardBody>
              {c.eligible === null ? (
                <p className="text-sm text-slate-500">{t("detail.eligibility.pending")}</p>
              ) : (
                <>
                  <dl>
                    {dt(
                      t("detail.eligibility.eligible"),
                      <Badge tone={c.eligible ? "green" : "red"}>{c.eligible ? t("detail.eligibility.yes") : t("detail.eligibility.no")}</Badge>,
                    )}
                    {dt(t("detail.eligibility.amount"), <AmountText item={amountItem} />, "case-amount")}
                    {dt(t("detail.eligibility.evaluatedOn"), c.evaluatedOn)}
                  </dl>
                  {c.reasons.length ? (
                    <div className="mt-2">
                      <h3 className="mb-1 text-sm font-medium text-slate-700">{t("detail.eligibility.reasons")}</h3>
                      <ReasonLines lines={c.reasons} testId="case-reasons" />
                    </div>
                  ) : null}
                </>
              )}
            </CardBody>
          </Card>

          <Card>
            <CardHeader title={t("detail.findings.title")} />
            <CardBody>
              {c.findings ? (
                <p className="whitespace-pre-wrap text-sm text-slate-900" data-testid="case-findings">
                  {c.findings}
                </p>
              ) : (
                <p className="text-sm text-slate-500">{t("detail.findings.none")}</p>
              )}
            </CardBody>
          </Card>

          {c.hasNotice ? (
            <Card data-testid="case-notice">
              <CardHeader title={t("detail.notice.title")} />
              <CardBody>
                <dl>
                  {dt(t("detail.notice.days"), t("detail.notice.daysValue", { days: c.noticeDays ?? 7 }))}
                  {dt(
                    t("detail.notice.period"),
                    c.noticeStartedOn && c.noticeEndsOn ? (
                      <>
                        {t("detail.notice.periodValue", { from: c.noticeStartedOn, to: c.noticeEndsOn })}
                        {c.noticeCompleted ? <span className="ml-2 text-emerald-800">{t("detail.notice.completed")}</span> : null}
                      </>
                    ) : (
                      <span className="text-slate-500">{t("detail.notice.notStarted")}</span>
                    ),
                  )}
                </dl>
              </CardBody>
            </Card>
          ) : null}

          {c.entitlement ? (
            <Card data-testid="case-entitlement">
              <CardHeader title={t("detail.entitlement.title")} />
              <CardBody>
                <dl>
                  {dt(t("detail.entitlement.startMonth"), c.entitlement.startMonth)}
                  {dt(
                    t("detail.entitlement.amount"),
                    c.entitlement.monthlyAmountFen !== null
                      ? tcat("amount.monthly", { amount: formatFen(c.entitlement.monthlyAmountFen) })
                      : c.entitlement.oneOffAmountFen !== null
                        ? tcat("amount.oneOff", { amount: formatFen(c.entitlement.oneOffAmountFen) })
                        : tcat("amount.notCash"),
                  )}
                  {dt(t("detail.entitlement.status"), t(`detail.entitlement.statusValue.${c.entitlement.status}`))}
                </dl>
              </CardBody>
            </Card>
          ) : null}

          <Card data-testid="case-attachments">
            <CardHeader title={t("detail.attachments.title")} description={c.attachments.length ? t("detail.attachments.count", { count: c.attachments.length, max: ATTACHMENT_LIMITS.maxPerCase }) : undefined} />
            {c.attachments.length ? (
              <Table>
                <THead>
                  <tr>
                    <Th>{t("detail.attachments.type")}</Th>
                    <Th>{t("detail.attachments.file")}</Th>
                    <Th>{t("detail.attachments.size")}</Th>
                    <Th>{t("detail.attachments.uploaded")}</Th>
                    {c.canAttach ? <Th className="text-right" /> : null}
                  </tr>
                </THead>
                <TBody>
                  {c.attachments.map((a) => (
                    <Tr key={a.id} data-attachment={a.id}>
                      <Td className="whitespace-nowrap">{t(`attachmentType.${a.type as "other"}`)}</Td>
                      <Td>
                        <a
                          href={`/cases/${c.caseNo}/attachments/${a.id}`}
                          className="text-brand-700 hover:underline"
                          aria-label={t("detail.attachments.download", { name: a.fileName })}
                        >
                          {a.fileName}
                        </a>
                      </Td>
                      <Td className="whitespace-nowrap tabular-nums">{fileSize(a.sizeBytes)}</Td>
                      <Td className="whitespace-nowrap text-xs text-slate-600">
                        {a.uploadedByName} · {when(a.uploadedAt)}
                      </Td>
                      {c.canAttach ? (
                        <Td className="text-right">
                          <RemoveAttachmentButton caseNo={c.caseNo} attachment={a} action={removeAttachmentAction} />
                        </Td>
                      ) : null}
                    </Tr>
                  ))}
                </TBody>
              </Table>
            ) : (
              <CardBody>
                <p className="text-sm text-slate-500">{t("detail.attachments.none")}</p>
              </CardBody>
            )}
            {c.canAttach ? (
              <CardBody className="border-t border-slate-200">
                <AttachmentUploadForm caseNo={c.caseNo} action={uploadAttachmentAction} />
              </CardBody>
            ) : null}
          </Card>

          <Card>
            <CardHeader title={t("detail.timeline.title")} />
            <CardBody>
              <ol className="relative flex flex-col gap-4 border-l-2 border-slate-200 pl-5" data-testid="case-timeline">
                {c.steps.map((s) => (
                  <li key={s.id} className="relative" data-step={s.action}>
                    <span className="absolute -left-[27px] top-1 size-3 rounded-full border-2 border-white bg-brand-600" aria-hidden="true" />
                    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 text-sm">
                      <span className="font-medium text-slate-900">{t(`action.${s.action}`)}</span>
                      <span className="text-xs text-slate-600">
                        {s.fromStatus ? t("detail.timeline.transition", { from: t(`status.${s.fromStatus}`), to: t(`status.${s.toStatus}`) }) : t(`status.${s.toStatus}`)}
                      </span>
                      <span className="text-xs text-slate-500">
                        {t("detail.timeline.actor", { name: s.actorName, role: tr(s.actorRole as "viewer") })} · {when(s.at)}
                      </span>
                    </div>
                    {s.comment ? <p className="mt-1 whitespace-pre-wrap rounded bg-slate-50 px-3 py-2 text-sm text-slate-800">{s.comment}</p> : null}
                  </li>
                ))}
              </ol>
            </CardBody>
          </Card>
        </div>

        <div className="flex flex-col gap-5">
          <Card data-testid="case-action-panel">
            <CardHeader title={t("detail.actions.title")} />
            <CardBody>
              {c.actions.length ? (
                <CaseActions
                  key={c.version}
                  caseNo={c.caseNo}
                  version={c.version}
                  actions={c.actions.map((a) => ({ action: a, needsComment: actionNeedsComment(a) }))}
                  action={caseAction}
                />
              ) : (
                <p className="text-sm text-slate-500">{t("detail.actions.none")}</p>
              )}
            </CardBody>
          </Card>

          <Card>
            <CardHeader
              title={t("detail.elder.title")}
              actions={
                <Link href={`/elders/${c.elder.id}`} className={buttonVariants({ variant: "link", size: "sm" })}>
                  {t("detail.elder.open")}
                </Link>
              }
            />
            <CardBody>
              <dl>
                {dt(
                  t("detail.elder.name"),
                  <Link href={`/elders/${c.elder.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.elder.name}
                  </Link>,
                )}
                {dt(t("detail.elder.sex"), te(`sex.${c.elder.sex}`))}
                {dt(t("detail.elder.age"), t("detail.elder.ageValue", { age: c.elder.age }))}
                {dt(t("detail.elder.idNumber"), <span className="font-mono text-xs">{c.elder.idNumberMasked}</span>)}
                {dt(t("detail.elder.village"), `${c.townshipName} ${c.villageName}`)}
              </dl>
            </CardBody>
          </Card>
        </div>
      </div>
    </div>
  );
});

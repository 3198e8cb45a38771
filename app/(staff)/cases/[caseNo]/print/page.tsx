import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { getCase, type TCaseStep } from "@/lib/cases/queries";
import { ZCaseNo } from "@/lib/cases/schemas";
import { FINAL_STATUSES } from "@/lib/cases/workflow";
import { BlankLine, PrintSheet } from "@/components/cases/print-sheet";
import { amountLabel, docDate } from "@/components/cases/format";
import { APPROVAL_LEVELS, stepsByLevel, type TApprovalLevel } from "@/components/cases/approval-levels";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("caseDocs"))("approvalForm.title") };
}

/**
 * 申请审批表: the case on one A4 sheet — who applies, for what, the engine's answer with its
 * reasons, and one box per level filled from the timeline (empty boxes for steps not reached),
 * each with signature, seal and date lines.
 */
export default withClientMessages(["caseDocs"], async function CaseApprovalFormPage({ params }: { params: Promise<{ caseNo: string }> }) {
  const actor = await getActor();
  const { caseNo } = await params;
  if (!ZCaseNo.safeParse(caseNo).success) notFound();
  const c = await orNotFound(getCase(actor, caseNo));
  const [t, tcases, tc, te, tp] = await Promise.all([
    getTranslations("caseDocs"),
    getTranslations("cases"),
    getTranslations("catalogue"),
    getTranslations("elders"),
    getTranslations("policy"),
  ]);
  const date = (value: string | Date | null | undefined) => docDate(t as never, value);
  const th = "border border-black px-2 py-0.5 text-left font-medium";
  const td = "border border-black px-2 py-0.5";
  const h2 = "mb-1 mt-2 text-[10.5pt] font-semibold";
  // Every table of the form shares one six-column grid: label, value, label, value, label, value.
  const grid = (
    <colgroup>
      {["15%", "19%", "14%", "18%", "13%", "21%"].map((w, i) => (
        <col key={i} style={{ width: w }} />
      ))}
    </colgroup>
  );
  const table = "w-full table-fixed border-collapse text-[10pt]";
  const money = amountLabel(tc as never, c);
  const amount = money ?? (c.delivery === "monthly_cash" || c.delivery === "one_off_cash" ? tc("amount.unset") : tp(`delivery.${c.delivery}` as never));
  const boxes = stepsByLevel(c.steps);
  const applicant =
    c.applicantRelation === "本人" || !c.applicantName
      ? t("approvalForm.self")
      : t("approvalForm.agent", { name: c.applicantName, relation: c.applicantRelation ?? "" });

  const stepLine = (s: TCaseStep) => {
    const action = tcases(`action.${s.action}` as never);
    return (
      <p key={s.id} data-step={s.action}>
        {s.comment ? t("approvalForm.stepLine", { action, comment: s.comment }) : t("approvalForm.stepLineBare", { action })}
        <span className="text-[9pt] text-slate-700">{t("approvalForm.stepMeta", { person: s.actorName, date: date(s.at) ?? "" })}</span>
      </p>
    );
  };

  const noticeLines = () => {
    if (!c.hasNotice) return [<p key="none">{t("approvalForm.noNotice")}</p>];
    const lines = [];
    if (c.noticeStartedOn && c.noticeEndsOn) {
      lines.push(
        <p key="period">
          {t("approvalForm.noticePeriod", { start: date(c.noticeStartedOn) ?? "", end: date(c.noticeEndsOn) ?? "", days: c.noticeDays ?? 7 })}
        </p>,
      );
    }
    for (const s of boxes.notice) {
      if (s.action === "object") lines.push(<p key={s.id}>{t("approvalForm.noticeObjected", { comment: s.comment ?? "" })}</p>);
      if (s.action === "end_notice") lines.push(<p key={s.id}>{t("approvalForm.noticeEnded")}</p>);
    }
    if (c.status === "in_notice") lines.push(<p key="running">{t("approvalForm.noticeRunning")}</p>);
    return lines;
  };

  const box = (level: TApprovalLevel) => {
    const steps = boxes[level];
    const last = steps.at(-1);
    const content =
      level === "notice"
        ? noticeLines()
        : steps.map((s) => (
            <div key={s.id}>
              {stepLine(s)}
              {s.action === "approve" && c.entitlement ? (
                <p>
                  {t("approvalForm.benefitStart", {
                    month: c.entitlement.startMonth,
                    amount: amountLabel(tc as never, c.entitlement) ?? tp(`delivery.${c.delivery}` as never),
                  })}
                </p>
              ) : null}
            </div>
          ));
    // The notice box of an item without a notice is complete as it is: nothing to sign.
    const signed = !(level === "notice" && !c.hasNotice);
    return (
      <section key={level} className="doc-keep mt-1 border border-black" data-testid={`box-${level}`}>
        <h3 className="border-b border-black px-2 py-0.5 text-[10.5pt] font-semibold">{t(`approvalForm.boxes.${level}`)}</h3>
        <div className="min-h-[10mm] px-3 py-1 text-[10pt]">{content}</div>
        {signed ? (
          <div className="flex flex-wrap items-end justify-end gap-x-6 gap-y-1 px-3 pb-1.5 text-[10pt]">
            <span>
              {t("approvalForm.signName", { role: t(`approvalForm.roles.${level}`) })}
              {last ? <span className="inline-block min-w-20 border-b border-black">{last.actorName}</span> : <BlankLine className="w-20" />}
            </span>
            <span>
              {t("approvalForm.signature")}
              <BlankLine className="w-24" />
            </span>
            <span>{t(`approvalForm.seals.${level}`)}</span>
            <span>
              {t("approvalForm.dateLabel")}
              {last ? <span className="inline-block min-w-28 border-b border-black">{date(last.at)}</span> : <BlankLine className="w-28" />}
            </span>
          </div>
        ) : null}
      </section>
    );
  };

  return (
    <PrintSheet back={{ href: `/cases/${c.caseNo}`, label: t("print.back") }} testId="approval-form">
      <header className="mb-2 text-center">
        <h1 className="text-[16pt] font-bold tracking-wide" data-testid="doc-title">
          {t("approvalForm.heading", { county: c.countyName })}
        </h1>
      </header>
      <div className="flex justify-between text-[10pt]">
        <span data-testid="doc-case-no">{t("approvalForm.caseNo", { caseNo: c.caseNo })}</span>
        <span>{t("approvalForm.appliedOn", { date: date(c.submittedAt ?? c.createdAt) ?? "" })}</span>
      </div>
      {!FINAL_STATUSES.includes(c.status) ? (
        <p className="mt-1 text-[9pt] font-semibold text-red-700">{t("print.notFinal", { status: tcases(`status.${c.status}`) })}</p>
      ) : null}

      <h2 className={h2}>{t("approvalForm.sections.applicant")}</h2>
      <table className={table} data-testid="doc-applicant">
        {grid}
        <tbody>
          <tr>
            <th className={th}>{t("approvalForm.fields.name")}</th>
            <td className={td}>{c.elder.name}</td>
            <th className={th}>{t("approvalForm.fields.sex")}</th>
            <td className={td}>{te(`sex.${c.elder.sex}`)}</td>
            <th className={th}>{t("approvalForm.fields.age")}</th>
            <td className={td}>{t("approvalForm.ageValue", { age: c.elder.age })}</td>
          </tr>
          <tr>
            <th className={th}>{t("approvalForm.fields.idNumber")}</th>
            <td className={`${td} font-mono`} colSpan={3}>
              {c.elder.idNumberMasked}
            </td>
            <th className={th}>{t("approvalForm.fields.phone")}</th>
            <td className={td}>{c.elder.phone ?? t("print.none")}</td>
          </tr>
          <tr>
            <th className={th}>{t("approvalForm.fields.region")}</th>
            <td className={td} colSpan={5}>
              {c.townshipName} {c.villageName}
            </td>
          </tr>
          <tr>
            <th className={th}>{t("approvalForm.fields.address")}</th>
            <td className={td} colSpan={5}>
              {c.elder.address ?? t("print.none")}
            </td>
          </tr>
          <tr>
            <th className={th}>{t("approvalForm.fields.applicant")}</th>
            <td className={td} colSpan={3}>
              {applicant}
            </td>
            <th className={th}>{t("approvalForm.fields.agentPhone")}</th>
            <td className={td}>{c.applicantPhone ?? t("print.none")}</td>
          </tr>
          <tr>
            <th className={th}>{t("approvalForm.fields.channel")}</th>
            <td className={td} colSpan={5}>
              {tcases(`channel.${c.channel}` as never)}
            </td>
          </tr>
        </tbody>
      </table>

      <h2 className={h2}>{t("approvalForm.sections.item")}</h2>
      <table className={table} data-testid="doc-item">
        {grid}
        <tbody>
          <tr>
            <th className={th}>{t("approvalForm.fields.itemName")}</th>
            <td className={td} colSpan={3}>
              {c.itemName}
            </td>
            <th className={th}>{t("approvalForm.fields.itemCode")}</th>
            <td className={td}>{c.itemCode}</td>
          </tr>
          <tr>
            <th className={th}>{t("approvalForm.fields.catalogue")}</th>
            <td className={td} colSpan={3}>
              {t("approvalForm.catalogueValue", { number: c.catalogueNumber })}
            </td>
            <th className={th}>{t("approvalForm.fields.delivery")}</th>
            <td className={td}>{tp(`delivery.${c.delivery}` as never)}</td>
          </tr>
        </tbody>
      </table>

      <div className="doc-keep">
        <h2 className={h2}>{t("approvalForm.sections.eligibility")}</h2>
        <table className={table} data-testid="doc-eligibility">
          {grid}
          <tbody>
            <tr>
              <th className={th}>{t("approvalForm.fields.eligibility")}</th>
              <td className={td} data-testid="doc-eligible">
                {c.eligible === null ? t("approvalForm.notEvaluated") : c.eligible ? t("approvalForm.eligible") : t("approvalForm.notEligible")}
              </td>
              <th className={th}>{t("approvalForm.fields.amount")}</th>
              <td className={td} data-testid="doc-amount">
                {c.eligible ? amount : "—"}
              </td>
              <th className={th}>{t("approvalForm.fields.evaluatedOn")}</th>
              <td className={td}>{date(c.evaluatedOn) ?? "—"}</td>
            </tr>
            {c.reasons.length ? (
              <tr>
                <th className={`${th} align-top`}>{t("approvalForm.fields.reasons")}</th>
                <td className={`${td} text-[9pt] leading-snug`} colSpan={5}>
                  <ul>
                    {c.reasons.map((line, i) => (
                      <li key={i} style={{ paddingLeft: `${line.depth * 1.25}rem` }}>
                        {line.ok ? "☑" : "☒"} {line.text}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>

      <h2 className={h2}>{t("approvalForm.sections.opinions")}</h2>
      {APPROVAL_LEVELS.map(box)}
    </PrintSheet>
  );
});

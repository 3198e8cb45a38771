import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { getCase } from "@/lib/cases/queries";
import { ZCaseNo } from "@/lib/cases/schemas";
import { BlankLine, PrintSheet } from "@/components/cases/print-sheet";
import { docDate } from "@/components/cases/format";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("caseDocs"))("rejection.title") };
}

/**
 * 不予批准告知书: for a rejected case only (anything else is 404). Addressed to the applicant, with
 * the county's reason from the reject step, the remedy, the bureau and date, and a receipt slip.
 */
export default withClientMessages(["caseDocs"], async function RejectionNoticePage({ params }: { params: Promise<{ caseNo: string }> }) {
  const actor = await getActor();
  const { caseNo } = await params;
  if (!ZCaseNo.safeParse(caseNo).success) notFound();
  const c = await orNotFound(getCase(actor, caseNo));
  if (c.status !== "rejected") notFound();
  const t = await getTranslations("caseDocs");
  const date = (value: string | Date | null | undefined) => docDate(t as never, value) ?? "";
  const rejected = c.steps.findLast((s) => s.action === "reject");
  const reason = rejected?.comment ?? c.lastReason;
  const byAgent = c.applicantRelation !== "本人" && c.applicantName && c.applicantName !== c.elder.name;
  return (
    <PrintSheet back={{ href: `/cases/${c.caseNo}`, label: t("print.back") }} testId="rejection-notice">
      <header className="mb-6 text-center">
        <h1 className="text-[20pt] font-bold tracking-[0.3em]" data-testid="doc-title">
          {t("rejection.title")}
        </h1>
        <p className="mt-1 text-[10pt]">{t("rejection.caseNo", { caseNo: c.caseNo })}</p>
      </header>
      <div className="space-y-3 text-[12pt] leading-loose">
        <p className="font-medium" data-testid="doc-addressee">
          {byAgent ? t("rejection.addresseeAgent", { name: c.elder.name, agent: c.applicantName! }) : t("rejection.addressee", { name: c.elder.name })}
        </p>
        <p className="indent-[2em]" data-testid="doc-body">
          {t("rejection.body", { date: date(c.submittedAt ?? c.createdAt), item: c.itemName, caseNo: c.caseNo })}
        </p>
        <p className="indent-[2em]">{t("rejection.reason")}</p>
        <p className="indent-[2em]" data-testid="doc-reason">
          {reason ?? t("rejection.noReason")}
        </p>
        <p className="indent-[2em]" data-testid="doc-remedy">
          {t("rejection.remedy")}
        </p>
      </div>
      <div className="mt-14 ml-auto w-fit text-center text-[12pt] leading-loose">
        <p data-testid="doc-issuer">{t("rejection.issuer", { county: c.countyName })}</p>
        <p>{t("rejection.seal")}</p>
        <p data-testid="doc-decided-on">{date(c.decidedAt)}</p>
      </div>
      <div className="doc-keep mt-16 border-t border-dashed border-black pt-4 text-[11pt]" data-testid="doc-receipt">
        <h2 className="mb-2 text-center font-semibold">{t("rejection.receipt")}</h2>
        <p className="indent-[2em]">{t("rejection.receiptText", { caseNo: c.caseNo })}</p>
        <p className="mt-6 flex justify-end gap-10">
          <span>
            {t("rejection.receiver")}<BlankLine className="w-32" />
          </span>
          <span>
            {t("rejection.receivedOn")}<BlankLine className="w-32" />
          </span>
        </p>
      </div>
    </PrintSheet>
  );
});

import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { FileText } from "lucide-react";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { getAssessment, listAssessorOptions } from "@/lib/assessment/queries";
import { getCountySetting } from "@/lib/settings/county-settings";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { AssessmentForm } from "@/components/assessments/assessment-form";
import { ConfirmAssessmentButton, CorrectAssessmentButton } from "@/components/assessments/assessment-actions";
import { formValuesOf } from "@/components/assessments/form-values";
import { STATUS_TONE } from "@/components/assessments/status";
import { confirmAssessmentAction, correctAssessmentAction, saveAssessmentAction } from "../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("assessment"))("form.viewTitle") };
}

const DONE = ["created", "submitted", "confirmed", "correctionCreated"] as const;

export default withClientMessages(["assessment"], async function AssessmentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const actor = await getActor();
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const a = await orNotFound(getAssessment(actor, id));
  const { done } = await searchParams;
  const [t, format, assessors, stackOneUpRules] = await Promise.all([
    getTranslations("assessment"),
    getFormatter(),
    listAssessorOptions(actor.countyCode),
    getCountySetting(actor.countyCode, "assessment.stackOneUpRules"),
  ]);
  // A stored assessor who is no longer an active assessor still shows by name.
  const options = [...assessors];
  for (const [stored, name] of [
    [a.assessor1, a.assessor1Name],
    [a.assessor2, a.assessor2Name],
  ] as const) {
    if (stored?.kind === "staff" && !options.some((o) => o.id === stored.userId)) options.push({ id: stored.userId, displayName: name ?? "", username: "" });
  }
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "");
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={a.canEdit ? t("form.editTitle") : t("form.viewTitle")}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/elders/${a.elder.id}?tab=assessments`} className="font-medium text-brand-700 hover:underline">
              {a.elder.name}
            </Link>
            <span>
              {a.assessedOn} · {t(`reasons.${a.reason}`)}
            </span>
            <Badge tone={STATUS_TONE[a.status]} className="text-sm">
              <span data-testid="assessment-status">{t(`status.${a.status}`)}</span>
            </Badge>
          </span>
        }
        actions={
          <>
            {a.status !== "draft" ? (
              <Link href={`/assessments/${a.id}/report`} className={buttonVariants({ variant: "secondary" })}>
                <FileText aria-hidden="true" />
                {t("view.report")}
              </Link>
            ) : null}
            {a.canCorrect ? <CorrectAssessmentButton id={a.id} action={correctAssessmentAction} /> : null}
            {a.canConfirm ? <ConfirmAssessmentButton id={a.id} version={a.version} action={confirmAssessmentAction} /> : null}
          </>
        }
      />
      {(DONE as readonly string[]).includes(done ?? "") ? (
        <Notice tone="success" className="mb-4" testId="done-notice">
          {t(`form.${done as (typeof DONE)[number]}`)}
        </Notice>
      ) : null}
      <div className="mb-4 flex flex-col gap-2">
        {a.supersedesId ? (
          <Notice tone="info">
            {t("view.correctionOf", { date: a.assessedOn })}{" "}
            <Link className="underline" href={`/assessments/${a.supersedesId}`}>
              {t("view.openOriginal")}
            </Link>
          </Notice>
        ) : null}
        {a.status === "superseded" && a.supersededById ? (
          <Notice tone="warning">
            {t("view.supersededBy")}{" "}
            <Link className="underline" href={`/assessments/${a.supersededById}`}>
              {t("view.openSuperseding")}
            </Link>
          </Notice>
        ) : null}
        {a.pendingCorrectionId ? (
          <Notice tone="info">
            <Link className="underline" href={`/assessments/${a.pendingCorrectionId}`}>
              {t("view.openCorrection")}
            </Link>
          </Notice>
        ) : null}
        {a.status === "submitted" ? <Notice tone="info">{a.canConfirm ? t("form.confirmHint") : t("view.readOnly")}</Notice> : null}
        {a.submittedAt || a.confirmedAt ? (
          <p className="text-xs text-slate-500">
            {a.submittedAt ? t("view.submittedBy", { by: a.submittedBy ?? "", at: when(a.submittedAt) }) : null}
            {a.confirmedAt ? ` · ${t("view.confirmedBy", { by: a.confirmedBy ?? "", at: when(a.confirmedAt) })}` : null}
          </p>
        ) : null}
      </div>
      <AssessmentForm
        key={a.id}
        mode={a.canEdit ? "edit" : "view"}
        elderId={a.elder.id}
        assessment={{ id: a.id, version: a.version }}
        initial={formValuesOf(a)}
        assessorOptions={options}
        stackOneUpRules={stackOneUpRules}
        stored={a.status !== "draft" && a.total !== null ? { total: a.total, preliminaryLevel: a.preliminaryLevel!, finalLevel: a.finalLevel!, changes: a.changes } : null}
        action={a.canEdit ? saveAssessmentAction : undefined}
      />
    </div>
  );
});

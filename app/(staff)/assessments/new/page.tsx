import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { getElderForNewAssessment, listAssessorOptions } from "@/lib/assessment/queries";
import { getCountySetting } from "@/lib/settings/county-settings";
import { todayInShanghai } from "@/lib/dates";
import { PageHeader } from "@/components/ui/page-header";
import { AssessmentForm } from "@/components/assessments/assessment-form";
import { newFormValues } from "@/components/assessments/form-values";
import { saveAssessmentAction } from "../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("assessment"))("form.newTitle") };
}

/** 新建评估 for an elder: assessors only; another role or an elder outside the region is 404. */
export default withClientMessages(["assessment"], async function NewAssessmentPage({ searchParams }: { searchParams: Promise<{ elderId?: string }> }) {
  const actor = await getActor();
  const { elderId } = await searchParams;
  if (!z.string().uuid().safeParse(elderId).success) notFound();
  const elder = await orNotFound(getElderForNewAssessment(actor, elderId!));
  if (elder.status !== "living") notFound();
  const [t, assessors, stackOneUpRules] = await Promise.all([
    getTranslations("assessment"),
    listAssessorOptions(actor.countyCode),
    getCountySetting(actor.countyCode, "assessment.stackOneUpRules"),
  ]);
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t("form.newTitle")} description={t("form.forElder", { name: elder.name })} />
      <AssessmentForm
        mode="new"
        elderId={elder.id}
        initial={newFormValues({ today: todayInShanghai(), userId: actor.userId, hasConfirmed: elder.hasConfirmed })}
        assessorOptions={assessors}
        stackOneUpRules={stackOneUpRules}
        action={saveAssessmentAction}
      />
    </div>
  );
});

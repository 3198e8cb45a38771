import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { readCountySettings } from "@/lib/settings/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { BenefitStartForm, CalendarForm, IntervalForm, StackOneUpForm, StepLimitsForm } from "@/components/settings/setting-forms";
import { saveCountySettingAction } from "./actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("title") };
}

/** 县级设置 (county admin): each setting in its own form, saved and audited on its own. */
export default withClientMessages(["settings"], async function CountySettingsPage() {
  const actor = await getActor();
  if (!can(actor, "settings.manage")) notFound();
  const [settings, t, format] = await Promise.all([readCountySettings(actor), getTranslations("settings"), getFormatter()]);
  const footer = (s: { updatedBy: string | null; updatedAt: Date | null }) => (
    <p className="mt-3 border-t border-slate-100 pt-2 text-xs text-slate-500">
      {s.updatedBy && s.updatedAt ? t("lastChange", { name: s.updatedBy, time: format.dateTime(s.updatedAt, { dateStyle: "medium", timeStyle: "short" }) }) : t("defaultValue")}
    </p>
  );
  const section = (title: string, description: string, form: ReactNode, s: { updatedBy: string | null; updatedAt: Date | null }) => (
    <Card>
      <CardHeader title={title} description={description} />
      <CardBody>
        {form}
        {footer(s)}
      </CardBody>
    </Card>
  );
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={`${t("title")} · ${actor.regionName}`} description={t("description")} />
      <div className="flex flex-col gap-5">
        {section(t("stepLimits.title"), t("stepLimits.description"), <StepLimitsForm action={saveCountySettingAction} value={settings["case.stepLimits"].value} />, settings["case.stepLimits"])}
        {section(t("benefitStart.title"), t("benefitStart.description"), <BenefitStartForm action={saveCountySettingAction} value={settings["case.benefitStart"].value} />, settings["case.benefitStart"])}
        {section(t("calendar.title"), t("calendar.description"), <CalendarForm action={saveCountySettingAction} value={settings["calendar.workingDays"].value} />, settings["calendar.workingDays"])}
        {section(t("interval.title"), t("interval.description"), <IntervalForm action={saveCountySettingAction} value={settings["assessment.interval"].value} />, settings["assessment.interval"])}
        {section(t("stackOneUp.title"), t("stackOneUp.description"), <StackOneUpForm action={saveCountySettingAction} value={settings["assessment.stackOneUpRules"].value} />, settings["assessment.stackOneUpRules"])}
      </div>
    </div>
  );
});

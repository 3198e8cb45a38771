import { getTranslations } from "next-intl/server";
import type { TActor } from "@/lib/authz/actor";
import { Card, CardBody } from "@/components/ui/card";

/** The 能力评估 tab of the elder's page. (Filled by the assessment feature.) */
export async function ElderAssessments({ elderId, actor }: { elderId: string; actor: TActor }) {
  void elderId;
  void actor;
  const t = await getTranslations("registry");
  return (
    <Card>
      <CardBody className="py-10 text-center text-sm text-slate-500">{t("tabLater")}</CardBody>
    </Card>
  );
}

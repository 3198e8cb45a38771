import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { listVillageOptions } from "@/lib/regions/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { ElderForm } from "@/components/elders/elder-form";
import { createElderAction } from "../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("registry"))("newTitle") };
}

export default withClientMessages(["registry", "elders"], async function NewElderPage() {
  const actor = await getActor();
  if (!can(actor, "elder.write")) notFound();
  const [villages, t] = await Promise.all([listVillageOptions(actor), getTranslations("registry")]);
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("newTitle")} />
      <Card>
        <CardBody>
          <ElderForm action={createElderAction} villages={villages} />
        </CardBody>
      </Card>
    </div>
  );
});

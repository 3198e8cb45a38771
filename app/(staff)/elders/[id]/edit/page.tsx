import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { orNotFound } from "@/lib/entry/page";
import { getElder } from "@/lib/elders/queries";
import { listVillageOptions } from "@/lib/regions/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { ElderForm } from "@/components/elders/elder-form";
import { updateElderAction } from "../../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export default withClientMessages(["registry", "elders"], async function EditElderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success || !can(actor, "elder.write")) notFound();
  const elder = await orNotFound(getElder(actor, id));
  const [villages, t] = await Promise.all([listVillageOptions(actor), getTranslations("registry")]);
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("editTitle", { name: elder.name })} />
      <Card>
        <CardBody>
          <ElderForm
            action={updateElderAction}
            villages={villages}
            elder={{
              id: elder.id,
              version: String(elder.version),
              name: elder.name,
              hukouRegionCode: elder.hukouRegionCode,
              villageCode: elder.villageCode,
              residence: elder.residence,
              address: elder.address ?? "",
              phone: elder.phone ?? "",
              guardianName: elder.guardianName ?? "",
              guardianRelation: elder.guardianRelation ?? "",
              guardianPhone: elder.guardianPhone ?? "",
              bankName: elder.bankName ?? "",
              notes: elder.notes ?? "",
            }}
            stored={{ idNumberMasked: elder.idNumberMasked, bankAccountMasked: elder.bankAccountMasked }}
          />
        </CardBody>
      </Card>
    </div>
  );
});

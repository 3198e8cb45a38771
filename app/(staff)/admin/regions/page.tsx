import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { getRegionTree } from "@/lib/regions/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { RegionTree } from "@/components/regions/region-tree";

export async function generateMetadata() {
  return { title: (await getTranslations("regions"))("title") };
}

export default async function RegionsPage() {
  const actor = await getActor();
  const tree = await orNotFound(getRegionTree(actor));
  const t = await getTranslations("regions");
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("title")} description={t("intro")} />
      <Card className="p-2">
        <RegionTree roots={tree} />
      </Card>
    </div>
  );
}

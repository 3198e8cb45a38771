import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Download } from "lucide-react";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from "@/lib/elders/import-file";
import { PageHeader } from "@/components/ui/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { ImportForm } from "@/components/elders/import-form";
import { confirmImportAction, previewImportAction } from "./actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("elders.import"))("title") };
}

/** 批量导入老年人档案; a role that may not import does not see the page (404). */
export default withClientMessages(["elders.import"], async function ImportEldersPage() {
  const actor = await getActor();
  if (!can(actor, "elder.import")) notFound();
  const t = await getTranslations("elders.import");
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          // A plain link, not <Link>: the route handler answers with a file download.
          // eslint-disable-next-line @next/next/no-html-link-for-pages -- a route handler, not a page
          <a href="/elders/import/template" className={buttonVariants({ variant: "secondary" })} data-testid="import-template">
            <Download aria-hidden="true" />
            {t("template")}
          </a>
        }
      />
      <Card>
        <CardBody>
          <ImportForm
            preview={previewImportAction}
            confirm={confirmImportAction}
            header={REQUIRED_COLUMNS.map((c) => c.header).join(",")}
            optionalColumns={OPTIONAL_COLUMNS.map((c) => c.header).join("、")}
          />
        </CardBody>
      </Card>
    </div>
  );
});

import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Download } from "lucide-react";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { orNotFound } from "@/lib/entry/page";
import { toLocale } from "@/lib/i18n/config";
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from "@/lib/elders/import-file";
import { elderImportJob } from "@/lib/elders/import-job";
import { getJob, latestJob } from "@/lib/jobs/queries";
import { PageHeader } from "@/components/ui/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { ImportForm } from "@/components/elders/import-form";
import { checkImportAction, confirmImportAction } from "./actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("elders.import"))("title") };
}

/**
 * 批量导入老年人档案; a role that may not import does not see the page (404). `?job=<id>` is a
 * check of the caller's (404 otherwise): the page shows it, and the write that confirmed it.
 */
export default withClientMessages(["elders.import", "jobs"], async function ImportEldersPage({ searchParams }: { searchParams: Promise<{ job?: string }> }) {
  const actor = await getActor();
  if (!can(actor, "elder.import")) notFound();
  const { job: jobId } = await searchParams;
  const locale = toLocale(await getLocale());
  let check = null;
  let write = null;
  if (jobId !== undefined) {
    if (!z.string().uuid().safeParse(jobId).success) notFound();
    check = await orNotFound(getJob(actor, jobId, { locale }));
    // Only the account's own checks: another one could not confirm them.
    if (check.kind !== elderImportJob.kind || check.requestedBy !== actor.username) notFound();
    write = await latestJob(actor, elderImportJob.kind, `write:${check.id}`, { locale });
  }
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
            check={checkImportAction}
            confirm={confirmImportAction}
            header={REQUIRED_COLUMNS.map((c) => c.header).join(",")}
            optionalColumns={OPTIONAL_COLUMNS.map((c) => c.header).join("、")}
            initialCheck={check}
            initialWrite={write}
          />
        </CardBody>
      </Card>
    </div>
  );
});

import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { toLocale } from "@/lib/i18n/config";
import { getJob } from "@/lib/jobs/queries";
import { PageHeader } from "@/components/ui/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { JobProgress } from "@/components/jobs/job-progress";
import { withClientMessages } from "@/components/i18n/client-messages";

/** One background job: its progress while it runs, then its outcome (404 outside the caller's region). */
export default withClientMessages(["jobs"], async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const locale = toLocale(await getLocale());
  const job = await orNotFound(getJob(actor, id, { locale }));
  const [t, format] = await Promise.all([getTranslations("jobs"), getFormatter()]);
  const kind = t.has(`kind.${job.kind}`) ? t(`kind.${job.kind}`) : job.kind;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t("detailTitle", { kind })}
        description={`${t("requestedBy", { name: job.requestedBy })} · ${t("createdAt", { time: format.dateTime(new Date(job.createdAt), { dateStyle: "medium", timeStyle: "medium" }) })}`}
        actions={
          <Link href="/jobs" className={buttonVariants({ variant: "secondary" })}>
            {t("back")}
          </Link>
        }
      />
      <div className="flex flex-col gap-4">
        <Card>
          <CardBody>
            <JobProgress job={job} refreshOnFinish />
          </CardBody>
        </Card>
        {job.result !== null ? (
          <Card>
            <CardHeader title={t("result")} />
            <CardBody>
              <pre className="overflow-x-auto whitespace-pre-wrap break-all text-xs text-slate-700" data-testid="job-result">
                {JSON.stringify(job.result, null, 2)}
              </pre>
            </CardBody>
          </Card>
        ) : null}
      </div>
    </div>
  );
});

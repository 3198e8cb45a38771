import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { toLocale } from "@/lib/i18n/config";
import { listJobs } from "@/lib/jobs/queries";
import { fractionDone } from "@/lib/jobs/view";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export async function generateMetadata() {
  return { title: (await getTranslations("jobs"))("title") };
}

const TONE = { queued: "gray", running: "blue", succeeded: "green", failed: "red" } as const;

/** 后台任务: the latest jobs in the caller's region, of kinds the role may read. */
export default async function JobsPage() {
  const actor = await getActor();
  const [t, format, locale] = await Promise.all([getTranslations("jobs"), getFormatter(), getLocale()]);
  const jobs = await listJobs(actor, { locale: toLocale(locale) });
  const kindLabel = (kind: string) => (t.has(`kind.${kind}`) ? t(`kind.${kind}`) : kind);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <Table data-testid="jobs-table">
          <THead>
            <tr>
              <Th>{t("columns.kind")}</Th>
              <Th>{t("columns.status")}</Th>
              <Th className="text-right">{t("columns.progress")}</Th>
              <Th>{t("columns.requestedBy")}</Th>
              <Th>{t("columns.createdAt")}</Th>
              <Th>{t("columns.finishedAt")}</Th>
              <Th />
            </tr>
          </THead>
          <TBody>
            {jobs.length === 0 ? (
              <EmptyRow colSpan={7}>{t("empty")}</EmptyRow>
            ) : (
              jobs.map((job) => {
                const fraction = fractionDone(job.progress);
                return (
                  <Tr key={job.id} data-job={job.id}>
                    <Td>{kindLabel(job.kind)}</Td>
                    <Td>
                      <Badge tone={TONE[job.status]}>{t(`status.${job.status}`)}</Badge>
                    </Td>
                    <Td className="text-right tabular-nums">
                      {fraction === null ? "—" : t("progressText", { done: job.progress.done, total: job.progress.total, percent: Math.floor(fraction * 100) })}
                    </Td>
                    <Td className="font-mono text-xs">{job.requestedBy}</Td>
                    <Td className="whitespace-nowrap text-xs">{format.dateTime(new Date(job.createdAt), { dateStyle: "short", timeStyle: "medium" })}</Td>
                    <Td className="whitespace-nowrap text-xs">{job.finishedAt ? format.dateTime(new Date(job.finishedAt), { dateStyle: "short", timeStyle: "medium" }) : "—"}</Td>
                    <Td>
                      <Link href={`/jobs/${job.id}`} className="text-sky-700 hover:underline">
                        {t("open")}
                      </Link>
                    </Td>
                  </Tr>
                );
              })
            )}
          </TBody>
        </Table>
      </Card>
    </div>
  );
}

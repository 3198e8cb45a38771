import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { assertCan } from "@/lib/authz/policy";
import { orNotFound } from "@/lib/entry/page";
import { toLocale } from "@/lib/i18n/config";
import { todayInShanghai } from "@/lib/dates";
import { getVersion, versionInForce } from "@/lib/catalogue/queries";
import { cataloguePreviewJob, type TPreviewJobResult } from "@/lib/catalogue/preview-job";
import { latestJob } from "@/lib/jobs/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { PreviewRunner } from "@/components/catalogue/preview-runner";
import { withClientMessages } from "@/components/i18n/client-messages";
import { startPreviewAction } from "../../../../actions";

/**
 * 预览影响: per item, how many elders of the county gain or lose it against the version in force.
 * The evaluation runs as a background job (lib/catalogue/preview-job.ts); the page shows its
 * progress, then the latest result, and says when the draft or the version in force changed since.
 */
export default withClientMessages(["catalogue.preview", "jobs"], async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const version = await orNotFound(async () => {
    assertCan(actor, "catalogue.manage");
    return getVersion(actor, id);
  });
  const locale = toLocale(await getLocale());
  const today = todayInShanghai();
  const [latest, lastDone, inForce, t] = await Promise.all([
    latestJob(actor, cataloguePreviewJob.kind, version.id, { locale }),
    latestJob(actor, cataloguePreviewJob.kind, version.id, { locale, status: "succeeded" }),
    versionInForce(actor.countyCode, today),
    getTranslations("catalogue"),
  ]);
  const preview = lastDone ? (lastDone.result as TPreviewJobResult) : null;
  // Edited since, another version in force since, or computed on another day.
  const stale = preview !== null && (preview.versionRevision !== version.revision || preview.baselineId !== (inForce?.id ?? null) || preview.asOf !== today);
  const changed = preview ? preview.rows.filter((r) => r.gained || r.lost || r.amountChanged || r.presence !== "both").length : 0;
  const num = (n: number, tone?: "up" | "down") => (
    <span className={cn("tabular-nums", n && tone === "up" && "font-medium text-emerald-700", n && tone === "down" && "font-medium text-red-700", !n && "text-slate-400")}>
      {n ? (tone === "up" ? `+${n}` : tone === "down" ? `−${n}` : n) : 0}
    </span>
  );
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t("preview.title", { number: version.number })}
        description={
          preview
            ? t("preview.description", {
                baseline: preview.baselineNumber ? t("admin.numberValue", { number: preview.baselineNumber }) : t("preview.noBaseline"),
                asOf: preview.asOf,
                elders: preview.elders,
                changed,
                seconds: ((preview.loadMs + preview.evaluateMs + preview.saveMs) / 1000).toFixed(1),
              })
            : t("preview.none")
        }
        actions={
          <Link href={`/catalogue/admin/versions/${version.id}`} className={buttonVariants({ variant: "secondary" })}>
            {t("preview.back")}
          </Link>
        }
      />
      <div className="flex flex-col gap-4">
        {version.status !== "retired" ? (
          <Card>
            <CardBody>
              <PreviewRunner versionId={version.id} job={latest} hasResult={preview !== null} start={startPreviewAction} />
            </CardBody>
          </Card>
        ) : null}
        {stale ? (
          <Notice tone="warning" testId="preview-stale">
            {t("preview.stale")}
          </Notice>
        ) : null}
        {preview && preview.skipped > 0 ? (
          <details className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="preview-skipped">
            <summary className="cursor-pointer">{t("preview.skipped", { count: preview.skipped })}</summary>
            <ul className="mt-2 flex flex-col gap-1">
              {preview.skippedElders.map((e) => (
                <li key={e.elderId} className="flex flex-wrap gap-x-3">
                  <Link href={`/elders/${e.elderId}`} className="text-sky-800 hover:underline">
                    {e.name}
                  </Link>
                  <span className="font-mono text-xs">{e.idNumberMasked}</span>
                  <span>{e.villageName}</span>
                  <span>{t(`preview.skipReason.${e.reason}`)}</span>
                </li>
              ))}
            </ul>
            {preview.skipped > preview.skippedElders.length ? (
              <p className="mt-1 text-xs">{t("preview.skippedMore", { shown: preview.skippedElders.length, count: preview.skipped })}</p>
            ) : null}
          </details>
        ) : null}
        {preview ? (
          <Card className="overflow-x-auto">
            <Table data-testid="preview-table">
              <THead>
                <Tr>
                  <Th>{t("columns.code")}</Th>
                  <Th>{t("columns.name")}</Th>
                  <Th className="text-right">{t("preview.before")}</Th>
                  <Th className="text-right">{t("preview.after")}</Th>
                  <Th className="text-right">{t("preview.gained")}</Th>
                  <Th className="text-right">{t("preview.lost")}</Th>
                  <Th className="text-right">{t("preview.amountChanged")}</Th>
                </Tr>
              </THead>
              <TBody>
                {preview.rows.map((row) => (
                  <Tr key={row.code} data-code={row.code} className={cn((row.gained || row.lost || row.amountChanged) && "bg-amber-50/50")}>
                    <Td className="tabular-nums text-slate-500">{row.code}</Td>
                    <Td>
                      {row.name}
                      {row.presence !== "both" ? (
                        <Badge tone={row.presence === "added" ? "green" : "red"} className="ml-2">
                          {t(`preview.${row.presence}`)}
                        </Badge>
                      ) : null}
                    </Td>
                    <Td className="text-right">{num(row.before)}</Td>
                    <Td className="text-right">{num(row.after)}</Td>
                    <Td className="text-right" data-testid="gained">
                      {num(row.gained, "up")}
                    </Td>
                    <Td className="text-right" data-testid="lost">
                      {num(row.lost, "down")}
                    </Td>
                    <Td className="text-right" data-testid="amount-changed">
                      {num(row.amountChanged)}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </Card>
        ) : null}
      </div>
    </div>
  );
});

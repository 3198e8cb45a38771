import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { previewVersion } from "@/lib/catalogue/evaluation";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";

/** 预览影响: per item, how many elders of the county gain or lose it against the version in force. */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const preview = await orNotFound(previewVersion(actor, id));
  const t = await getTranslations("catalogue");
  const changed = preview.rows.filter((r) => r.gained || r.lost || r.amountChanged || r.presence !== "both").length;
  const num = (n: number, tone?: "up" | "down") => (
    <span className={cn("tabular-nums", n && tone === "up" && "font-medium text-emerald-700", n && tone === "down" && "font-medium text-red-700", !n && "text-slate-400")}>
      {n ? (tone === "up" ? `+${n}` : tone === "down" ? `−${n}` : n) : 0}
    </span>
  );
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t("preview.title", { number: preview.version.number })}
        description={t("preview.description", {
          baseline: preview.baseline ? t("admin.numberValue", { number: preview.baseline.number }) : t("preview.noBaseline"),
          asOf: preview.asOf,
          elders: preview.elders,
          changed,
          seconds: ((preview.loadMs + preview.evaluateMs) / 1000).toFixed(1),
        })}
        actions={
          <Link href={`/catalogue/admin/versions/${preview.version.id}`} className={buttonVariants({ variant: "secondary" })}>
            {t("preview.back")}
          </Link>
        }
      />
      {preview.skipped ? <p className="mb-3 text-sm text-amber-800">{t("preview.skipped", { count: preview.skipped })}</p> : null}
      <Card>
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
                <Td className="text-right" data-testid="gained">{num(row.gained, "up")}</Td>
                <Td className="text-right" data-testid="lost">{num(row.lost, "down")}</Td>
                <Td className="text-right" data-testid="amount-changed">{num(row.amountChanged)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
    </div>
  );
}

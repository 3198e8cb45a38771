import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { orNotFound } from "@/lib/entry/page";
import { todayInShanghai } from "@/lib/dates";
import { getCountyParameters, listVersions, versionInForce, type TCatalogueVersion } from "@/lib/catalogue/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { CreateDraftForm } from "@/components/catalogue/create-draft-form";
import { ParamsForm } from "@/components/catalogue/params-form";
import { createDraftAction, saveParamsAction } from "../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("catalogue"))("admin.title") };
}

type TDisplayStatus = "draft" | "inForce" | "scheduled" | "superseded" | "retired";

function displayStatus(v: TCatalogueVersion, inForceId: string | null, today: string): TDisplayStatus {
  if (v.status === "draft") return "draft";
  if (v.status === "retired") return "retired";
  if (v.id === inForceId) return "inForce";
  return (v.effectiveFrom ?? "") > today ? "scheduled" : "superseded";
}

const TONE = { draft: "amber", inForce: "green", scheduled: "blue", superseded: "gray", retired: "gray" } as const;

/** 清单管理 (county admin): versions, the draft, parameters. Everyone else gets 404. */
export default withClientMessages(["catalogue"], async function CatalogueAdminPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await getActor();
  const versions = await orNotFound(listVersions(actor));
  const today = todayInShanghai();
  const [inForce, t, format, { done }] = await Promise.all([versionInForce(actor.countyCode, today), getTranslations("catalogue"), getFormatter(), searchParams]);
  const draft = versions.find((v) => v.status === "draft") ?? null;
  const paramsSource = inForce?.catalogue ?? null;
  const parameters = paramsSource && can(actor, "settings.manage") ? await getCountyParameters(actor, paramsSource) : [];
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t("admin.title")}
        description={t("admin.description")}
        actions={
          draft ? (
            <Link href={`/catalogue/admin/versions/${draft.id}`} className={buttonVariants()} data-testid="open-draft">
              {t("admin.openDraft", { number: draft.number })}
            </Link>
          ) : versions.some((v) => v.status === "published") ? (
            <CreateDraftForm action={createDraftAction} />
          ) : null
        }
      />
      {done === "published" ? (
        <Notice tone="success" className="mb-4" testId="done-notice">
          {t("admin.published")}
        </Notice>
      ) : null}
      <div className="flex flex-col gap-5">
        <Card>
          <CardHeader title={t("admin.versions")} />
          {versions.length ? (
            <Table data-testid="versions-table">
              <THead>
                <Tr>
                  <Th>{t("admin.number")}</Th>
                  <Th>{t("admin.label")}</Th>
                  <Th>{t("admin.status")}</Th>
                  <Th>{t("admin.effectiveFrom")}</Th>
                  <Th>{t("admin.publishedBy")}</Th>
                  <Th />
                </Tr>
              </THead>
              <TBody>
                {versions.map((v) => {
                  const status = displayStatus(v, inForce?.id ?? null, today);
                  return (
                    <Tr key={v.id} data-version={v.number}>
                      <Td className="tabular-nums">{t("admin.numberValue", { number: v.number })}</Td>
                      <Td>{v.label}</Td>
                      <Td>
                        <Badge tone={TONE[status]}>{t(`displayStatus.${status}`)}</Badge>
                      </Td>
                      <Td className="tabular-nums">{v.effectiveFrom ?? "—"}</Td>
                      <Td>
                        {v.publishedBy ? `${v.publishedBy} · ${format.dateTime(v.publishedAt!, { dateStyle: "medium", timeStyle: "short" })}` : `${t("admin.createdBy")} ${v.createdBy}`}
                      </Td>
                      <Td>
                        <Link href={`/catalogue/admin/versions/${v.id}`} className="text-brand-700 hover:underline">
                          {v.status === "draft" ? t("admin.edit") : t("admin.view")}
                        </Link>
                      </Td>
                    </Tr>
                  );
                })}
              </TBody>
            </Table>
          ) : (
            <CardBody>
              <Notice tone="warning">{t("admin.noVersions")}</Notice>
            </CardBody>
          )}
        </Card>
        {parameters.length ? (
          <Card>
            <CardHeader title={t("params.title")} description={t("params.description")} />
            <CardBody>
              <ParamsForm
                action={saveParamsAction}
                parameters={parameters.map((p) => ({ name: p.name, label: p.label, unit: p.unit, basis: p.basis, defaultFen: p.defaultFen, valueFen: p.valueFen }))}
              />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </div>
  );
});

import { getFormatter, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { listAuditLogs, ZAuditListQuery } from "@/lib/audit/queries";
import { AUDIT_EVENT_TYPES, auditEventKey } from "@/lib/audit/events";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { FilterBar, FilterField, FilterSelect } from "@/components/ui/filter-bar";
import { Pagination } from "@/components/ui/pagination";

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("title") };
}

function Snapshot({ value }: { value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <code className="block max-w-md whitespace-pre-wrap break-all font-mono text-[11px] leading-snug text-slate-600">
      {JSON.stringify(value)}
    </code>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await getActor();
  const params = await searchParams;
  const query = ZAuditListQuery.parse(params);
  const { rows, total, page, pageSize } = await orNotFound(listAuditLogs(actor, query));
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t("audit.title")} description={t("audit.intro")} />
      <Card>
        <FilterBar>
          <FilterSelect
            label={t("audit.filterEvent")}
            name="event"
            value={query.event}
            allLabel={t("common.all")}
            options={AUDIT_EVENT_TYPES.map((e) => ({ value: e, label: t(`audit.events.${auditEventKey(e)}` as never) }))}
            className="w-44"
          />
          <FilterField label={t("audit.actor")}>
            <Input name="actor" defaultValue={query.actor ?? ""} className="w-40" />
          </FilterField>
          <Button type="submit" variant="secondary">
            {t("common.search")}
          </Button>
        </FilterBar>
        <Table data-testid="audit-table">
          <THead>
            <tr>
              <Th>{t("audit.at")}</Th>
              <Th>{t("audit.actor")}</Th>
              <Th>{t("audit.event")}</Th>
              <Th>{t("audit.entity")}</Th>
              <Th>{t("audit.before")}</Th>
              <Th>{t("audit.after")}</Th>
              <Th>{t("audit.ip")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.length === 0 ? (
              <EmptyRow colSpan={7}>{t("common.empty")}</EmptyRow>
            ) : (
              rows.map((r) => (
                <Tr key={String(r.id)}>
                  <Td className="whitespace-nowrap text-xs">{format.dateTime(r.at, { dateStyle: "short", timeStyle: "medium" })}</Td>
                  <Td className="whitespace-nowrap text-xs">
                    <div className="font-mono">{r.actorUsername}</div>
                    <div className="text-slate-500">{t(`roles.${r.actorRole}` as never)}</div>
                  </Td>
                  <Td className="whitespace-nowrap">{t(`audit.events.${auditEventKey(r.event)}` as never)}</Td>
                  <Td className="font-mono text-[11px] text-slate-500">
                    {r.entityType}
                    {r.entityId ? `:${r.entityId.slice(0, 8)}` : ""}
                  </Td>
                  <Td>
                    <Snapshot value={r.before} />
                  </Td>
                  <Td>
                    <Snapshot value={r.after} />
                  </Td>
                  <Td className="font-mono text-[11px] text-slate-500">{r.ip ?? "—"}</Td>
                </Tr>
              ))
            )}
          </TBody>
        </Table>
        <Pagination page={page} pageSize={pageSize} total={total} searchParams={params} />
      </Card>
    </div>
  );
}

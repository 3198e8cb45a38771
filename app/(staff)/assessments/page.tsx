import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { listAssessments, listDueAssessments } from "@/lib/assessment/queries";
import { ASSESSMENT_STATUSES, ZAssessmentListQuery } from "@/lib/assessment/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { cn } from "@/components/ui/cn";
import { can } from "@/lib/authz/policy";
import { DUE_TONE } from "@/components/assessments/status";
import { AssessmentCells } from "@/components/assessments/assessment-cells";
import { FilterBar, FilterField, FilterSelect } from "@/components/ui/filter-bar";

export async function generateMetadata() {
  return { title: (await getTranslations("assessment"))("title") };
}


export default async function AssessmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await getActor();
  const params = await searchParams;
  const query = ZAssessmentListQuery.parse(params);
  const [t, tc] = await Promise.all([getTranslations("assessment"), getTranslations("common")]);
  const tabs = (["all", "due"] as const).map((view) => (
    <Link
      key={view}
      href={view === "all" ? "/assessments" : "/assessments?view=due"}
      aria-current={query.view === view ? "page" : undefined}
      className={cn(
        "-mb-px border-b-2 px-4 py-2 text-sm",
        query.view === view ? "border-brand-700 font-medium text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900",
      )}
    >
      {t(`list.views.${view}`)}
    </Link>
  ));

  if (query.view === "due") {
    const due = await orNotFound(listDueAssessments(actor, { page: query.page }));
    const mayAssess = can(actor, "assessment.write");
    return (
      <div className="mx-auto max-w-7xl">
        <PageHeader title={t("title")} description={t("list.dueDescription", { total: due.total, under80: due.interval.under80Months, older: due.interval.age80PlusMonths })} />
        <nav className="mb-4 flex gap-1 border-b border-slate-200" aria-label={t("title")}>
          {tabs}
        </nav>
        <Card>
          <Table data-testid="due-table">
            <THead>
              <tr>
                <Th>{t("list.columns.elder")}</Th>
                <Th>{t("list.columns.idNumber")}</Th>
                <Th>{t("list.columns.age")}</Th>
                <Th>{t("list.columns.village")}</Th>
                <Th>{t("list.columns.lastAssessedOn")}</Th>
                <Th>{t("list.columns.level")}</Th>
                <Th>{t("list.columns.dueOn")}</Th>
                <Th>{t("list.columns.dueState")}</Th>
                {mayAssess ? <Th className="text-right">{tc("actions")}</Th> : null}
              </tr>
            </THead>
            <TBody>
              {due.rows.length === 0 ? (
                <EmptyRow colSpan={9}>{tc("empty")}</EmptyRow>
              ) : (
                due.rows.map((r) => (
                  <Tr key={r.elderId} data-elder={r.elderId}>
                    <Td>
                      <Link href={`/elders/${r.elderId}?tab=assessments`} className="font-medium text-brand-700 hover:underline">
                        {r.elderName}
                      </Link>
                    </Td>
                    <Td className="font-mono text-xs">{r.idNumberMasked}</Td>
                    <Td>{t("list.ageValue", { age: r.age })}</Td>
                    <Td>{r.villageName}</Td>
                    <Td>
                      <Link href={`/assessments/${r.assessmentId}`} className="text-brand-700 hover:underline">
                        {r.lastAssessedOn}
                      </Link>
                    </Td>
                    <Td>{t(`levels.${r.finalLevel}`)}</Td>
                    <Td className="whitespace-nowrap">{r.dueOn}</Td>
                    <Td>
                      <Badge tone={DUE_TONE[r.dueState]}>{t(`dueState.${r.dueState}`)}</Badge>
                    </Td>
                    {mayAssess ? (
                      <Td className="text-right">
                        <Link href={`/assessments/new?elderId=${r.elderId}`} className={buttonVariants({ variant: "link", size: "sm" })}>
                          {t("list.assess")}
                        </Link>
                      </Td>
                    ) : null}
                  </Tr>
                ))
              )}
            </TBody>
          </Table>
          <Pagination page={due.page} pageSize={due.pageSize} total={due.total} searchParams={params} />
        </Card>
      </div>
    );
  }

  const { rows, total, page, pageSize } = await orNotFound(listAssessments(actor, query));
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t("title")} description={t("list.description", { total })} />
      <nav className="mb-4 flex gap-1 border-b border-slate-200" aria-label={t("title")}>
        {tabs}
      </nav>
      <Card>
        <FilterBar testId="assessment-filters">
          <FilterField label={t("list.q")}>
            <Input name="q" defaultValue={query.q ?? ""} className="w-48" />
          </FilterField>
          <FilterSelect
            label={t("list.status")}
            name="status"
            value={query.status}
            allLabel={t("list.all")}
            options={ASSESSMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            className="w-36"
          />
          <Button type="submit" variant="secondary">
            {t("list.apply")}
          </Button>
          <Link href="/assessments" className={buttonVariants({ variant: "ghost" })}>
            {t("list.clear")}
          </Link>
        </FilterBar>
        <Table data-testid="assessments-table">
          <THead>
            <tr>
              <Th>{t("list.columns.elder")}</Th>
              <Th>{t("list.columns.village")}</Th>
              <Th>{t("list.columns.assessedOn")}</Th>
              <Th>{t("list.columns.reason")}</Th>
              <Th>{t("list.columns.total")}</Th>
              <Th>{t("list.columns.level")}</Th>
              <Th>{t("list.columns.assessors")}</Th>
              <Th>{t("list.columns.status")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.length === 0 ? (
              <EmptyRow colSpan={8}>{tc("empty")}</EmptyRow>
            ) : (
              rows.map((r) => (
                <Tr key={r.id} data-assessment={r.id}>
                  <Td>
                    <Link href={`/assessments/${r.id}`} className="font-medium text-brand-700 hover:underline">
                      {r.elderName}
                    </Link>
                  </Td>
                  <Td>{r.villageName}</Td>
                  <Td className="whitespace-nowrap">{r.assessedOn}</Td>
                  <AssessmentCells
                    reason={r.reason}
                    isCorrection={r.isCorrection}
                    total={r.total}
                    finalLevel={r.finalLevel}
                    assessors={r.assessors}
                    status={r.status}
                  />
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

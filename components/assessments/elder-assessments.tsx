import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import type { listElderAssessments } from "@/lib/assessment/queries";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { DUE_TONE } from "@/components/assessments/status";
import { AssessmentCells } from "@/components/assessments/assessment-cells";

/** The 能力评估 tab of the elder's page: current level, next due date and the assessments. */
export async function ElderAssessments({ elderId, data }: { elderId: string; data: Awaited<ReturnType<typeof listElderAssessments>> }) {
  const t = await getTranslations("assessment");
  return (
    <div className="flex flex-col gap-5">
      <div className="grid gap-5 md:grid-cols-2">
        <Card>
          <CardHeader title={t("tab.currentLevel")} />
          <CardBody>
            {data.current ? (
              <>
                <p className="text-lg font-semibold text-slate-900" data-testid="current-level">
                  {t("form.levelValue", { level: data.current.finalLevel, name: t(`levels.${data.current.finalLevel}`) })}
                </p>
                <p className="text-sm text-slate-600">
                  <Link href={`/assessments/${data.current.id}`} className="text-brand-700 hover:underline">
                    {t("tab.assessedOn", { date: data.current.assessedOn })}
                  </Link>
                </p>
              </>
            ) : (
              <p className="text-sm text-slate-600" data-testid="current-level">
                {t("tab.neverAssessed")}
              </p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("tab.nextDue")} />
          <CardBody>
            {data.nextDueOn ? (
              <p className="flex items-center gap-2 text-lg font-semibold text-slate-900">
                <span data-testid="next-due">{data.nextDueOn}</span>
                {data.dueState && data.dueState !== "not_due" ? <Badge tone={DUE_TONE[data.dueState]}>{t(`dueState.${data.dueState}`)}</Badge> : null}
              </p>
            ) : (
              <p className="text-sm text-slate-600" data-testid="next-due">
                {data.living ? t("tab.firstDue") : "—"}
              </p>
            )}
            <p className="mt-1 text-xs text-slate-500">{t("tab.interval", { under80: data.interval.under80Months, older: data.interval.age80PlusMonths })}</p>
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader
          title={t("tab.history")}
          actions={
            data.canCreate ? (
              <Link href={`/assessments/new?elderId=${elderId}`} className={buttonVariants({ size: "sm" })} data-testid="new-assessment">
                <Plus aria-hidden="true" />
                {t("tab.new")}
              </Link>
            ) : null
          }
        />
        <Table data-testid="elder-assessments">
          <THead>
            <tr>
              <Th>{t("list.columns.assessedOn")}</Th>
              <Th>{t("list.columns.reason")}</Th>
              <Th>{t("list.columns.total")}</Th>
              <Th>{t("list.columns.level")}</Th>
              <Th>{t("list.columns.assessors")}</Th>
              <Th>{t("list.columns.status")}</Th>
            </tr>
          </THead>
          <TBody>
            {data.assessments.length === 0 ? (
              <EmptyRow colSpan={6}>{t("tab.none")}</EmptyRow>
            ) : (
              data.assessments.map((a) => (
                <Tr key={a.id} data-assessment={a.id}>
                  <Td>
                    <Link href={`/assessments/${a.id}`} className="font-medium text-brand-700 hover:underline">
                      {a.assessedOn}
                    </Link>
                  </Td>
                  <AssessmentCells
                    reason={a.reason}
                    isCorrection={Boolean(a.supersedesId)}
                    total={a.total}
                    finalLevel={a.finalLevel}
                    assessors={[a.assessor1Name, a.assessor2Name].filter(Boolean).join("、")}
                    status={a.status}
                  />
                </Tr>
              ))
            )}
          </TBody>
        </Table>
      </Card>
    </div>
  );
}

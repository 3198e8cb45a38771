import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { getAssessment } from "@/lib/assessment/queries";
import { INDICATORS, LEVELS, TOTAL_MAX_SCORE } from "@/lib/assessment/items";
import { buttonVariants } from "@/components/ui/button";
import { PrintButton } from "@/components/assessments/assessment-actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("assessment"))("report.title") };
}

// The printable report: A4 portrait, sections C.1–C.5 of GB/T 42195-2022 and signature lines.
const PRINT_CSS = `
@page { size: A4 portrait; margin: 14mm 14mm 16mm; }
@media print {
  main#main { padding: 0 !important; }
  .report-sheet { box-shadow: none !important; border: 0 !important; padding: 0 !important; width: auto !important; }
  .report-keep { break-inside: avoid; }
}`;

const box = (on: boolean) => (on ? "☑" : "☐");

export default withClientMessages(["assessment"], async function AssessmentReportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const a = await orNotFound(getAssessment(actor, id));
  const [t, te] = await Promise.all([getTranslations("assessment"), getTranslations("elders")]);
  const rule = (r: string) => a.changes.find((c) => c.rule === r);
  const th = "border border-slate-400 bg-slate-50 px-2 py-1 text-left font-medium";
  const td = "border border-slate-400 px-2 py-1";
  const h2 = "mb-1 mt-4 text-[11pt] font-semibold";
  const assessors = [
    { n: 1, name: a.assessor1Name, certNo: a.assessor1CertNo, staff: a.assessor1?.kind === "staff" },
    { n: 2, name: a.assessor2Name, certNo: a.assessor2CertNo, staff: a.assessor2?.kind === "staff" },
  ];
  const levelList = (chosen: number | null, testId: string) => (
    <div className="flex flex-wrap gap-x-5 gap-y-1" data-testid={testId}>
      {LEVELS.map((l) => (
        <span key={l} className={l === chosen ? "font-semibold" : "text-slate-600"}>
          {box(l === chosen)} {l} {t(`levels.${l}`)}
        </span>
      ))}
    </div>
  );
  const changeRows = [
    { key: "coma", on: a.coma || !!rule("coma") },
    { key: "dementia", on: !!rule("dementia") },
    { key: "mental_disorder", on: !!rule("mental_disorder") },
    { key: "risk_events", on: !!rule("risk_events") },
  ] as const;
  const riskCount = a.riskEvents.length;
  return (
    <div className="mx-auto max-w-[210mm]">
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-4 flex items-center justify-between gap-2">
        <Link href={`/assessments/${a.id}`} className={buttonVariants({ variant: "secondary" })}>
          {t("report.back")}
        </Link>
        <PrintButton />
      </div>
      <article className="report-sheet bg-white px-[12mm] py-[10mm] text-[10pt] leading-relaxed text-black shadow-sm ring-1 ring-slate-200" data-testid="assessment-report">
        <header className="mb-3 text-center">
          <h1 className="text-[16pt] font-bold tracking-wide">{t("report.title")}</h1>
          <p className="text-[9pt] text-slate-600">{t("report.basis")}</p>
          {a.status !== "confirmed" ? <p className="mt-1 text-[9pt] font-semibold text-red-700">{t("report.notFinal")}（{t(`status.${a.status}`)}）</p> : null}
        </header>

        <h2 className={h2}>{t("report.sections.subject")}</h2>
        <table className="w-full border-collapse">
          <tbody>
            <tr>
              <th className={th}>{t("report.fields.name")}</th>
              <td className={td} data-testid="report-name">{a.elder.name}</td>
              <th className={th}>{t("report.fields.sex")}</th>
              <td className={td}>{te(`sex.${a.elder.sex}`)}</td>
              <th className={th}>{t("report.fields.birthDate")}</th>
              <td className={td}>{a.elder.birthDate}</td>
            </tr>
            <tr>
              <th className={th}>{t("report.fields.idNumber")}</th>
              <td className={`${td} font-mono`} data-testid="report-id-number">{a.elder.idNumberMasked}</td>
              <th className={th}>{t("report.fields.age")}</th>
              <td className={td}>{t("report.ageValue", { age: a.elder.ageOnAssessment })}</td>
              <th className={th}>{t("report.fields.address")}</th>
              <td className={td}>{[a.elder.townshipName, a.elder.villageName, a.elder.address].filter(Boolean).join(" ")}</td>
            </tr>
          </tbody>
        </table>

        <h2 className={h2}>{t("report.sections.basic")}</h2>
        <table className="w-full border-collapse">
          <tbody>
            <tr>
              <th className={th}>{t("report.fields.reason")}</th>
              <td className={td} colSpan={3}>
                {(["first", "routine", "immediate", "reassessment", "other"] as const).map((r) => (
                  <span key={r} className="mr-4">
                    {box(a.reason === r)} {t(`reasons.${r}`)}
                  </span>
                ))}
              </td>
            </tr>
            <tr>
              <th className={th}>{t("report.fields.assessedOn")}</th>
              <td className={td}>{a.assessedOn}</td>
              <th className={th}>{t("report.fields.place")}</th>
              <td className={td}>{a.place ?? t("report.none")}</td>
            </tr>
            <tr>
              <th className={th}>{t("report.fields.informant")}</th>
              <td className={td} colSpan={3}>
                {a.informantName ? `${a.informantName}${a.informantRelation ? `（${a.informantRelation}）` : ""}` : t("report.none")}
              </td>
            </tr>
          </tbody>
        </table>

        <div className="report-keep">
          <h2 className={h2}>{t("report.sections.c1")}</h2>
          <table className="w-full border-collapse" data-testid="report-c1">
            <thead>
              <tr>
                <th className={th}>{t("report.fields.indicator")}</th>
                <th className={`${th} w-24 text-right`}>{t("report.fields.score")}</th>
                <th className={`${th} w-24 text-right`}>{t("report.fields.max")}</th>
              </tr>
            </thead>
            <tbody>
              {INDICATORS.map((i) => (
                <tr key={i.code}>
                  <td className={td}>
                    {i.code} {t(`indicators.${i.code}`)}
                  </td>
                  <td className={`${td} text-right`}>{a.indicatorScores?.[i.code] ?? t("report.none")}</td>
                  <td className={`${td} text-right`}>{i.maxScore}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 className={h2}>{t("report.sections.c2")}</h2>
          <p data-testid="report-total">{a.total === null ? t("report.none") : t("report.totalValue", { total: a.total })}</p>
          <h2 className={h2}>{t("report.sections.c3")}</h2>
          {levelList(a.preliminaryLevel, "report-preliminary")}
        </div>

        <div className="report-keep">
          <h2 className={h2}>{t("report.sections.c4")}</h2>
          <table className="w-full border-collapse" data-testid="report-c4">
            <tbody>
              {changeRows.map((row) => {
                const change = rule(row.key);
                return (
                  <tr key={row.key}>
                    <td className={`${td} w-10 text-center`}>{box(row.on)}</td>
                    <td className={td}>
                      {t(`changes.${row.key}`)}
                      {row.key === "dementia" || row.key === "mental_disorder"
                        ? (() => {
                            const codes = a.diagnoses.filter((d) => (row.key === "dementia" ? /^F0[0-3]/.test(d.code) : /^F/.test(d.code) && !/^F0[0-3]/.test(d.code)));
                            return codes.length ? (
                              <span className="ml-1 text-[9pt] text-slate-600">
                                （{codes.map((d) => `${d.code}${d.byPsychiatrist ? `，${t("form.fields.byPsychiatrist")}` : ""}`).join("；")}）
                              </span>
                            ) : null;
                          })()
                        : null}
                      {row.key === "risk_events" && riskCount ? (
                        <span className="ml-1 text-[9pt] text-slate-600">
                          （{a.riskEvents.map((e) => t(`riskEvents.${e}`)).join("、")}）
                        </span>
                      ) : null}
                      {change ? (
                        <span className="ml-1 text-[9pt] font-medium">
                          — {change.from === change.to ? t("form.changeNotApplied", { level: change.to }) : t("form.changeApplied", { from: change.from, to: change.to })}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h2 className={h2}>{t("report.sections.c5")}</h2>
          {levelList(a.finalLevel, "report-final")}
        </div>

        <div className="report-keep">
          <h2 className={h2}>{t("report.sections.items")}</h2>
          <div className="grid grid-cols-2 items-start gap-x-4 text-[9pt]">
            {INDICATORS.map((i) => (
              <table key={i.code} className="mb-2 w-full border-collapse">
                <thead>
                  <tr>
                    <th className={th} colSpan={2}>
                      {i.code} {t(`indicators.${i.code}`)}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {i.items.map((item) => {
                    const [ind, num] = item.code.split(".");
                    return (
                      <tr key={item.code}>
                        <td className={`${td} py-0.5`}>
                          {item.code} {t(`items.${ind}.${num}.name` as never)}
                        </td>
                        <td className={`${td} w-16 py-0.5 text-right`}>
                          {a.items[item.code] ?? "—"}/{item.maxScore}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ))}
          </div>
          <p className="text-[9pt] text-slate-600">
            {t("form.total")} {a.total ?? "—"}/{TOTAL_MAX_SCORE}
          </p>
        </div>

        <div className="report-keep">
          <h2 className={h2}>{t("report.sections.signatures")}</h2>
          <table className="w-full border-collapse" data-testid="report-signatures">
            <tbody>
              {assessors.map((s) => (
                <tr key={s.n}>
                  <th className={`${th} w-24`}>{t("report.assessor", { n: s.n })}</th>
                  <td className={td}>
                    {s.name ?? t("report.none")}
                    {s.certNo ? `（${t("report.certNo")} ${s.certNo}）` : s.staff ? `（${t("report.staff")}）` : ""}
                  </td>
                  <td className={`${td} w-[32%]`}>
                    {t("report.signature")}：<span className="inline-block w-28 border-b border-black">&nbsp;</span>
                  </td>
                  <td className={`${td} w-[26%]`}>
                    {t("report.date")}：<span className="inline-block w-20 border-b border-black">&nbsp;</span>
                  </td>
                </tr>
              ))}
              <tr>
                <th className={th}>{t("report.fields.informant")}</th>
                <td className={td}>{a.informantName ?? t("report.none")}</td>
                <td className={td}>
                  {t("report.signature")}：<span className="inline-block w-28 border-b border-black">&nbsp;</span>
                </td>
                <td className={td}>
                  {t("report.date")}：<span className="inline-block w-20 border-b border-black">&nbsp;</span>
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </article>
    </div>
  );
});

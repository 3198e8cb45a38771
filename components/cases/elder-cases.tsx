import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import type { TElderCase } from "@/lib/cases/queries";
import { todayInShanghai } from "@/lib/dates";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { CASE_STATUS_TONE } from "@/components/cases/status";
import { DueDate } from "@/components/cases/due-date";

/** The 业务 tab of the elder's page: the elder's applications, newest first. */
export async function ElderCases({ elderId, rows, today, canApply }: { elderId: string; rows: TElderCase[]; today: string; canApply: boolean }) {
  const [t, tcases] = await Promise.all([getTranslations("caseDocs"), getTranslations("cases")]);
  return (
    <Card>
      <CardHeader
        title={t("elderCases.title")}
        actions={
          canApply ? (
            <Link href={`/cases/new?elderId=${elderId}`} className={buttonVariants({ size: "sm" })} data-testid="new-case">
              <Plus aria-hidden="true" />
              {t("elderCases.new")}
            </Link>
          ) : null
        }
      />
      <Table data-testid="elder-cases">
        <THead>
          <tr>
            <Th>{t("elderCases.columns.caseNo")}</Th>
            <Th>{t("elderCases.columns.item")}</Th>
            <Th>{t("elderCases.columns.channel")}</Th>
            <Th>{t("elderCases.columns.status")}</Th>
            <Th>{t("elderCases.columns.due")}</Th>
            <Th>{t("elderCases.columns.createdAt")}</Th>
            <Th>{t("elderCases.columns.decidedAt")}</Th>
          </tr>
        </THead>
        <TBody>
          {rows.length === 0 ? (
            <EmptyRow colSpan={7}>{t("elderCases.none")}</EmptyRow>
          ) : (
            rows.map((c) => (
              <Tr key={c.caseNo} data-case={c.caseNo}>
                <Td className="whitespace-nowrap">
                  <Link href={`/cases/${c.caseNo}`} className="font-medium tabular-nums text-brand-700 hover:underline">
                    {c.caseNo}
                  </Link>
                </Td>
                <Td>
                  {c.itemName}
                  <span className="ml-1 text-xs text-slate-500">{c.itemCode}</span>
                </Td>
                <Td className="whitespace-nowrap">{tcases(`channel.${c.channel}` as never)}</Td>
                <Td>
                  <Badge tone={CASE_STATUS_TONE[c.status]}>{tcases(`status.${c.status}`)}</Badge>
                </Td>
                <Td>
                  <DueDate dueDate={c.dueDate} overdue={c.overdue} today={today} />
                </Td>
                <Td className="whitespace-nowrap tabular-nums">{todayInShanghai(c.createdAt)}</Td>
                <Td className="whitespace-nowrap tabular-nums">{c.decidedAt ? todayInShanghai(c.decidedAt) : "—"}</Td>
              </Tr>
            ))
          )}
        </TBody>
      </Table>
    </Card>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TElderEntitlement } from "@/lib/cases/queries";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { amountLabel } from "@/components/cases/format";

/** The 待遇 tab of the elder's page: benefits granted by approved applications, active first. */
export async function ElderBenefits({ rows }: { rows: TElderEntitlement[] }) {
  const [t, tc] = await Promise.all([getTranslations("caseDocs"), getTranslations("catalogue")]);
  return (
    <Card>
      <CardHeader title={t("elderBenefits.title")} />
      <Table data-testid="elder-benefits">
        <THead>
          <tr>
            <Th>{t("elderBenefits.columns.item")}</Th>
            <Th>{t("elderBenefits.columns.amount")}</Th>
            <Th>{t("elderBenefits.columns.startMonth")}</Th>
            <Th>{t("elderBenefits.columns.endMonth")}</Th>
            <Th>{t("elderBenefits.columns.status")}</Th>
            <Th>{t("elderBenefits.columns.caseNo")}</Th>
          </tr>
        </THead>
        <TBody>
          {rows.length === 0 ? (
            <EmptyRow colSpan={6}>{t("elderBenefits.none")}</EmptyRow>
          ) : (
            rows.map((e) => (
              <Tr key={e.id} data-benefit={e.itemCode}>
                <Td className="font-medium">
                  {e.itemName}
                  <span className="ml-1 text-xs font-normal text-slate-500">{e.itemCode}</span>
                </Td>
                <Td className="whitespace-nowrap tabular-nums" data-testid="benefit-amount">
                  {amountLabel(tc as never, e) ?? <span className="text-slate-500">{t("elderBenefits.notCash")}</span>}
                </Td>
                <Td className="tabular-nums">{e.startMonth}</Td>
                <Td className="tabular-nums">{e.endMonth ?? t("elderBenefits.noEnd")}</Td>
                <Td>
                  <Badge tone={e.status === "active" ? "green" : "gray"}>{t(`elderBenefits.status.${e.status}`)}</Badge>
                </Td>
                <Td className="whitespace-nowrap">
                  <Link href={`/cases/${e.caseNo}`} className="tabular-nums text-brand-700 hover:underline">
                    {e.caseNo}
                  </Link>
                </Td>
              </Tr>
            ))
          )}
        </TBody>
      </Table>
    </Card>
  );
}

import { getTranslations } from "next-intl/server";
import { Td } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { STATUS_TONE } from "@/components/assessments/status";
import type { TAssessmentReason, TLevel } from "@/lib/assessment/items";
import type { TAssessmentStatus } from "@/lib/assessment/schemas";

/** The cells every assessment table shows: reason, total, final level, assessors, status. */
export async function AssessmentCells({
  reason,
  isCorrection,
  total,
  finalLevel,
  assessors,
  status,
}: {
  reason: TAssessmentReason;
  isCorrection: boolean;
  total: number | null;
  finalLevel: TLevel | null;
  assessors: string;
  status: TAssessmentStatus;
}) {
  const t = await getTranslations("assessment");
  return (
    <>
      <Td>
        {t(`reasons.${reason}`)}
        {isCorrection ? (
          <Badge tone="blue" className="ml-1">
            {t("list.correction")}
          </Badge>
        ) : null}
      </Td>
      <Td>{total ?? "—"}</Td>
      <Td>{finalLevel === null ? "—" : t(`levels.${finalLevel}`)}</Td>
      <Td className="text-xs">{assessors}</Td>
      <Td>
        <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>
      </Td>
    </>
  );
}

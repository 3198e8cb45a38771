import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const DAY = 24 * 60 * 60 * 1000;

/** Calendar days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** 办理期限: the due date, with "已逾期 N 天" in red once it has passed. */
export function DueDate({ dueDate, overdue, today, className }: { dueDate: string | null; overdue: boolean; today: string; className?: string }) {
  const t = useTranslations("cases.due");
  if (!dueDate) return <span className="text-slate-400">{t("none")}</span>;
  const days = daysBetween(dueDate, today);
  return (
    <span className={cn("whitespace-nowrap", className)}>
      <span className="tabular-nums">{dueDate}</span>{" "}
      {overdue ? (
        <span className="font-medium text-red-700" data-testid="overdue">
          {t("overdue", { days })}
        </span>
      ) : days === 0 ? (
        <span className="text-amber-800">{t("today")}</span>
      ) : null}
    </span>
  );
}

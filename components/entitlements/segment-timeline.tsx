import { getTranslations } from "next-intl/server";
import { formatFen } from "@/lib/money";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { SEGMENT_KIND_TONE } from "@/components/entitlements/status";
import type { TSegmentView } from "@/lib/entitlements/queries";

/**
 * An entitlement's segments as a timeline, oldest first: the months, the amount per month, the
 * kind and the reason. The segment covering `month` is marked as the current one.
 */
export async function SegmentTimeline({ segments, month, testId }: { segments: TSegmentView[]; month: string; testId?: string }) {
  const t = await getTranslations("entitlements");
  if (segments.length === 0) return <p className="text-sm text-slate-500">{t("timeline.none")}</p>;
  return (
    <ol className="relative flex flex-col gap-3 border-l-2 border-slate-200 pl-4" data-testid={testId ?? "segment-timeline"}>
      {segments.map((s) => {
        const current = s.fromMonth <= month && (s.toMonth === null || month <= s.toMonth);
        return (
          <li key={s.fromMonth} className="relative" data-segment={s.fromMonth} data-kind={s.kind} aria-current={current ? "true" : undefined}>
            <span
              className={cn("absolute -left-[1.4rem] top-1.5 size-3 rounded-full border-2 border-white", current ? "bg-brand-700" : s.kind === "stopped" ? "bg-slate-400" : "bg-emerald-500")}
              aria-hidden="true"
            />
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="text-sm font-medium tabular-nums text-slate-900">
                {s.toMonth === null ? t("timeline.fromOpen", { from: s.fromMonth }) : s.toMonth === s.fromMonth ? s.fromMonth : t("timeline.range", { from: s.fromMonth, to: s.toMonth })}
              </span>
              <span className="text-sm tabular-nums text-slate-900" data-testid="segment-amount">
                {s.kind === "one_off" ? t("timeline.oneOff", { amount: formatFen(s.monthlyAmountFen) }) : t("timeline.perMonth", { amount: formatFen(s.monthlyAmountFen) })}
              </span>
              <Badge tone={SEGMENT_KIND_TONE[s.kind]}>{t(`kind.${s.kind}`)}</Badge>
              {current ? <Badge tone="blue">{t("timeline.current")}</Badge> : null}
            </div>
            <p className="mt-0.5 text-xs text-slate-600" data-testid="segment-reason">
              {s.reasonText}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

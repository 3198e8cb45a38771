import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const tones = {
  error: "border-red-200 bg-red-50 text-red-800",
  success: "border-emerald-200 bg-emerald-50 text-emerald-800",
  info: "border-sky-200 bg-sky-50 text-sky-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
} as const;

/** A message block for a form or page; live, so that changes are announced. */
export function Notice({
  tone = "info",
  children,
  className,
  testId,
}: {
  tone?: keyof typeof tones;
  children?: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div aria-live="polite" data-testid={testId}>
      {children ? <div className={cn("rounded-md border px-3 py-2 text-sm", tones[tone], className)}>{children}</div> : null}
    </div>
  );
}

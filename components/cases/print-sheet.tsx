import Link from "next/link";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { PrintButton } from "@/components/cases/print-button";

// The printable case documents share the assessment report's approach: an A4 sheet on screen,
// a bar with 返回/打印 that is not printed, and the staff shell hidden by the `.no-print` rule.
const PRINT_CSS = `
@page { size: A4 portrait; margin: 14mm 14mm 14mm; }
@media print {
  main#main { padding: 0 !important; }
  .doc-sheet { box-shadow: none !important; border: 0 !important; padding: 0 !important; width: auto !important; min-height: 0 !important; }
  .doc-keep { break-inside: avoid; }
}`;

/** An A4 sheet with the print bar above it. */
export function PrintSheet({
  back,
  toolbar,
  testId,
  children,
}: {
  back?: { href: string; label: string };
  /** Controls beside the print button (e.g. the notice list's township and date). */
  toolbar?: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-[210mm]">
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-4 flex flex-wrap items-end justify-between gap-2">
        {back ? (
          <Link href={back.href} className={buttonVariants({ variant: "secondary" })}>
            {back.label}
          </Link>
        ) : null}
        {toolbar ?? null}
        {!back && !toolbar ? <span /> : null}
        <PrintButton />
      </div>
      <article
        className="doc-sheet min-h-[297mm] bg-white px-[16mm] py-[14mm] text-[11pt] leading-relaxed text-black shadow-sm ring-1 ring-slate-200"
        data-testid={testId}
      >
        {children}
      </article>
    </div>
  );
}

/** A line to sign or write on. */
export function BlankLine({ className = "w-28" }: { className?: string }) {
  return <span className={`inline-block border-b border-black align-bottom ${className}`}>&nbsp;</span>;
}

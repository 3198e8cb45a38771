import type { ReactNode } from "react";

/** The GET search form above a list: its fields end up in the query string. */
export function FilterBar({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <form className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3" role="search" data-testid={testId}>
      {children}
    </form>
  );
}

/** One labelled control in a FilterBar. */
export function FilterField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      {children}
    </label>
  );
}

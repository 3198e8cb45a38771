import type { ReactNode } from "react";
import { Select } from "@/components/ui/input";

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

/**
 * A labelled select in a FilterBar whose first option (`allLabel`, e.g. 全部) leaves the filter
 * off. Options come as value/label pairs, or as children for grouped ones (village lists).
 */
export function FilterSelect({
  label,
  name,
  value,
  allLabel,
  options,
  className,
  children,
}: {
  label: string;
  name: string;
  value: string | null | undefined;
  allLabel: string;
  options?: readonly { value: string; label: string }[];
  className?: string;
  children?: ReactNode;
}) {
  return (
    <FilterField label={label}>
      <Select name={name} defaultValue={value ?? ""} className={className}>
        <option value="">{allLabel}</option>
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </Select>
    </FilterField>
  );
}

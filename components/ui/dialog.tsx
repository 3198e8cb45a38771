"use client";
import { Dialog as D } from "radix-ui";
import type { ReactNode } from "react";
import { X } from "lucide-react";

/** A modal dialog (Radix): focus is trapped, Escape closes, the title labels it. */
export function Dialog({
  trigger,
  title,
  description,
  open,
  onOpenChange,
  children,
  closeLabel,
}: {
  trigger?: ReactNode;
  title: string;
  description?: string;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  children: ReactNode;
  closeLabel: string;
}) {
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <D.Trigger asChild>{trigger}</D.Trigger> : null}
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <D.Content className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,32rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl focus:outline-none">
          <div className="mb-3 flex items-start justify-between gap-4">
            <div>
              <D.Title className="text-base font-semibold text-slate-900">{title}</D.Title>
              {description ? <D.Description className="mt-1 text-sm text-slate-600">{description}</D.Description> : null}
            </div>
            <D.Close className="rounded p-1 text-slate-500 hover:bg-slate-100" aria-label={closeLabel}>
              <X className="size-4" />
            </D.Close>
          </div>
          {children}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

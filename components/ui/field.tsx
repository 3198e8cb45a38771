"use client";
import { useId, type ReactElement, cloneElement } from "react";
import { cn } from "@/components/ui/cn";

type ControlProps = {
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  "aria-required"?: boolean;
  name?: string;
};

/**
 * A labelled form control with its hint and errors. The errors are announced (aria-live) and
 * tied to the control (aria-describedby), so a screen reader hears them next to the field.
 */
export function Field({
  label,
  hint,
  errors,
  required,
  className,
  children,
}: {
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  className?: string;
  children: ReactElement<ControlProps>;
}) {
  const id = useId();
  const controlId = children.props.id ?? `${id}-control`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const invalid = !!errors?.length;
  const control = cloneElement(children, {
    id: controlId,
    "aria-invalid": invalid || undefined,
    "aria-required": required || undefined,
    "aria-describedby": [hintId, invalid ? errorId : undefined].filter(Boolean).join(" ") || undefined,
  });
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      {/* The marker sits outside the label so that the field's name is exactly its label. */}
      <div className="flex items-baseline gap-0.5">
        <label htmlFor={controlId} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {required ? <span className="text-red-700" aria-hidden="true">*</span> : null}
      </div>
      {control}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <p id={errorId} aria-live="polite" className="text-xs text-red-700" data-testid={children.props.name ? `error-${children.props.name}` : undefined}>
        {invalid ? errors!.join(" ") : null}
      </p>
    </div>
  );
}

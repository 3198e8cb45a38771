"use client";
import { toast } from "@/components/ui/toaster";
import type { TFormState } from "@/lib/entry/form-state";

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

/**
 * The action with its success toast raised as the answer arrives, not from an effect: a decided
 * proposal or a stopped entitlement leaves the revalidated page without the dialog that asked,
 * and an unmounted component's effects never run (as ConfirmDialog does).
 */
export function withSuccessToast(action: TAction): TAction {
  return async (previous, formData) => {
    const next = await action(previous, formData);
    if (next.ok && next.message) toast.success(next.message);
    return next;
  };
}

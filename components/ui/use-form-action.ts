"use client";
import { startTransition, useActionState, type FormEvent } from "react";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";

type TFormAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

/**
 * The action with `onSuccess` run as its answer arrives (a success with a message), inside the
 * action's transition: closing a dialog or raising a toast there needs no effect, and still
 * happens when the revalidated page no longer shows the component that asked.
 */
export function withSuccess(action: TFormAction, onSuccess?: (state: TFormState) => void): TFormAction {
  if (!onSuccess) return action;
  return async (previous, formData) => {
    const next = await action(previous, formData);
    if (next.ok && next.message) onSuccess(next);
    return next;
  };
}

/**
 * useActionState for forms with controlled fields (selects that show or hide other fields).
 * React resets a form after its `action` runs, which would put a controlled select's DOM value
 * out of step with its state; submitting through onSubmit keeps what the user chose.
 */
export function useFormAction(action: TFormAction, onSuccess?: (state: TFormState) => void) {
  const [state, dispatch, pending] = useActionState(withSuccess(action, onSuccess), INITIAL_FORM_STATE);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return [state, onSubmit, pending] as const;
}

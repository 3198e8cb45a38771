"use client";
import { startTransition, useActionState, type FormEvent } from "react";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";

/**
 * useActionState for forms with controlled fields (selects that show or hide other fields).
 * React resets a form after its `action` runs, which would put a controlled select's DOM value
 * out of step with its state; submitting through onSubmit keeps what the user chose.
 */
export function useFormAction(action: (state: TFormState, formData: FormData) => Promise<TFormState>) {
  const [state, dispatch, pending] = useActionState(action, INITIAL_FORM_STATE);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return [state, onSubmit, pending] as const;
}

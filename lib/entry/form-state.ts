/** What a server action hands back to its form (through useActionState). */
export type TFormState = {
  ok: boolean;
  /** A form-level message, already translated. */
  message?: string;
  /** Field errors, already translated. */
  fieldErrors?: Record<string, string[]>;
  /** The submitted values, so that the form keeps what the user typed. */
  values?: Record<string, string>;
};

export const INITIAL_FORM_STATE: TFormState = { ok: false };

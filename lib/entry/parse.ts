import type { z } from "zod";
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";

/** zod issues as field errors (messages are catalogue keys), keyed by the first path segment. */
export function fieldErrorsOf(error: z.ZodError): TFieldErrors {
  const out: TFieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses input with a zod schema; a failure is a VALIDATION AppError carrying field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("VALIDATION", "invalid input", { fieldErrors: fieldErrorsOf(result.error) });
  }
  return result.data;
}

/** FormData as a plain object (the last value of repeated keys wins; files are skipped). */
export function formObject(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  }
  return out;
}

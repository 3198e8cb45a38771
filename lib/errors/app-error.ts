// One error vocabulary for the whole application. Domain code throws AppError(code);
// entry points map the code to an HTTP status and a catalogue message (errors.<code>).

export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  STALE_VERSION: 409,
  /** Someone else moved the case first (stale expectedVersion): nothing was written. */
  CASE_CONFLICT: 409,
  /** The case's state does not allow the action (e.g. approving a draft). */
  CASE_WRONG_STATE: 409,
  CASE_NOTICE_RUNNING: 409,
  CASE_DUPLICATE: 409,
  CASE_NOT_ELIGIBLE: 422,
  CASE_AMOUNT_UNSET: 422,
  CASE_EXCLUDED: 422,
  RATE_LIMITED: 429,
  /** A job of this kind and key is already queued or running, for someone the caller cannot see. */
  JOB_RUNNING: 409,
  /** Stored on a job whose worker was lost and whose retries ran out (never an HTTP answer). */
  JOB_INTERRUPTED: 500,
  INTERNAL: 500,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;

export type TFieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: TErrorCode;
  /** Message parameters for the catalogue, or field errors for VALIDATION. */
  readonly params?: Record<string, string | number>;
  readonly fieldErrors?: TFieldErrors;

  constructor(
    code: TErrorCode,
    message?: string,
    options?: { params?: Record<string, string | number>; fieldErrors?: TFieldErrors; cause?: unknown },
  ) {
    super(message ?? code, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.params = options?.params;
    this.fieldErrors = options?.fieldErrors;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const notFound = (what = "record") => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (action: string) => new AppError("FORBIDDEN", `not allowed: ${action}`);

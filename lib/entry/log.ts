/**
 * Server-side error log. Only the event id, the error's name, code and stack go out: no
 * request bodies and no personal data.
 */
export function logError(eventId: string, error: unknown): void {
  const e = error as { name?: string; code?: string; message?: string; stack?: string };
  const line = JSON.stringify({
    level: "error",
    eventId,
    name: e?.name,
    code: e?.code,
    stack: e?.stack?.split("\n").slice(0, 8).join("\n"),
  });
  console.error(line);
}

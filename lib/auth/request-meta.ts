import type { TRequestMeta } from "@/lib/authz/actor";

/** The caller's address and browser, for the audit trail (first hop of X-Forwarded-For). */
export function requestMetaFrom(headers: Headers): TRequestMeta {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: forwarded || headers.get("x-real-ip") || null,
    userAgent: headers.get("user-agent"),
  };
}

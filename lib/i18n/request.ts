import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, TIME_ZONE, toLocale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";

// The locale comes from a cookie set by the header's switch; no locale in the URL.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, timeZone: TIME_ZONE, messages: loadMessages(locale) };
});

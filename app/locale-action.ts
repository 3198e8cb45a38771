"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";

const ZLocale = z.enum(LOCALES);

/** Switches the interface language (a cookie; no personal data, no audit). */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = ZLocale.safeParse(formData.get("locale"));
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", maxAge: 365 * 86400, sameSite: "lax" });
  revalidatePath("/", "layout");
}

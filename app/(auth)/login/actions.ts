"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from "@/lib/auth/lockout";
import { formObject } from "@/lib/entry/parse";
import type { TFormState } from "@/lib/entry/form-state";

const ZLogin = z.object({
  username: z.string().trim().min(1).max(50),
  password: z.string().min(1).max(200),
  callbackUrl: z.string().optional(),
});

/** Only same-site paths: never an open redirect. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/login") ? url : "/";
}

export async function loginAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const t = await getTranslations("auth");
  const input = formObject(formData);
  const values = { username: input.username ?? "" };
  const parsed = ZLogin.safeParse(input);
  if (!parsed.success) return { ok: false, message: t("missing"), values };
  try {
    await signIn("credentials", {
      username: parsed.data.username,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // includes the success redirect
    const code = error instanceof CredentialsSignin ? error.code : "invalid";
    if (code.startsWith("locked:")) {
      const format = await getFormatter();
      const until = format.dateTime(new Date(code.slice("locked:".length)), { hour: "2-digit", minute: "2-digit" });
      return { ok: false, message: t("locked", { max: MAX_FAILED_LOGINS, minutes: LOCK_MINUTES, until }), values };
    }
    return { ok: false, message: t(code === "disabled" ? "disabled" : "invalid"), values };
  }
}

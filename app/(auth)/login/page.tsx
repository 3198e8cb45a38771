import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { resolveActor } from "@/lib/auth/session";
import { loginAction } from "./actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default withClientMessages(["auth"], async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; expired?: string }> }) {
  if (await resolveActor()) redirect("/");
  const { callbackUrl, expired } = await searchParams;
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-100 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="mx-auto mb-3 flex size-12 items-center justify-center rounded-xl bg-brand-700 text-xl font-bold text-white" aria-hidden="true">
            颐
          </div>
          <h1 className="text-2xl font-semibold text-slate-900">
            {t("common.appName")} · {t("auth.title")}
          </h1>
          <p className="mt-1 text-sm text-slate-600">{t("auth.subtitle")}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm action={loginAction} callbackUrl={callbackUrl} notice={expired ? t("auth.expired") : undefined} />
        </div>
        <p className="mt-4 text-center text-xs text-slate-500">{t("auth.footer")}</p>
        <div className="mt-3 flex justify-center">
          <LocaleSwitch />
        </div>
      </div>
    </main>
  );
});

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center" data-testid="not-found">
      <p className="text-5xl font-bold text-slate-300">404</p>
      <h1 className="mt-3 text-xl font-semibold text-slate-900">{t("notFoundTitle")}</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">{t("notFoundText")}</p>
      <Link href="/" className={`${buttonVariants({ variant: "secondary" })} mt-6`}>
        {t("goHome")}
      </Link>
    </div>
  );
}

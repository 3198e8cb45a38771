"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center" role="alert">
      <h1 className="text-xl font-semibold text-slate-900">{t("errorTitle")}</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">{t("errorText", { eventId: error.digest ?? "—" })}</p>
      <Button className="mt-6" variant="secondary" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}

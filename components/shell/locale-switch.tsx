import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/locale-action";
import { LOCALES } from "@/lib/i18n/config";
import { cn } from "@/components/ui/cn";

/** Language switch: one small form per language, so it works without JavaScript. */
export async function LocaleSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <div className="flex items-center gap-1 text-xs" role="group" aria-label={t("language")}>
      {LOCALES.map((l) => (
        <form key={l} action={setLocaleAction}>
          <input type="hidden" name="locale" value={l} />
          <button
            type="submit"
            lang={l}
            aria-pressed={l === locale}
            className={cn(
              "rounded px-2 py-1",
              l === locale ? "bg-slate-200 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-100",
            )}
          >
            {t(`languages.${l}`)}
          </button>
        </form>
      ))}
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import { LogOut } from "lucide-react";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/app/(staff)/actions";

export async function Header({ displayName, role, regionName }: { displayName: string; role: string; regionName: string }) {
  const t = await getTranslations();
  return (
    <header className="no-print flex h-14 items-center justify-between gap-4 border-b border-slate-200 bg-white px-5">
      <div className="flex items-center gap-2.5">
        <div className="flex size-8 items-center justify-center rounded-lg bg-brand-700 font-bold text-white" aria-hidden="true">
          颐
        </div>
        <span className="text-base font-semibold text-slate-900">{t("common.appFullName")}</span>
      </div>
      <div className="flex items-center gap-4 text-sm">
        <LocaleSwitch />
        <div className="text-right leading-tight" data-testid="current-user">
          <div className="font-medium text-slate-900">{displayName}</div>
          <div className="text-xs text-slate-500">
            {t(`roles.${role}` as never)} · {regionName}
          </div>
        </div>
        <form action={signOutAction}>
          <Button type="submit" variant="secondary" size="sm">
            <LogOut aria-hidden="true" />
            {t("auth.signOut")}
          </Button>
        </form>
      </div>
    </header>
  );
}

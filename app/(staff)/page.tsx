import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChevronRight } from "lucide-react";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { NAV } from "@/lib/nav";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { inboxCounts } from "@/lib/cases/queries";

export default async function HomePage() {
  const actor = await getActor();
  const t = await getTranslations();
  const areas = NAV.filter((a) => a.key !== "home" && a.action && can(actor, a.action));
  const cases = await inboxCounts(actor);
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-xl font-semibold text-slate-900" data-testid="greeting">
        {t("home.greeting", { name: actor.displayName })}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        {t("home.intro", { role: t(`roles.${actor.role}` as never), region: actor.regionName })}
      </p>
      {cases.waiting > 0 ? (
        <Link href="/cases" className="mt-5 block rounded-lg hover:ring-2 hover:ring-brand-200" data-testid="home-cases">
          <Card className="flex items-center justify-between gap-3 px-4 py-3.5">
            <span className="text-sm text-slate-900">{t("home.casesWaiting", { waiting: cases.waiting })}</span>
            {cases.overdue > 0 ? <Badge tone="red">{t("home.casesOverdue", { overdue: cases.overdue })}</Badge> : null}
          </Card>
        </Link>
      ) : null}
      <h2 className="mb-3 mt-6 text-sm font-medium text-slate-500">{t("home.areasTitle")}</h2>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {areas.map((area) => {
          const body = (
            <Card className="flex h-full items-center justify-between gap-3 px-4 py-3.5">
              <div>
                <div className="flex items-center gap-2 font-medium text-slate-900">
                  {t(`nav.${area.key}`)}
                  {area.ready ? null : <Badge>{t("common.comingSoon")}</Badge>}
                </div>
                <p className="mt-0.5 text-xs text-slate-500">{t(`home.areaHints.${area.key}` as never)}</p>
              </div>
              {area.ready ? <ChevronRight className="size-4 text-slate-400" aria-hidden="true" /> : null}
            </Card>
          );
          return (
            <li key={area.key}>
              {area.ready ? (
                <Link href={area.href} className="block h-full rounded-lg hover:ring-2 hover:ring-brand-200">
                  {body}
                </Link>
              ) : (
                body
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

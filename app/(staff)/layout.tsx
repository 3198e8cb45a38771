import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Header } from "@/components/shell/header";
import { Sidebar, type TSidebarItem } from "@/components/shell/sidebar";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { NAV } from "@/lib/nav";

/** The staff shell: every page under it requires a signed-in, active account. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const t = await getTranslations("common");
  const items: TSidebarItem[] = NAV.filter((a) => a.action === null || can(actor, a.action)).map((a) => ({
    key: a.key,
    href: a.href,
    ready: a.ready,
    children: a.children?.filter((c) => can(actor, c.action)).map((c) => ({ key: c.key, href: c.href })),
  }));
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <Header displayName={actor.displayName} role={actor.role} regionName={actor.regionName} />
      <div className="flex flex-1">
        <aside className="no-print w-56 shrink-0 border-r border-slate-200 bg-white">
          <Sidebar items={items} />
        </aside>
        <main id="main" className="min-w-0 flex-1 px-6 py-5">
          {children}
        </main>
      </div>
    </div>
  );
}

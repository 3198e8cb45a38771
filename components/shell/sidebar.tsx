"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  BarChart3,
  ClipboardCheck,
  FileStack,
  HandCoins,
  HeartHandshake,
  House,
  ListChecks,
  Settings,
  Users,
} from "lucide-react";
import { cn } from "@/components/ui/cn";

const ICONS = {
  home: House,
  elders: Users,
  assessments: ClipboardCheck,
  catalogue: ListChecks,
  cases: FileStack,
  payments: HandCoins,
  visits: HeartHandshake,
  stats: BarChart3,
  admin: Settings,
} as const;

export type TSidebarItem = {
  key: keyof typeof ICONS;
  href: string;
  ready: boolean;
  children?: { key: string; href: string }[];
};

/** The left navigation; the server decides which items the role sees. */
export function Sidebar({ items }: { items: TSidebarItem[] }) {
  const t = useTranslations("nav");
  const tc = useTranslations("common");
  const pathname = usePathname();
  const isActive = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={t("label")} className="flex flex-col gap-0.5 p-3 text-sm" data-testid="sidebar">
      {items.map((item) => {
        const Icon = ICONS[item.key];
        const label = t(item.key);
        if (!item.ready) {
          return (
            <span key={item.key} className="flex items-center gap-2.5 rounded-md px-3 py-2 text-slate-400" aria-disabled="true" data-nav={item.key}>
              <Icon className="size-4" aria-hidden="true" />
              <span>{label}</span>
              <span className="ml-auto whitespace-nowrap rounded bg-slate-100 px-1.5 text-[11px] text-slate-500">{tc("comingSoon")}</span>
            </span>
          );
        }
        const active = item.children ? item.children.some((c) => isActive(c.href)) : isActive(item.href);
        return (
          <div key={item.key}>
            <Link
              href={item.href}
              data-nav={item.key}
              aria-current={active && !item.children ? "page" : undefined}
              className={cn(
                "flex items-center gap-2.5 rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100",
                active && "bg-brand-50 font-medium text-brand-800",
              )}
            >
              <Icon className="size-4" aria-hidden="true" />
              {label}
            </Link>
            {item.children ? (
              <div className="ml-6 mt-0.5 flex flex-col gap-0.5 border-l border-slate-200 pl-2">
                {item.children.map((child) => (
                  <Link
                    key={child.key}
                    href={child.href}
                    aria-current={isActive(child.href) ? "page" : undefined}
                    className={cn(
                      "rounded-md px-3 py-1.5 text-slate-600 hover:bg-slate-100",
                      isActive(child.href) && "bg-brand-50 font-medium text-brand-800",
                    )}
                  >
                    {t(child.key as never)}
                  </Link>
                ))}
              </div>
            ) : null}
          </div>
        );
      })}
    </nav>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** Previous/next links that keep the current query string. */
export async function Pagination({
  page,
  pageSize,
  total,
  searchParams,
}: {
  page: number;
  pageSize: number;
  total: number;
  searchParams: Record<string, string | undefined>;
}) {
  const t = await getTranslations("common");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const qs = new URLSearchParams(Object.entries(searchParams).filter(([, v]) => v) as [string, string][]);
    qs.set("page", String(p));
    return `?${qs}`;
  };
  const link = (p: number, label: string, disabled: boolean) =>
    disabled ? (
      <span className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "pointer-events-none opacity-50")}>{label}</span>
    ) : (
      <Link className={buttonVariants({ variant: "secondary", size: "sm" })} href={href(p)}>
        {label}
      </Link>
    );
  return (
    <nav className="flex items-center justify-between gap-3 border-t border-slate-200 px-5 py-3 text-sm text-slate-600" aria-label={t("pageInfo", { page, pages, total })}>
      <span>{t("pageInfo", { page, pages, total })}</span>
      <div className="flex gap-2">
        {link(page - 1, t("previous"), page <= 1)}
        {link(page + 1, t("next"), page >= pages)}
      </div>
    </nav>
  );
}

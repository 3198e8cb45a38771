import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import { getActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/entry/page";
import { listUsers } from "@/lib/users/queries";
import { ZUserListQuery } from "@/lib/users/schemas";
import { userStatus } from "@/lib/users/status";
import { ROLES } from "@/lib/authz/roles";
import { PageHeader } from "@/components/ui/page-header";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { FilterBar, FilterField, FilterSelect } from "@/components/ui/filter-bar";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";

const STATUS_TONE = { active: "green", disabled: "gray", locked: "red" } as const;

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await getActor();
  const params = await searchParams;
  const query = ZUserListQuery.parse(params);
  const { rows, total, page, pageSize } = await orNotFound(listUsers(actor, query));
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t("users.title")}
        description={t("users.count", { total })}
        actions={
          <Link href="/admin/users/new" className={buttonVariants()}>
            <Plus aria-hidden="true" />
            {t("users.new")}
          </Link>
        }
      />
      <Card>
        <FilterBar>
          <FilterField label={t("common.search")}>
            <Input name="q" defaultValue={query.q} placeholder={t("users.searchPlaceholder")} className="w-56" />
          </FilterField>
          <FilterSelect
            label={t("users.filterRole")}
            name="role"
            value={query.role}
            allLabel={t("common.all")}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            className="w-48"
          />
          <FilterSelect
            label={t("users.filterStatus")}
            name="status"
            value={query.status}
            allLabel={t("common.all")}
            options={(["active", "disabled", "locked"] as const).map((s) => ({ value: s, label: t(`users.${s}`) }))}
            className="w-32"
          />
          <Button type="submit" variant="secondary">
            {t("common.search")}
          </Button>
        </FilterBar>
        <Table data-testid="users-table">
          <THead>
            <tr>
              <Th>{t("users.username")}</Th>
              <Th>{t("users.displayName")}</Th>
              <Th>{t("users.role")}</Th>
              <Th>{t("users.region")}</Th>
              <Th>{t("users.status")}</Th>
              <Th>{t("users.lastLogin")}</Th>
              <Th className="text-right">{t("common.actions")}</Th>
            </tr>
          </THead>
          <TBody>
            {rows.length === 0 ? (
              <EmptyRow colSpan={7}>{t("common.empty")}</EmptyRow>
            ) : (
              rows.map((u) => {
                const status = userStatus(u);
                return (
                  <Tr key={u.id} data-username={u.username}>
                    <Td className="font-mono text-xs">{u.username}</Td>
                    <Td>{u.displayName}</Td>
                    <Td>{t(`roles.${u.role}`)}</Td>
                    <Td>{u.region.name}</Td>
                    <Td>
                      <Badge tone={STATUS_TONE[status]}>{t(`users.${status}`)}</Badge>
                    </Td>
                    <Td className="text-xs text-slate-600">
                      {u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: "short", timeStyle: "short" }) : t("users.never")}
                    </Td>
                    <Td className="text-right">
                      <Link href={`/admin/users/${u.id}`} className={buttonVariants({ variant: "link", size: "sm" })}>
                        {t("common.edit")}
                      </Link>
                    </Td>
                  </Tr>
                );
              })
            )}
          </TBody>
        </Table>
        <Pagination page={page} pageSize={pageSize} total={total} searchParams={params} />
      </Card>
    </div>
  );
}

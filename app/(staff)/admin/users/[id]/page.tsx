import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { orNotFound } from "@/lib/entry/page";
import { getUser } from "@/lib/users/queries";
import { userStatus } from "@/lib/users/status";
import { listAssignableRegions } from "@/lib/regions/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { UserForm } from "@/components/users/user-form";
import { AccountActions } from "@/components/users/account-actions";
import { TokenCard } from "@/components/tokens/token-card";
import { listTokens } from "@/lib/tokens/queries";
import { createTokenAction, resetPasswordAction, revokeTokenAction, setUserActiveAction, unlockUserAction, updateUserAction } from "../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export default withClientMessages(["users", "roles", "tokens"], async function EditUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const actor = await getActor();
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success || !can(actor, "user.manage")) notFound();
  const user = await orNotFound(getUser(actor, id));
  const [regions, tokens, t, format] = await Promise.all([
    listAssignableRegions(actor),
    can(actor, "token.manage") ? listTokens(actor, user.id) : null,
    getTranslations(),
    getFormatter(),
  ]);
  const status = userStatus(user);
  const { done } = await searchParams;
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t("users.editTitle", { name: user.displayName })}
        description={
          <span className="flex items-center gap-2">
            <span className="font-mono">{user.username}</span>
            <Badge tone={status === "active" ? "green" : status === "locked" ? "red" : "gray"}>{t(`users.${status}`)}</Badge>
            {status === "locked" && user.lockedUntil
              ? t("users.lockedUntil", { time: format.dateTime(user.lockedUntil, { timeStyle: "short" }) })
              : null}
          </span>
        }
      />
      {done === "created" ? (
        <Notice tone="success" className="mb-4" testId="created-notice">
          {t("users.created")}
        </Notice>
      ) : null}
      <div className="grid gap-5 lg:grid-cols-[1fr_18rem]">
        <Card>
          <CardBody>
            <UserForm
              mode="edit"
              action={updateUserAction}
              regions={regions}
              user={{ ...user, version: user.version }}
            />
          </CardBody>
        </Card>
        <Card className="self-start">
          <CardHeader title={t("common.actions")} />
          <CardBody>
            <AccountActions
              user={user}
              isSelf={user.id === actor.userId}
              locked={status === "locked"}
              actions={{ setActive: setUserActiveAction, unlock: unlockUserAction, resetPassword: resetPasswordAction }}
            />
          </CardBody>
        </Card>
      </div>
      {tokens ? (
        <div className="mt-5">
          <TokenCard userId={user.id} active={user.active} tokens={tokens} actions={{ create: createTokenAction, revoke: revokeTokenAction }} />
        </div>
      ) : null}
    </div>
  );
});

import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { listAssignableRegions } from "@/lib/regions/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { UserForm } from "@/components/users/user-form";
import { createUserAction } from "../actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export default withClientMessages(["users", "roles"], async function NewUserPage() {
  const actor = await getActor();
  if (!can(actor, "user.manage")) notFound();
  const [regions, t] = await Promise.all([listAssignableRegions(actor), getTranslations("users")]);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("createTitle")} />
      <Card>
        <CardBody>
          <UserForm mode="create" action={createUserAction} regions={regions} />
        </CardBody>
      </Card>
    </div>
  );
});

"use client";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { toast } from "@/components/ui/toaster";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";
import { ROLES } from "@/lib/authz/roles";
import type { TRegionLevel } from "@/lib/regions/path";

export type TRegionOption = { code: string; name: string; level: TRegionLevel; parentCode: string | null };

type TUserValues = {
  id?: string;
  version?: number;
  username?: string;
  displayName?: string;
  role?: string;
  regionCode?: string;
  phone?: string | null;
};

/** Region options indented by level, so the tree reads in a plain select. */
function RegionOptions({ regions }: { regions: TRegionOption[] }) {
  const t = useTranslations("common.regionLevel");
  const indent = { county: "", township: "\u3000", village: "\u3000\u3000" } as const;
  return (
    <>
      {regions.map((r) => (
        <option key={r.code} value={r.code}>
          {indent[r.level]}
          {r.name}（{t(r.level)}）
        </option>
      ))}
    </>
  );
}

export function UserForm({
  mode,
  action,
  regions,
  user,
}: {
  mode: "create" | "edit";
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  regions: TRegionOption[];
  user?: TUserValues;
}) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const tr = useTranslations("roles");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const v = { ...user, ...state.values } as Record<string, string | number | null | undefined>;
  const errors = state.fieldErrors ?? {};
  useEffect(() => {
    if (state.ok && state.message) toast.success(state.message);
  }, [state]);
  return (
    <form action={formAction} className="grid max-w-2xl grid-cols-1 gap-x-5 gap-y-2 sm:grid-cols-2" noValidate data-testid="user-form">
      <div className="sm:col-span-2">
        <Notice tone="error" testId="form-message">
          {!state.ok ? state.message : null}
        </Notice>
      </div>
      {mode === "edit" ? (
        <>
          <input type="hidden" name="id" value={user?.id} />
          <input type="hidden" name="version" value={String(user?.version ?? 0)} />
        </>
      ) : null}
      <Field label={t("username")} errors={errors.username} required={mode === "create"}>
        <Input name="username" defaultValue={(v.username as string) ?? ""} disabled={mode === "edit"} autoComplete="off" />
      </Field>
      <Field label={t("displayName")} errors={errors.displayName} required>
        <Input name="displayName" defaultValue={(v.displayName as string) ?? ""} />
      </Field>
      <Field label={t("role")} errors={errors.role} required>
        <Select name="role" defaultValue={(v.role as string) ?? ""} key={`role-${v.role}`}>
          <option value="">{t("chooseRole")}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {tr(role)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("region")} errors={errors.regionCode} required>
        <Select name="regionCode" defaultValue={(v.regionCode as string) ?? ""} key={`region-${v.regionCode}`}>
          <option value="">{t("chooseRegion")}</option>
          <RegionOptions regions={regions} />
        </Select>
      </Field>
      <Field label={t("phone")} errors={errors.phone}>
        <Input name="phone" inputMode="tel" defaultValue={(v.phone as string) ?? ""} />
      </Field>
      {mode === "create" ? (
        <Field label={t("password")} hint={t("passwordHint")} errors={errors.password} required>
          <Input name="password" type="password" autoComplete="new-password" />
        </Field>
      ) : null}
      <div className="pt-2 sm:col-span-2">
        <SubmitButton pendingLabel={tc("saving")}>{tc("save")}</SubmitButton>
      </div>
    </form>
  );
}

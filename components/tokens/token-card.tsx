"use client";
import { useActionState, useRef } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Copy, KeyRound } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";

export type TTokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
};

type TTokenFormState = TFormState & { token?: string; tokenName?: string };
type TAction<S> = (state: S, formData: FormData) => Promise<S>;

/** API 令牌 of one account: the list, issuing (the token shown once) and revoking. */
export function TokenCard({
  userId,
  active,
  tokens,
  actions,
}: {
  userId: string;
  active: boolean;
  tokens: TTokenRow[];
  actions: { create: TAction<TTokenFormState>; revoke: TAction<TFormState> };
}) {
  const t = useTranslations("tokens");
  const format = useFormatter();
  const [state, issue] = useActionState(actions.create, INITIAL_FORM_STATE as TTokenFormState);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <Card data-testid="token-card">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="flex flex-col gap-4">
        {!active ? <Notice tone="warning">{t("inactiveAccount")}</Notice> : null}
        {state.ok && state.token ? <IssuedToken token={state.token} name={state.tokenName ?? ""} /> : null}
        <Table data-testid="tokens-table">
          <THead>
            <Tr>
              <Th>{t("name")}</Th>
              <Th>{t("prefix")}</Th>
              <Th>{t("createdAt")}</Th>
              <Th>{t("lastUsedAt")}</Th>
              <Th>{t("status")}</Th>
              <Th />
            </Tr>
          </THead>
          <TBody>
            {tokens.length === 0 ? <EmptyRow colSpan={6}>{t("none")}</EmptyRow> : null}
            {tokens.map((token) => (
              <Tr key={token.id} data-token={token.prefix}>
                <Td>{token.name}</Td>
                <Td className="font-mono text-xs">{token.prefix}…</Td>
                <Td className="whitespace-nowrap">
                  {when(token.createdAt)}
                  <span className="ml-1 text-xs text-slate-500">{token.createdBy}</span>
                </Td>
                <Td className="whitespace-nowrap">{token.lastUsedAt ? when(token.lastUsedAt) : <span className="text-slate-500">{t("never")}</span>}</Td>
                <Td>
                  {token.revokedAt ? (
                    <span title={t("revokedInfo", { name: token.revokedBy ?? "", time: when(token.revokedAt) })}>
                      <Badge tone="gray">{t("revoked")}</Badge>
                    </span>
                  ) : (
                    <Badge tone="green">{t("active")}</Badge>
                  )}
                </Td>
                <Td className="text-right">{token.revokedAt ? null : <RevokeButton token={token} userId={userId} action={actions.revoke} />}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        {active ? (
          <form action={issue} className="flex flex-wrap items-start gap-3" noValidate data-testid="issue-token-form">
            <input type="hidden" name="userId" value={userId} />
            <Field label={t("name")} hint={t("nameHint")} errors={state.fieldErrors?.name} required className="min-w-64 flex-1">
              <Input name="name" maxLength={50} placeholder={t("namePlaceholder")} defaultValue={state.ok ? "" : (state.values?.name ?? "")} autoComplete="off" />
            </Field>
            <SubmitButton className="mt-7" pendingLabel={t("issuing")}>
              <KeyRound aria-hidden="true" />
              {t("issue")}
            </SubmitButton>
            {!state.ok && state.message && !state.fieldErrors ? (
              <Notice tone="error" className="w-full">
                {state.message}
              </Notice>
            ) : null}
          </form>
        ) : null}
        <p className="sr-only" aria-live="polite">
          {state.ok && state.token ? t("issued", { name: state.tokenName ?? "" }) : null}
        </p>
      </CardBody>
    </Card>
  );
}

/** The new token in a copyable box, with the warning that it will not be shown again. */
function IssuedToken({ token, name }: { token: string; name: string }) {
  const t = useTranslations("tokens");
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      toast.success(t("copied"));
    } catch {
      input.current?.select();
      toast.error(t("copyFailed"));
    }
  };
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="issued-token">
      <p className="text-sm font-medium text-amber-950">{t("issued", { name })}</p>
      <div className="flex gap-2">
        <Input
          ref={input}
          readOnly
          value={token}
          aria-label={t("tokenLabel")}
          onFocus={(e) => e.currentTarget.select()}
          className="font-mono text-xs"
          data-testid="issued-token-value"
        />
        <Button type="button" variant="secondary" onClick={copy}>
          <Copy aria-hidden="true" />
          {t("copy")}
        </Button>
      </div>
      <p className="text-sm text-amber-900">{t("showOnce")}</p>
    </div>
  );
}

function RevokeButton({ token, userId, action }: { token: TTokenRow; userId: string; action: TAction<TFormState> }) {
  const t = useTranslations("tokens");
  return (
    <ConfirmDialog
      title={t("revokeTitle", { name: token.name })}
      description={t("revokeConfirm", { prefix: token.prefix })}
      confirmLabel={t("revoke")}
      fields={{ tokenId: token.id, userId }}
      action={action}
      trigger={
        <Button variant="secondary" size="sm">
          {t("revoke")}
        </Button>
      }
    />
  );
}

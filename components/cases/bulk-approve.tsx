"use client";
import Link from "next/link";
import { startTransition, useActionState, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { CheckCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import type { TFormState } from "@/lib/entry/form-state";

type TBulkState = TFormState & { approved?: number; failures?: { caseNo: string; message: string }[] };

function subscribeToChanges(onChange: () => void) {
  document.addEventListener("change", onChange);
  return () => document.removeEventListener("change", onChange);
}

const selector = (formId: string) => `input[type="checkbox"][name="case"][form="${formId}"]`;

/**
 * 批量批准 above the approver's inbox. The row checkboxes belong to this form through their
 * `form` attribute (the table stays a server component); the server approves each case on its
 * own and reports those it could not approve.
 */
export function BulkApproveBar({
  formId,
  action,
  selectable,
}: {
  formId: string;
  action: (state: TBulkState, formData: FormData) => Promise<TBulkState>;
  /** How many cases of the page may be selected; without any, only the last result shows. */
  selectable: number;
}) {
  const t = useTranslations("cases.bulk");
  const tc = useTranslations("common");
  const [state, dispatch, pending] = useActionState(action, { ok: false } as TBulkState);
  const [open, setOpen] = useState(false);
  const [hint, setHint] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // How many row checkboxes are ticked: the checkboxes are the store, their change events the signal.
  const count = useSyncExternalStore(subscribeToChanges, () => document.querySelectorAll(`${selector(formId)}:checked`).length, () => 0);

  const confirm = () => {
    setOpen(false);
    const data = new FormData(form.current!);
    startTransition(() => dispatch(data));
  };

  if (selectable === 0 && state.approved === undefined && !state.message) return null;
  return (
    <div className="flex flex-col gap-2 border-b border-slate-200 px-4 py-3" data-testid="bulk-approve">
      <form
        hidden={selectable === 0}
        id={formId}
        ref={form}
        className="flex flex-wrap items-center gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          setHint(count === 0);
          if (count > 0) setOpen(true);
        }}
      >
        <Button type="submit" disabled={pending} data-testid="bulk-approve-button">
          <CheckCheck aria-hidden="true" />
          {pending ? t("approving") : t("approve")}
        </Button>
        <span className="text-sm text-slate-600" aria-live="polite" data-testid="bulk-selected">
          {hint && count === 0 ? t("nothingSelected") : t("selected", { count })}
        </span>
      </form>
      <Dialog open={open} onOpenChange={setOpen} title={t("confirmTitle")} description={t("confirmText", { count })} closeLabel={tc("close")}>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            {tc("cancel")}
          </Button>
          <Button type="button" onClick={confirm} data-testid="bulk-confirm">
            {t("confirm")}
          </Button>
        </div>
      </Dialog>
      {state.ok && state.approved !== undefined ? (
        <Notice tone={state.approved > 0 ? "success" : "warning"} testId="bulk-result">
          {t("approved", { count: state.approved })}
        </Notice>
      ) : null}
      {!state.ok && state.message ? <Notice tone="error">{state.message}</Notice> : null}
      {state.failures?.length ? (
        <Notice tone="error" testId="bulk-failures">
          <p className="font-medium">{t("failedTitle", { count: state.failures.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {state.failures.map((f) => (
              <li key={f.caseNo}>
                <Link href={`/cases/${f.caseNo}`} className="font-mono underline">
                  {f.caseNo}
                </Link>
                ：{f.message}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </div>
  );
}

/** The header checkbox: selects or clears every case of the page. */
export function SelectAllCases({ formId }: { formId: string }) {
  const t = useTranslations("cases.bulk");
  return (
    <input
      type="checkbox"
      className="size-4 accent-brand-700"
      aria-label={t("selectAll")}
      onChange={(e) => {
        for (const box of document.querySelectorAll<HTMLInputElement>(selector(formId))) box.checked = e.currentTarget.checked;
      }}
    />
  );
}

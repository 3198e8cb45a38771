"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Trash2, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { INITIAL_FORM_STATE, type TFormState } from "@/lib/entry/form-state";
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from "@/lib/cases/schemas";

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

const ACCEPT = Object.entries(ATTACHMENT_LIMITS.contentTypes)
  .flatMap(([type, extensions]) => [type, ...extensions])
  .join(",");

/** 上传附件: material type and file. A file over the limit is refused before it is sent; the server checks everything again. */
export function AttachmentUploadForm({ caseNo, action }: { caseNo: string; action: TAction }) {
  const t = useTranslations("cases");
  const [state, formAction] = useActionState(action, INITIAL_FORM_STATE);
  const [tooBig, setTooBig] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok && state.message) {
      toast.success(state.message);
      form.current?.reset();
    }
  }, [state]);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form
      ref={form}
      action={formAction}
      className="flex flex-col gap-2"
      noValidate
      data-testid="attachment-upload"
      onSubmit={(e) => {
        const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
        const big = !!file && file.size > ATTACHMENT_LIMITS.maxBytes;
        setTooBig(big);
        if (big) e.preventDefault();
      }}
    >
      <Notice tone="error">{!state.ok && state.message && !state.fieldErrors ? state.message : null}</Notice>
      <input type="hidden" name="caseNo" value={caseNo} />
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-start">
        <Field label={t("detail.attachments.type")} errors={errors.type} required>
          <Select name="type" defaultValue={state.values?.type ?? ""}>
            <option value="">{t("detail.attachments.choose")}</option>
            {ATTACHMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`attachmentType.${type}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("detail.attachments.file")} hint={t("detail.attachments.hint")} errors={tooBig ? [t("validation.attachmentSize")] : errors.file} required>
          <Input name="file" type="file" accept={ACCEPT} className="py-1.5" onChange={() => setTooBig(false)} />
        </Field>
        <SubmitButton className="sm:mt-6" pendingLabel={t("detail.attachments.uploading")}>
          <Upload aria-hidden="true" />
          {t("detail.attachments.upload")}
        </SubmitButton>
      </div>
    </form>
  );
}

/** 删除附件, after a confirmation; a refusal shows inside the dialog. */
export function RemoveAttachmentButton({ caseNo, attachment, action }: { caseNo: string; attachment: { id: string; fileName: string }; action: TAction }) {
  const t = useTranslations("cases.detail.attachments");
  return (
    <ConfirmDialog
      title={t("removeTitle")}
      description={t("removeText", { name: attachment.fileName })}
      confirmLabel={t("remove")}
      fields={{ caseNo, attachmentId: attachment.id }}
      action={action}
      errors="inline"
      trigger={
        <Button variant="ghost" size="sm" aria-label={`${t("remove")} ${attachment.fileName}`}>
          <Trash2 aria-hidden="true" />
          {t("remove")}
        </Button>
      }
    />
  );
}

"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getActor, getRequestMeta } from "@/lib/auth/session";
import { formObject, parseInput } from "@/lib/entry/parse";
import { describeError, runFormAction } from "@/lib/entry/form-action";
import type { TFormState } from "@/lib/entry/form-state";
import { AppError } from "@/lib/errors/app-error";
import { ZBulkApprove, ZCaseActionInput, ZCaseNo } from "@/lib/cases/schemas";
import { actOnCase, bulkApprove } from "@/lib/cases/service";
import { addAttachment, removeAttachment } from "@/lib/cases/attachments";

// Thin entry points: authenticate, parse, call the service (which loads the case inside the
// actor's region and checks role, state and version in its transaction), revalidate or redirect.

const ZCaseRef = z.object({ caseNo: ZCaseNo });

function revalidateCases(caseNo?: string) {
  revalidatePath("/cases");
  if (caseNo) revalidatePath(`/cases/${caseNo}`);
  revalidatePath("/elders", "layout");
  revalidatePath("/");
}

/** One workflow action on a case (受理, 入户核查, 公示, 审核, 审批, 退回, 撤回…), at the version shown. */
export async function caseAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  let target = "";
  const state = await runFormAction(values, async () => {
    const actor = await getActor();
    const { caseNo } = parseInput(ZCaseRef, values);
    const input = parseInput(ZCaseActionInput, values);
    await actOnCase(actor, await getRequestMeta(), caseNo, input);
    target = `/cases/${caseNo}?done=${input.action}`;
  });
  if (!state.ok || !target) return state;
  revalidateCases(values.caseNo);
  redirect(target);
}

export type TBulkApproveState = TFormState & { approved?: number; failures?: { caseNo: string; message: string }[] };

/** `caseNo@version`, as the inbox's checkboxes send them. */
function selectedCases(formData: FormData) {
  return formData.getAll("case").map((value) => {
    const [caseNo, expectedVersion] = String(value).split("@");
    return { caseNo, expectedVersion };
  });
}

/** 批量批准: each selected case approved on its own; the failures come back with their reasons. */
export async function bulkApproveAction(_prev: TBulkApproveState, formData: FormData): Promise<TBulkApproveState> {
  const values = formObject(formData);
  let outcome: Pick<TBulkApproveState, "approved" | "failures"> = {};
  const state = await runFormAction(values, async () => {
    const actor = await getActor();
    const input = parseInput(ZBulkApprove, { cases: selectedCases(formData) });
    const result = await bulkApprove(actor, await getRequestMeta(), input.cases);
    const t = await getTranslations();
    outcome = {
      approved: result.done.length,
      failures: result.failed.map(({ caseNo, error }) => ({ caseNo, message: describeError(t, error).message })),
    };
    if (result.done.length) revalidateCases();
  });
  return { ...state, ...outcome };
}

/** 上传附件: the file from the form, checked and stored by the attachment service. */
export async function uploadAttachmentAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const { caseNo } = parseInput(ZCaseRef, values);
    const file = formData.get("file");
    if (!(file instanceof File) || !file.name) {
      throw new AppError("VALIDATION", "no file", { fieldErrors: { file: ["validation.required"] } });
    }
    await addAttachment(actor, await getRequestMeta(), {
      caseNo,
      type: values.type ?? "",
      file: { name: file.name, contentType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) },
    });
    revalidatePath(`/cases/${caseNo}`);
    return { ok: true, message: "cases.detail.attachments.uploadedOk" };
  });
}

/** 删除附件 (soft). */
export async function removeAttachmentAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const input = parseInput(ZCaseRef.extend({ attachmentId: z.string().uuid({ message: "validation.invalid" }) }), values);
    await removeAttachment(actor, await getRequestMeta(), input);
    revalidatePath(`/cases/${input.caseNo}`);
    return { ok: true, message: "cases.detail.attachments.removed" };
  });
}

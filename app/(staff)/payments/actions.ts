"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { getActor, getRequestMeta } from "@/lib/auth/session";
import { formObject, parseInput } from "@/lib/entry/parse";
import { describeError, runFormAction } from "@/lib/entry/form-action";
import type { TFormState } from "@/lib/entry/form-state";
import { ZCertification, ZEntitlementAction, ZOverpaymentDecision, ZProposalDecision } from "@/lib/entitlements/schemas";
import { decideOverpayment, decideProposal, decideProposals, recordCertification, takeEntitlementAction } from "@/lib/entitlements/service";

// Thin entry points: authenticate, parse, call one service (which loads the record inside the
// actor's region, checks the role, the state and the version in its transaction), revalidate.

const revalidate = () => {
  revalidatePath("/payments", "layout");
  revalidatePath("/elders", "layout");
};

/** 停发 / 暂停 / 恢复 / 更正金额 (county approver). */
export async function entitlementActionAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const input = parseInput(ZEntitlementAction, values);
    await takeEntitlementAction(actor, await getRequestMeta(), input);
    revalidate();
    return { ok: true, message: `entitlements.page.done.${input.kind}` };
  });
}

/** 资格认证 for one entitlement. */
export async function certifyAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    await recordCertification(actor, await getRequestMeta(), parseInput(ZCertification, values));
    revalidate();
    return { ok: true, message: "entitlements.certify.done" };
  });
}

/** One 应退未退 proposal confirmed or dismissed (township reviewer). */
export async function decideProposalAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const input = parseInput(ZProposalDecision, values);
    await decideProposal(actor, await getRequestMeta(), input);
    revalidate();
    return { ok: true, message: `entitlements.review.done.${input.decision}` };
  });
}

const ZBulkDecision = z.object({
  decision: z.enum(["confirm", "dismiss"]),
  reason: ZProposalDecision.shape.reason,
  items: z
    .array(z.string().regex(/^[0-9a-f-]{36}@\d+$/))
    .min(1, { message: "entitlements.review.noneSelected" })
    .transform((list) => list.map((s) => ({ id: s.slice(0, 36), version: Number(s.slice(37)) }))),
});

/** 批量审核: the selected proposals (`item` = id@version), each in its own transaction. */
export async function bulkDecideProposalsAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = { ...formObject(formData), items: formData.getAll("item").join(",") };
  return runFormAction(values, async () => {
    const actor = await getActor();
    const input = parseInput(ZBulkDecision, { ...values, items: formData.getAll("item") });
    const result = await decideProposals(actor, await getRequestMeta(), input.items, input.decision, input.reason);
    revalidate();
    const t = await getTranslations();
    if (result.failed.length) {
      const reasons = result.failed.map((f) => describeError(t, f.error).message);
      return { ok: false, message: t("entitlements.review.bulkPartial", { done: result.done.length, failed: result.failed.length, reasons: [...new Set(reasons)].join(t("entitlements.reasonSeparator")) }), values };
    }
    return { ok: true, message: t("entitlements.review.bulkDone", { count: result.done.length }) };
  });
}

/** 追缴到账 / 核销 (county approver). */
export async function decideOverpaymentAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const input = parseInput(ZOverpaymentDecision, values);
    await decideOverpayment(actor, await getRequestMeta(), input);
    revalidate();
    return { ok: true, message: `entitlements.overpayments.done.${input.decision}` };
  });
}

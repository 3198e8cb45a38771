"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getActor, getRequestMeta } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { fieldErrorsOf, formObject } from "@/lib/entry/parse";
import { runFormAction } from "@/lib/entry/form-action";
import type { TFormState } from "@/lib/entry/form-state";
import { ZCreateCase, type TCreateCase } from "@/lib/cases/schemas";
import { createCase } from "@/lib/cases/service";

// The form says who applies: the elder in person (本人; the agent fields are dropped, so nothing
// typed before switching is kept) or an agent (代办人), who must give a name and a relation.
const ZApplicantType = z.enum(["self", "agent"]).catch("self");
const ZAgent = z.object({
  applicantName: z.string().trim().min(1, { message: "caseDocs.validation.agentName" }),
  applicantRelation: z.string().trim().min(1, { message: "caseDocs.validation.agentRelation" }),
});

/** The form's input for createCase; every field error at once (the agent's and the case's). */
function parseCaseForm(values: Record<string, string>): TCreateCase {
  const agent = ZApplicantType.parse(values.applicantType) === "agent";
  const input = agent ? values : { ...values, applicantName: null, applicantRelation: null, applicantPhone: null };
  const parsed = ZCreateCase.safeParse(input);
  const agentCheck = agent ? ZAgent.safeParse(values) : null;
  if (parsed.success && (!agentCheck || agentCheck.success)) return parsed.data;
  const fieldErrors = {
    ...(parsed.success ? {} : fieldErrorsOf(parsed.error)),
    ...(agentCheck && !agentCheck.success ? fieldErrorsOf(agentCheck.error) : {}),
  };
  throw new AppError("VALIDATION", "invalid input", { fieldErrors });
}

/** 发起申请: creates the draft case and opens it. */
export async function createCaseAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  let created = { caseNo: "", elderId: "" };
  const state = await runFormAction(values, async () => {
    const actor = await getActor();
    created = await createCase(actor, await getRequestMeta(), parseCaseForm(values));
  });
  if (!state.ok) return state;
  revalidatePath("/cases", "layout");
  revalidatePath(`/elders/${created.elderId}`);
  redirect(`/cases/${created.caseNo}?done=created`);
}

"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor, getRequestMeta } from "@/lib/auth/session";
import { formObject, parseInput } from "@/lib/entry/parse";
import { runFormAction } from "@/lib/entry/form-action";
import type { TFormState } from "@/lib/entry/form-state";
import { COUNTY_SETTINGS, setCountySetting, type TCountySettingKey } from "@/lib/settings/county-settings";
import { settingFromForm } from "@/lib/settings/forms";
import { enqueueJob } from "@/lib/jobs/service";
import { entitlementRecomputeJob } from "@/lib/entitlements/recompute-job";

const ZKey = z.object({ key: z.enum(Object.keys(COUNTY_SETTINGS) as [TCountySettingKey, ...TCountySettingKey[]]) });

/** One settings form: authenticate, read the form into the setting's value, save it (audited). */
export async function saveCountySettingAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const { key } = parseInput(ZKey, values);
    const meta = await getRequestMeta();
    await setCountySetting(actor, meta, key, settingFromForm(key, values));
    // The entitlement rules apply to every month: the county's entitlements are recomputed.
    if (key.startsWith("entitlement.")) await enqueueJob(entitlementRecomputeJob, actor, meta, { countyCode: actor.countyCode });
    revalidatePath("/admin/settings");
    return { ok: true, message: "settings.saved" };
  });
}

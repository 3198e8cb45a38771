"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor, getRequestMeta } from "@/lib/auth/session";
import { formObject, parseInput } from "@/lib/entry/parse";
import { runFormAction } from "@/lib/entry/form-action";
import type { TFormState } from "@/lib/entry/form-state";
import { COUNTY_SETTINGS, setCountySetting, type TCountySettingKey } from "@/lib/settings/county-settings";
import { settingFromForm } from "@/lib/settings/forms";

const ZKey = z.object({ key: z.enum(Object.keys(COUNTY_SETTINGS) as [TCountySettingKey, ...TCountySettingKey[]]) });

/** One settings form: authenticate, read the form into the setting's value, save it (audited). */
export async function saveCountySettingAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const values = formObject(formData);
  return runFormAction(values, async () => {
    const actor = await getActor();
    const { key } = parseInput(ZKey, values);
    await setCountySetting(actor, await getRequestMeta(), key, settingFromForm(key, values));
    revalidatePath("/admin/settings");
    return { ok: true, message: "settings.saved" };
  });
}

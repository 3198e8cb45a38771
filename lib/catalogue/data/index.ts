// The five seed catalogues, parsed once with ZCatalogue when this module loads. These are the
// published version 1 of each county; later versions live in the database.
import { ZCatalogue, type TCatalogue } from "@/lib/policy/catalogue-schema";
import { catalogue141024 } from "@/lib/catalogue/data/141024";
import { catalogue330727 } from "@/lib/catalogue/data/330727";
import { catalogue530322 } from "@/lib/catalogue/data/530322";
import { catalogue530926 } from "@/lib/catalogue/data/530926";
import { catalogue610403 } from "@/lib/catalogue/data/610403";

/** Raw catalogue data (JSON-compatible), keyed by county code, before validation. */
export const SEED_CATALOGUE_DATA = {
  "530322": catalogue530322,
  "610403": catalogue610403,
  "530926": catalogue530926,
  "330727": catalogue330727,
  "141024": catalogue141024,
} as const;

export type TSeedCountyCode = keyof typeof SEED_CATALOGUE_DATA;
export const SEED_COUNTY_CODES = Object.keys(SEED_CATALOGUE_DATA) as TSeedCountyCode[];

/** The parsed seed catalogues; parsing fails loudly at import if any catalogue is invalid. */
export const SEED_CATALOGUES: Record<TSeedCountyCode, TCatalogue> = Object.fromEntries(
  SEED_COUNTY_CODES.map((code) => [code, ZCatalogue.parse(SEED_CATALOGUE_DATA[code])]),
) as Record<TSeedCountyCode, TCatalogue>;

export function seedCatalogue(countyCode: string): TCatalogue | null {
  return (SEED_CATALOGUES as Record<string, TCatalogue>)[countyCode] ?? null;
}

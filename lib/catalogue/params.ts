// County parameters of the catalogues (低保标准, 高龄津贴标准 …): one CountySetting row per
// parameter, key `param.<name>`, value a whole number of fen. A parameter without a row takes
// the catalogue's default (ADR 006); values are shared by every catalogue version of the county,
// so a new version keeps the county's figures.
import { z } from "zod";
import { db, type Db } from "@/lib/db";
import { MAX_FEN } from "@/lib/policy/rules";

export const PARAM_KEY_PREFIX = "param.";
export const paramKey = (name: string) => `${PARAM_KEY_PREFIX}${name}`;

export const ZParamValue = z.number().int().min(0).max(MAX_FEN);

/** The parameter values set for a county, by name (values that fail validation are ignored). */
export async function readParamValues(countyCode: string, client: Db = db): Promise<Record<string, number>> {
  const rows = await client.countySetting.findMany({
    where: { countyCode, key: { startsWith: PARAM_KEY_PREFIX } },
    select: { key: true, value: true },
  });
  const values: Record<string, number> = {};
  for (const row of rows) {
    const parsed = ZParamValue.safeParse(row.value);
    if (parsed.success) values[row.key.slice(PARAM_KEY_PREFIX.length)] = parsed.data;
  }
  return values;
}

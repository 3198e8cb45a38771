// County parameters of the catalogues (低保标准, 高龄津贴标准 …) as dated values: each row of
// county_parameter_values holds one parameter's value (whole fen) from an effective date, and
// evaluating a date uses the value with the latest effective date on or before it. No value (or
// a row whose value is null) means the catalogue's defaultFen. Values are shared by every
// catalogue version of the county, so a new version keeps the county's figures (ADR 009, ADR 016).
import { z } from "zod";
import { db, type Db } from "@/lib/db";
import { isoDate } from "@/lib/dates";
import { MAX_FEN } from "@/lib/policy/rules";

export const ZParamValue = z.number().int().min(0).max(MAX_FEN);

/** One dated value, as the entitlement computation and the history read it. */
export type TParamValueRow = {
  id: string;
  name: string;
  valueFen: number | null;
  effectiveFrom: string;
  note: string | null;
  createdBy: string;
  createdAt: Date;
};

/** The values in force for a county on `asOf`, by name (parameters at their default are absent). */
export async function readParamValues(countyCode: string, asOf: string, client: Db = db): Promise<Record<string, number>> {
  const rows = await client.$queryRaw<{ name: string; value_fen: number | null }[]>`
    SELECT DISTINCT ON (name) name, value_fen FROM county_parameter_values
     WHERE county_code = ${countyCode} AND effective_from <= ${asOf}::date
     ORDER BY name, effective_from DESC`;
  const values: Record<string, number> = {};
  for (const row of rows) if (row.value_fen !== null) values[row.name] = row.value_fen;
  return values;
}

/** Every dated value of a county, oldest first per parameter (history, entitlement computation). */
export async function readParamHistory(countyCode: string, client: Db = db): Promise<TParamValueRow[]> {
  const rows = await client.countyParameterValue.findMany({ where: { countyCode }, orderBy: [{ name: "asc" }, { effectiveFrom: "asc" }] });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    valueFen: r.valueFen,
    effectiveFrom: isoDate(r.effectiveFrom),
    note: r.note,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  }));
}

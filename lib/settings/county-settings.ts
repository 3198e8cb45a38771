import { z } from "zod";
import { db, type Db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/record";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";

// County settings: one JSON value per (county, key), typed here. A missing or malformed row
// reads as the default, so a county that never touched a setting gets the documented behaviour.

const ZMonths = z.number().int().min(1).max(120);
const ZWorkingDays = z.number().int().min(0).max(120);
const ZEffectiveMonth = z.enum(["same_month", "next_month"]);

export const COUNTY_SETTINGS = {
  /** Reassessment interval by age on the last confirmed assessment's date (ADR 008). */
  "assessment.interval": {
    schema: z.strictObject({ under80Months: ZMonths, age80PlusMonths: ZMonths }),
    // 磐安县: 80 周岁及以上每年一次，80 周岁以下每两年一次.
    default: { under80Months: 24, age80PlusMonths: 12 },
  },
  /** Whether the two "one level up" rules of C.4 each raise a level when both apply (ADR 005). */
  "assessment.stackOneUpRules": {
    schema: z.boolean(),
    default: false,
  },
  /**
   * Time limit of each workflow step in working days (办理时限), counted from the day the case
   * entered the step; for a running notice, from its last day. ADR 011.
   */
  "case.stepLimits": {
    schema: z.strictObject({
      draft: ZWorkingDays,
      verification: ZWorkingDays,
      notice_pending: ZWorkingDays,
      in_notice: ZWorkingDays,
      returned: ZWorkingDays,
      township_review: ZWorkingDays,
      county_approval: ZWorkingDays,
    }),
    default: { draft: 3, verification: 10, notice_pending: 3, in_notice: 3, returned: 10, township_review: 10, county_approval: 10 },
  },
  /** When an approved monthly benefit starts: the month after approval (default) or the same month. */
  "case.benefitStart": {
    schema: z.enum(["next_month", "approval_month"]),
    default: "next_month",
  },
  /**
   * From which month a dated change moves an entitlement (ADR 016): the month of the change
   * ("same_month") or the month after it ("next_month"). For ageBracket, "same_month" is the
   * birthday's month; for catalogue and parameter, the month of the effective date.
   */
  "entitlement.effectiveMonths": {
    schema: z.strictObject({
      ageBracket: ZEffectiveMonth,
      death: ZEffectiveMonth,
      movedOut: ZEffectiveMonth,
      circumstanceEnd: ZEffectiveMonth,
      capability: ZEffectiveMonth,
      catalogue: ZEffectiveMonth,
      parameter: ZEffectiveMonth,
    }),
    default: {
      ageBracket: "next_month",
      death: "next_month",
      movedOut: "next_month",
      circumstanceEnd: "next_month",
      capability: "next_month",
      catalogue: "same_month",
      parameter: "same_month",
    },
  },
  /**
   * 资格认证 (e.g. 生存认证) per catalogue item: items listed need one every intervalMonths after
   * the approval or the last certification; overdue past graceDays suspends payment from the next
   * month, and backPay says whether the suspended months are paid back when a later
   * certification resumes it. Items not listed need none.
   */
  "entitlement.certification": {
    schema: z.record(
      z.string().regex(/^\d{6}-\d{2}(-\d)?$/),
      z.strictObject({ intervalMonths: z.number().int().min(1).max(60), graceDays: z.number().int().min(0).max(365), backPay: z.boolean() }),
    ),
    default: {} as Record<string, { intervalMonths: number; graceDays: number; backPay: boolean }>,
  },
  /** Public holidays and make-up working days (调休上班) for working-day limits. */
  "calendar.workingDays": {
    schema: z.strictObject({ holidays: z.array(z.iso.date()).max(400), workdays: z.array(z.iso.date()).max(100) }),
    default: { holidays: [], workdays: [] },
  },
} as const;

export type TCountySettingKey = keyof typeof COUNTY_SETTINGS;
export type TCountySettingValue<K extends TCountySettingKey> = z.infer<(typeof COUNTY_SETTINGS)[K]["schema"]>;
export type TAssessmentInterval = TCountySettingValue<"assessment.interval">;
export type TEffectiveMonths = TCountySettingValue<"entitlement.effectiveMonths">;
export type TCertificationSettings = TCountySettingValue<"entitlement.certification">;

export function defaultCountySetting<K extends TCountySettingKey>(key: K): TCountySettingValue<K> {
  return structuredClone(COUNTY_SETTINGS[key].default as unknown) as TCountySettingValue<K>;
}

/** The county's value, or the default when none is stored (or the stored one no longer parses). */
export async function getCountySetting<K extends TCountySettingKey>(countyCode: string, key: K, client: Db = db): Promise<TCountySettingValue<K>> {
  const row = await client.countySetting.findUnique({ where: { countyCode_key: { countyCode, key } } });
  if (!row) return defaultCountySetting(key);
  const parsed = COUNTY_SETTINGS[key].schema.safeParse(row.value);
  return parsed.success ? (parsed.data as TCountySettingValue<K>) : defaultCountySetting(key);
}

/** Sets the actor's county's value (county admin), audited as setting.updated. */
export async function setCountySetting<K extends TCountySettingKey>(actor: TActor, meta: TRequestMeta, key: K, value: unknown): Promise<TCountySettingValue<K>> {
  assertCan(actor, "settings.manage");
  const parsed = COUNTY_SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) throw new AppError("VALIDATION", `bad value for ${key}`, { fieldErrors: { [key]: ["validation.invalid"] } });
  const next = parsed.data as TCountySettingValue<K>;
  return db.$transaction(async (tx) => {
    const before = await getCountySetting(actor.countyCode, key, tx);
    await writeCountySetting(tx, actor, meta, key, next, { before: { key, value: before }, after: { key, value: next } });
    return next;
  });
}

type TSettingSnapshot = { key: string } & Record<string, unknown>;

/**
 * Stores (or, for null, removes) one setting of the actor's county inside the caller's
 * transaction, with its `setting.updated` audit record. Callers validate the value first.
 */
export async function writeCountySetting(
  tx: Tx,
  actor: TActor,
  meta: TRequestMeta,
  key: string,
  value: unknown,
  snapshots: { before: TSettingSnapshot; after: TSettingSnapshot },
): Promise<void> {
  const where = { countyCode_key: { countyCode: actor.countyCode, key } };
  if (value === null) await tx.countySetting.delete({ where });
  else {
    await tx.countySetting.upsert({
      where,
      create: { countyCode: actor.countyCode, key, value: value as never, updatedBy: actor.username },
      update: { value: value as never, updatedBy: actor.username },
    });
  }
  await recordAudit(tx, actor, meta, {
    type: "setting.updated",
    entityType: "setting",
    entityId: key.slice(0, 64),
    countyCode: actor.countyCode,
    ...snapshots,
  });
}

// Typed-in facts for someone who may not be registered (the policy finder, the CLI): the JSON the
// issue documents, validated and turned into TPersonFacts for one county on one date. Pure.
//
// With an ID number, birth date and sex come from it; a birth date or sex given as well must
// agree with it. Without one, a birth date is required; a missing sex is read as female and the
// answer says so in a note (only 杨陵区's 计生 tiers depend on sex).
import { z } from "zod";
import { isValidIsoDate } from "@/lib/dates";
import { idNumberMessage, validateIdNumber } from "@/lib/elders/id-number";
import { CIRCUMSTANCE_KEYS, DISABILITY_CATEGORIES, type TPersonFacts } from "@/lib/policy/facts";
import { buildPersonFacts } from "@/lib/policy/person-facts";

export const ZFactsInput = z.strictObject({
  idNumber: z.string().trim().optional(),
  birthDate: z.string().trim().optional(),
  sex: z.enum(["male", "female"], { message: "sex 须为 \"male\" 或 \"female\"" }).optional(),
  /** 户籍 division code (6, 9 or 12 digits); local when it lies in the county. */
  hukouRegion: z.string().trim().regex(/^\d{6}(\d{3}){0,2}$/, { message: "hukouRegion 须为 6、9 或 12 位区划代码" }).optional(),
  /** Said directly by the finder form (本县户籍 yes/no) instead of a division code. */
  hukouLocal: z.boolean().optional(),
  residence: z.enum(["urban", "rural"], { message: "residence 须为 \"urban\" 或 \"rural\"" }).nullable().optional(),
  deceased: z.boolean({ message: "deceased 须为 true 或 false" }).optional(),
  circumstances: z
    .array(z.enum(CIRCUMSTANCE_KEYS, { message: `circumstances 只能包含：${CIRCUMSTANCE_KEYS.join(", ")}` }))
    .optional(),
  disability: z
    .strictObject({
      grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { message: "disability.grade 须为 1–4 的整数" }),
      category: z.enum(DISABILITY_CATEGORIES, { message: `disability.category 须为 ${DISABILITY_CATEGORIES.join(", ")} 之一` }),
    })
    .nullable()
    .optional(),
  capabilityLevel: z
    .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { message: "capabilityLevel 须为 0–4 的整数" })
    .nullable()
    .optional(),
});
export type TFactsInput = z.infer<typeof ZFactsInput>;

/** A problem with typed-in facts, with a message in Chinese; `field` names the offending input. */
export class FactsInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = "FactsInputError";
  }
}

const SEX_ZH = { male: "男", female: "女" } as const;

/** `sexAssumed`: no sex was given and none could be read from an ID number (female is used). */
export type TResolvedFacts = { facts: TPersonFacts; notes: string[]; sexAssumed: boolean };

/** The note an answer carries when sex was assumed and the catalogue has sex-dependent rules. */
export const SEX_ASSUMED_NOTE = "未提供性别，按女性计算（本清单有按性别区分的条件）";

/**
 * TPersonFacts for `countyCode` on `asOf` from validated input. Throws FactsInputError when the
 * ID number is invalid, when it contradicts the given birth date or sex, or when there is
 * neither an ID number nor a birth date, or no 户籍.
 */
export function resolveFactsInput(input: TFactsInput, options: { countyCode: string; asOf: string; today?: string }): TResolvedFacts {
  const notes: string[] = [];
  let birthDate = input.birthDate || undefined;
  let sex = input.sex;
  if (birthDate !== undefined && !isValidIsoDate(birthDate)) {
    throw new FactsInputError(`出生日期 ${birthDate} 无效，应为 YYYY-MM-DD`, "birthDate");
  }
  if (input.idNumber) {
    const id = validateIdNumber(input.idNumber, options.today);
    if (!id.ok) throw new FactsInputError(`身份证号码无效：${idNumberMessage(id.reason)}`, "idNumber");
    if (birthDate !== undefined && birthDate !== id.birthDate) {
      throw new FactsInputError(`出生日期 ${birthDate} 与身份证号码中的出生日期 ${id.birthDate} 不一致`, "birthDate");
    }
    if (sex !== undefined && sex !== id.sex) {
      throw new FactsInputError(`性别（${SEX_ZH[sex]}）与身份证号码所示性别（${SEX_ZH[id.sex]}）不一致`, "sex");
    }
    birthDate = id.birthDate;
    sex = id.sex;
  }
  if (birthDate === undefined) throw new FactsInputError("请提供身份证号码或出生日期", "birthDate");
  if (birthDate > options.asOf) throw new FactsInputError(`出生日期 ${birthDate} 晚于查询日期 ${options.asOf}`, "birthDate");

  let hukouLocal: boolean;
  if (input.hukouLocal !== undefined) hukouLocal = input.hukouLocal;
  else if (input.hukouRegion !== undefined) hukouLocal = input.hukouRegion.startsWith(options.countyCode);
  else throw new FactsInputError("请提供户籍地区划代码 hukouRegion（在本县内即为本县户籍）", "hukouRegion");

  const facts = buildPersonFacts({
    asOf: options.asOf,
    birthDate,
    sex: sex ?? "female",
    hukouRegionCode: input.hukouRegion ? input.hukouRegion.padEnd(12, "0") : null,
    hukouLocal,
    residence: input.residence ?? null,
    alive: !input.deceased,
    // Catalogue order, as for a registered elder (lib/elders/facts.ts).
    circumstances: CIRCUMSTANCE_KEYS.filter((key) => input.circumstances?.includes(key)),
    disability: input.disability ?? null,
    capabilityLevel: input.capabilityLevel ?? null,
  });
  return { facts, notes, sexAssumed: sex === undefined };
}

/** Parses facts JSON text (the CLI's stdin); every problem is a FactsInputError in Chinese. */
export function parseFactsJson(text: string): TFactsInput {
  if (!text.trim()) throw new FactsInputError('标准输入为空，请提供人员情况 JSON，例如 {"birthDate":"1941-03-15","sex":"female","hukouRegion":"610403"}', "_");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new FactsInputError(`输入不是有效的 JSON（${(error as Error).message}）`, "_");
  }
  const parsed = ZFactsInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.join(".");
    const message =
      issue.code === "unrecognized_keys"
        ? `不认识的字段：${issue.keys.join(", ")}`
        : issue.code === "invalid_type" && !issue.message.includes("须")
          ? `${path || "输入"} 的类型不正确（应为 ${issue.expected}）`
          : issue.message;
    throw new FactsInputError(message, path || "_");
  }
  return parsed.data;
}

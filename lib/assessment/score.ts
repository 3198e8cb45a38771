// GB/T 42195-2022 scoring: indicator sums (C.1), total (C.2), preliminary level (C.3), level
// changes (C.4) and final level (C.5). Pure; how the two one-up rules combine is ADR 005.
import { z } from "zod";
import zhAssessment from "@/messages/zh-CN/assessment.json" with { type: "json" };
import {
  INDICATOR_CODES,
  ITEM_CODES,
  ITEM_MAX_SCORES,
  RISK_EVENTS,
  indicatorOf,
  isItemCode,
  type TIndicatorCode,
  type TItemCode,
  type TLevel,
} from "@/lib/assessment/items";

/** Validation messages name the item in Chinese, so they read the zh-CN catalogue. */
function itemLabel(code: TItemCode): string {
  const [indicator, number] = code.split(".");
  const items = zhAssessment.items as Record<string, Record<string, { name: string }>>;
  return `${code}（${items[indicator][number].name}）`;
}

export type TIcd10 = { code: string; letter: string; category: number };

// A letter, two digits, then an optional subdivision with or without the dot: F01, F01.1, f03,
// F32.9, F329, and the national clinical edition's longer forms such as F03.x00.
const ICD10 = /^([A-Z])(\d{2})(?:\.?([0-9A-Z]{1,8}))?$/;

export function parseIcd10(input: string): TIcd10 | null {
  const match = ICD10.exec(input.trim().toUpperCase());
  if (!match) return null;
  const [, letter, category, sub] = match;
  return { code: sub ? `${letter}${category}.${sub}` : `${letter}${category}`, letter, category: Number(category) };
}

/** F00–F03 dementia; F04–F99 other mental and behavioural disorders; anything else null. */
export function mentalDisorderKind(icd: TIcd10): "dementia" | "mental_disorder" | null {
  if (icd.letter !== "F") return null;
  return icd.category <= 3 ? "dementia" : "mental_disorder";
}

const diagnosisMessage = "每条诊断须为 ICD-10 编码，或 {code, byPsychiatrist} 对象";

// A bare code is a diagnosis not made by a psychiatrist: it still counts for dementia.
const ZDiagnosis = z
  .union(
    [
      z.string(),
      z.strictObject(
        { code: z.string(), byPsychiatrist: z.boolean({ error: "诊断的 byPsychiatrist 须为 true 或 false" }).default(false) },
        { error: diagnosisMessage },
      ),
    ],
    { error: diagnosisMessage },
  )
  .transform((raw, ctx) => {
    const { code, byPsychiatrist } = typeof raw === "string" ? { code: raw, byPsychiatrist: false } : raw;
    const icd = parseIcd10(code);
    if (!icd) {
      ctx.addIssue({ code: "custom", message: `诊断编码 ${JSON.stringify(code)} 不是有效的 ICD-10 编码（例如 F01、F03.9、F32.9）` });
      return z.NEVER;
    }
    return { ...icd, byPsychiatrist };
  });
export type TDiagnosis = z.infer<typeof ZDiagnosis>;

const ZItems = z
  .record(z.string(), z.unknown(), {
    error: (iss) => (iss.input === undefined ? "缺少 items（26 个评估项的得分）" : "items 须为对象，键为评估项编码，值为得分"),
  })
  .transform((raw, ctx) => {
    const items = {} as Record<TItemCode, number>;
    for (const code of ITEM_CODES) {
      const score = raw[code];
      const max = ITEM_MAX_SCORES[code];
      if (score === undefined || score === null) {
        ctx.addIssue({ code: "custom", path: [code], message: `缺少评估项 ${itemLabel(code)}` });
      } else if (typeof score !== "number" || !Number.isInteger(score) || score < 0 || score > max) {
        ctx.addIssue({ code: "custom", path: [code], message: `${itemLabel(code)}的得分须为 0–${max} 的整数` });
      } else {
        items[code] = score;
      }
    }
    for (const code of Object.keys(raw)) {
      if (!isItemCode(code)) ctx.addIssue({ code: "custom", path: [code], message: `未知的评估项 ${code}` });
    }
    return items;
  });

const riskEventsMessage = `riskEvents30d 须为近 30 天照护风险事件的次数（非负整数），或事件列表（${RISK_EVENTS.join("、")}）`;

// A list names one entry per event, so two falls are ["fall", "fall"].
const ZRiskEvents = z.union(
  [
    z.number().int({ error: riskEventsMessage }).min(0, { error: riskEventsMessage }),
    z.array(z.enum(RISK_EVENTS), { error: riskEventsMessage }).transform((events) => events.length),
  ],
  { error: riskEventsMessage },
);

export const ZScoreInput = z.strictObject(
  {
    items: ZItems,
    coma: z.boolean({ error: "coma 须为 true 或 false" }).default(false),
    diagnoses: z.array(ZDiagnosis, { error: "diagnoses 须为诊断列表" }).default([]),
    /** Care-risk events in the last 30 days, normalized to a count. */
    riskEvents30d: ZRiskEvents.default(0),
  },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `未知的字段 ${iss.keys.join("、")}（可用字段：items、coma、diagnoses、riskEvents30d）`
        : "评估输入须为 JSON 对象，例如 {\"items\": {\"B1.1\": 4, …}}",
  },
);
export type TScoreInput = z.infer<typeof ZScoreInput>;
export type TScoreInputRaw = z.input<typeof ZScoreInput>;

export type TChangeRule = "coma" | "dementia" | "mental_disorder" | "risk_events";

/**
 * One matched C.4 rule, in the standard's order (coma, diagnoses, risk events), applied to the
 * level left by the rules before it. `from === to` means the rule matched but did not change
 * the level: already at 4, or a one-up raise had already been applied (see ADR 005).
 */
export type TLevelChange = { rule: TChangeRule; from: TLevel; to: TLevel };

export type TScoreResult = {
  total: number;
  indicators: Record<TIndicatorCode, number>;
  preliminaryLevel: TLevel;
  finalLevel: TLevel;
  changes: TLevelChange[];
};

export type TScoreOptions = {
  /**
   * Whether the diagnosis rule and the risk-event rule each raise one level when both apply.
   * The standard does not say they stack, so by default they raise once (ADR 005).
   */
  stackOneUpRules: boolean;
};
export const DEFAULT_SCORE_OPTIONS: TScoreOptions = { stackOneUpRules: false };

export function preliminaryLevelOf(total: number): TLevel {
  if (total >= 90) return 0;
  if (total >= 66) return 1;
  if (total >= 46) return 2;
  if (total >= 30) return 3;
  return 4;
}

export function scoreAssessment(raw: TScoreInputRaw, options: Partial<TScoreOptions> = {}): TScoreResult {
  const { stackOneUpRules } = { ...DEFAULT_SCORE_OPTIONS, ...options };
  const input = ZScoreInput.parse(raw);

  const indicators = Object.fromEntries(INDICATOR_CODES.map((code) => [code, 0])) as Record<TIndicatorCode, number>;
  for (const code of ITEM_CODES) indicators[indicatorOf(code)] += input.items[code];
  const total = INDICATOR_CODES.reduce((sum, code) => sum + indicators[code], 0);
  const preliminaryLevel = preliminaryLevelOf(total);

  const kinds = new Set(
    input.diagnoses.map((d) => {
      const kind = mentalDisorderKind(d);
      return kind === "mental_disorder" && !d.byPsychiatrist ? null : kind;
    }),
  );
  const matched: TChangeRule[] = [
    ...(input.coma ? (["coma"] as const) : []),
    ...(kinds.has("dementia") ? (["dementia"] as const) : []),
    ...(kinds.has("mental_disorder") ? (["mental_disorder"] as const) : []),
    ...(input.riskEvents30d >= 2 ? (["risk_events"] as const) : []),
  ];

  // Dementia and a psychiatrist's diagnosis are one clause of C.4: together they raise once
  // even when the option stacks the diagnosis clause with the risk-event clause.
  let level = preliminaryLevel;
  let diagnosisRaised = false;
  let anyOneUpRaised = false;
  const changes = matched.map((rule): TLevelChange => {
    const from = level;
    if (rule === "coma") {
      level = 4;
    } else {
      const isDiagnosis = rule !== "risk_events";
      const blocked = (isDiagnosis && diagnosisRaised) || (!stackOneUpRules && anyOneUpRaised);
      if (!blocked) level = Math.min(4, level + 1) as TLevel;
      if (isDiagnosis) diagnosisRaised = true;
      anyOneUpRaised = true;
    }
    return { rule, from, to: level };
  });

  return { total, indicators, preliminaryLevel, finalLevel: level, changes };
}

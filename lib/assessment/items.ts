// GB/T 42195-2022 老年人能力评估规范: 4 first-level indicators, 26 items, total 0–90 (higher
// is more capable). Not the 2022 draft (22 items) and not MZ/T 039-2013 (Barthel 0–100).
// Wording lives in messages/*/assessment.json: items are nested by indicator and number
// (`items.B1.1.name`) because next-intl reads a dot in a key as nesting.

export const INDICATOR_CODES = ["B1", "B2", "B3", "B4"] as const;
export type TIndicatorCode = (typeof INDICATOR_CODES)[number];

/** 自理能力 32, 基础运动能力 15, 精神状态 28, 感知觉与社会参与 15. */
export const INDICATOR_MAX_SCORES = { B1: 32, B2: 15, B3: 28, B4: 15 } as const satisfies Record<TIndicatorCode, number>;
export const TOTAL_MAX_SCORE = 90;

/** Every item scores from 0 to its maximum in whole points. */
export const ITEM_MAX_SCORES = {
  "B1.1": 4, // 进食
  "B1.2": 4, // 修饰
  "B1.3": 4, // 洗澡
  "B1.4": 4, // 穿/脱上衣
  "B1.5": 4, // 穿/脱裤子和鞋袜
  "B1.6": 4, // 小便控制
  "B1.7": 4, // 大便控制
  "B1.8": 4, // 如厕
  "B2.1": 4, // 床上体位转移
  "B2.2": 4, // 床椅转移
  "B2.3": 4, // 平地行走
  "B2.4": 3, // 上下楼梯
  "B3.1": 4, // 时间定向
  "B3.2": 4, // 空间定向
  "B3.3": 4, // 人物定向
  "B3.4": 4, // 记忆
  "B3.5": 4, // 理解能力
  "B3.6": 4, // 表达能力
  "B3.7": 1, // 攻击行为
  "B3.8": 1, // 抑郁症状
  "B3.9": 2, // 意识水平
  "B4.1": 2, // 视力
  "B4.2": 2, // 听力
  "B4.3": 4, // 执行日常事务
  "B4.4": 3, // 使用交通工具外出
  "B4.5": 4, // 社会交往能力
} as const;
export type TItemCode = keyof typeof ITEM_MAX_SCORES;
export const ITEM_CODES = Object.keys(ITEM_MAX_SCORES) as TItemCode[];

export type TItemOption = {
  score: number;
  /** Key in the `assessment` catalogue namespace, e.g. `items.B1.1.options.4`. */
  key: string;
};

export type TAssessmentItem = {
  code: TItemCode;
  indicator: TIndicatorCode;
  maxScore: number;
  /** Key of the item's name in the `assessment` namespace, e.g. `items.B1.1.name`. */
  nameKey: string;
  /** Highest score first, as the standard's form lists them. */
  options: readonly TItemOption[];
};

export function isItemCode(code: string): code is TItemCode {
  return Object.hasOwn(ITEM_MAX_SCORES, code);
}

export function indicatorOf(code: TItemCode): TIndicatorCode {
  return code.slice(0, 2) as TIndicatorCode;
}

export const ASSESSMENT_ITEMS: readonly TAssessmentItem[] = ITEM_CODES.map((code) => {
  const maxScore = ITEM_MAX_SCORES[code];
  return {
    code,
    indicator: indicatorOf(code),
    maxScore,
    nameKey: `items.${code}.name`,
    options: Array.from({ length: maxScore + 1 }, (_, i) => maxScore - i).map((score) => ({
      score,
      key: `items.${code}.options.${score}`,
    })),
  };
});

export const INDICATORS: readonly { code: TIndicatorCode; maxScore: number; items: readonly TAssessmentItem[] }[] =
  INDICATOR_CODES.map((code) => ({
    code,
    maxScore: INDICATOR_MAX_SCORES[code],
    items: ASSESSMENT_ITEMS.filter((item) => item.indicator === code),
  }));

/** 0 能力完好 · 1 轻度受损 · 2 中度受损 · 3 重度受损 · 4 完全丧失. */
export const LEVELS = [0, 1, 2, 3, 4] as const;
export type TLevel = (typeof LEVELS)[number];

/** 首次评估 / 常规评估 / 即时评估 / 复评 / 其他 (report header). */
export const ASSESSMENT_REASONS = ["first", "routine", "immediate", "reassessment", "other"] as const;
export type TAssessmentReason = (typeof ASSESSMENT_REASONS)[number];

/** 照护风险事件: 跌倒, 噎食, 自杀/自伤, 走失; the standard's list ends in 等, hence `other`. */
export const RISK_EVENTS = ["fall", "choking", "self_harm", "wandering", "other"] as const;
export type TRiskEvent = (typeof RISK_EVENTS)[number];

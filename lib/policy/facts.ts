// A person's facts on one date: what eligibility and amount rules read. Built for a registered
// elder by lib/elders/facts.ts (factsAsOf), or from typed-in facts by the policy finder / CLI.

export const CIRCUMSTANCE_KEYS = [
  "dibao", // 低保
  "dibao_edge", // 低保边缘
  "tekun_dispersed", // 特困 分散供养
  "tekun_centralized", // 特困 集中供养
  "low_income", // 低收入 / 经济困难
  "living_alone", // 独居
  "empty_nest", // 空巢
  "left_behind", // 留守
  "fp_only_child_deceased", // 计划生育特殊家庭：独生子女死亡
  "fp_only_child_disabled", // 计划生育特殊家庭：独生子女伤残
  "martyr_family", // 烈士遗属
  "duty_death_family", // 因公牺牲军人遗属
  "illness_death_family", // 病故军人遗属
  "disabled_veteran", // 残疾军人
  "demobilized_soldier", // 复员军人
  "retired_soldier", // 退伍军人
  "vagrant", // 流浪乞讨
] as const;
export type TCircumstanceKey = (typeof CIRCUMSTANCE_KEYS)[number];

export const DISABILITY_CATEGORIES = ["visual", "hearing", "speech", "physical", "intellectual", "mental", "multiple"] as const;
export type TDisabilityCategory = (typeof DISABILITY_CATEGORIES)[number];

export type TSex = "male" | "female";
export type TResidence = "urban" | "rural";

export type TPersonFacts = {
  /** The date the facts hold on, YYYY-MM-DD (Asia/Shanghai). */
  asOf: string;
  birthDate: string;
  sex: TSex;
  /** 周岁 on asOf: completed years, counted by birthday. */
  age: number;
  /** 户籍 division code (12 digits, or 6 for a county) when known. */
  hukouRegionCode: string | null;
  /** 户籍 lies in the county whose catalogue is evaluated. */
  hukouLocal: boolean;
  residence: TResidence | null;
  alive: boolean;
  /** Circumstances in force on asOf (disability is separate, below). */
  circumstances: TCircumstanceKey[];
  /** The disability certificate in force on asOf (grade 1 is the most severe). */
  disability: { grade: 1 | 2 | 3 | 4; category: TDisabilityCategory } | null;
  /** Final level (0–4) of the latest confirmed capability assessment, if any. */
  capabilityLevel: 0 | 1 | 2 | 3 | 4 | null;
};

// Realistic, deterministic 老年人档案 for demos, benchmarks and tests. Pure: no database, no
// clock (the caller passes "today"), no Math.random. The same options and seed give the same
// people, so a benchmark or a bug report can be reproduced.
//
// What "realistic" means here (figures rounded from the 2020 census and common registry shares):
// - ages 60–105 following the census age pyramid (most 60–69, about 2 % 90–99, a few 100+),
//   women the larger share the older the band;
// - names from the 100 most common surnames, weighted by frequency, and about 200 given-name
//   characters typical of people born 1920–1965; two or three characters;
// - GB 11643 ID numbers: the county's own address code for most, another county's for the ~5 %
//   whose 户籍 lies elsewhere (and for a few locals whose number was issued elsewhere), birth
//   date matching the age, the 17th digit matching the sex, the right check character;
// - residence over the county's real villages (the larger ones weighted up), 社区 = urban,
//   村 = rural, addresses like "北杨村3组12号";
// - circumstances in force on "today" in the proportions of a typical county (低保 ~4 %, 低保边缘
//   ~1.5 %, 特困 ~1 %, 低收入 ~3 %, disability ~6 %, 空巢 ~20 %, 独居 ~8 % …), plus ended records
//   (people who left 低保, an older disability certificate, a spouse who died).
import { idNumberCheckChar } from "@/lib/elders/id-number";
import { addDays, addYears, ageOn, isLeapYear } from "@/lib/dates";
import type { TCircumstanceRecordType, TDisabilityGrade } from "@/lib/elders/circumstances";
import type { TDisabilityCategory, TResidence, TSex } from "@/lib/policy/facts";
import type { TElderStatus } from "@/lib/elders/facts";

// ---------------------------------------------------------------------------------------------
// Seeded PRNG

/** sfc32 seeded through splitmix32: fast, 128-bit state, good enough for test data. */
export type TRng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A 32-bit unsigned integer. */
  uint32(): number;
};

export function createRng(seed: number): TRng {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const uint32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // Warm up: the first outputs of sfc32 still show the seed.
  for (let i = 0; i < 12; i++) uint32();
  const next = () => uint32() / 4294967296;
  return {
    next,
    uint32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/** Weighted choice by binary search over cumulative weights. */
export class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(private readonly items: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [, w] of items) {
      if (!(w >= 0)) throw new RangeError("weights must be non-negative");
      sum += w;
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new RangeError("a weighted table needs a positive weight");
    this.total = sum;
  }
  pick(rng: TRng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo][0];
  }
}

// ---------------------------------------------------------------------------------------------
// Reference data

/** The 100 most common surnames with their share in percent (公安部 户籍 statistics, rounded). */
const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 7.25], ["李", 7.19], ["张", 6.83], ["刘", 5.42], ["陈", 4.41], ["杨", 3.08], ["赵", 2.29],
  ["黄", 2.24], ["周", 1.99], ["吴", 2.05], ["徐", 1.58], ["孙", 1.52], ["胡", 1.29], ["朱", 1.31],
  ["高", 1.12], ["林", 1.15], ["何", 1.18], ["郭", 1.26], ["马", 1.47], ["罗", 1.06], ["梁", 0.93],
  ["宋", 0.81], ["郑", 0.95], ["谢", 0.82], ["韩", 0.75], ["唐", 0.8], ["冯", 0.73], ["于", 0.56],
  ["董", 0.61], ["萧", 0.05], ["程", 0.5], ["曹", 0.72], ["袁", 0.57], ["邓", 0.72], ["许", 0.76],
  ["傅", 0.2], ["沈", 0.43], ["曾", 0.64], ["彭", 0.66], ["吕", 0.47], ["苏", 0.48], ["卢", 0.42],
  ["蒋", 0.56], ["蔡", 0.55], ["贾", 0.32], ["丁", 0.46], ["魏", 0.47], ["薛", 0.25], ["叶", 0.52],
  ["阎", 0.1], ["余", 0.54], ["潘", 0.57], ["杜", 0.53], ["戴", 0.16], ["夏", 0.31], ["钟", 0.39],
  ["汪", 0.36], ["田", 0.62], ["任", 0.45], ["姜", 0.41], ["范", 0.35], ["方", 0.29], ["石", 0.33],
  ["姚", 0.42], ["谭", 0.38], ["廖", 0.33], ["邹", 0.29], ["熊", 0.28], ["金", 0.34], ["陆", 0.37],
  ["郝", 0.2], ["孔", 0.15], ["白", 0.29], ["崔", 0.4], ["康", 0.14], ["毛", 0.2], ["邱", 0.27],
  ["秦", 0.27], ["江", 0.26], ["史", 0.22], ["顾", 0.2], ["侯", 0.23], ["邵", 0.19], ["孟", 0.28],
  ["龙", 0.23], ["万", 0.18], ["段", 0.24], ["雷", 0.24], ["钱", 0.18], ["汤", 0.14], ["尹", 0.26],
  ["黎", 0.21], ["易", 0.13], ["常", 0.14], ["武", 0.17], ["乔", 0.13], ["贺", 0.21], ["赖", 0.13],
  ["龚", 0.19], ["文", 0.13], ["闫", 0.25],
];

/** Given-name characters common among men born 1920–1965, with rough weights. */
const MALE_CHARS: readonly (readonly [string, number])[] = [
  ["建", 5], ["国", 6], ["军", 4], ["明", 5], ["华", 4], ["德", 5], ["福", 5], ["文", 5], ["志", 5], ["平", 4],
  ["林", 3], ["生", 5], ["成", 4], ["发", 4], ["海", 3], ["忠", 4], ["贵", 4], ["山", 4], ["东", 3], ["宝", 4],
  ["富", 3], ["学", 4], ["民", 5], ["荣", 3], ["祥", 4], ["清", 3], ["永", 5], ["春", 3], ["金", 4], ["才", 3],
  ["俊", 2], ["义", 3], ["仁", 2], ["勇", 2], ["强", 3], ["刚", 3], ["安", 3], ["武", 2], ["云", 3], ["庆", 3],
  ["兴", 3], ["长", 4], ["胜", 3], ["全", 3], ["根", 3], ["家", 3], ["树", 3], ["中", 4], ["新", 3], ["光", 3],
  ["天", 2], ["振", 2], ["保", 3], ["有", 3], ["良", 3], ["水", 2], ["喜", 3], ["善", 2], ["堂", 2], ["红", 2],
  ["卫", 2], ["广", 3], ["友", 2], ["正", 3], ["世", 3], ["元", 2], ["进", 2], ["锁", 2], ["来", 2], ["满", 2],
  ["太", 1], ["宏", 2], ["顺", 2], ["吉", 2], ["武", 1], ["利", 2], ["仓", 1], ["栓", 2], ["虎", 2], ["铁", 1],
  ["玉", 2], ["登", 1], ["财", 2], ["汉", 1], ["和", 2], ["忠", 1], ["占", 1], ["思", 1], ["孝", 1], ["德", 1],
  ["存", 1], ["万", 1], ["科", 1], ["锋", 1], ["斌", 1], ["杰", 1], ["辉", 1], ["海", 1], ["江", 1], ["涛", 1],
];

/** Given-name characters common among women born 1920–1965, with rough weights. */
const FEMALE_CHARS: readonly (readonly [string, number])[] = [
  ["秀", 12], ["英", 10], ["兰", 8], ["芳", 4], ["珍", 6], ["桂", 6], ["凤", 5], ["玉", 6], ["华", 4], ["梅", 4],
  ["琴", 3], ["霞", 3], ["淑", 3], ["香", 4], ["莲", 4], ["花", 3], ["云", 3], ["娥", 4], ["翠", 3], ["荣", 3],
  ["萍", 2], ["丽", 2], ["敏", 1], ["素", 3], ["红", 2], ["美", 2], ["爱", 3], ["彩", 2], ["菊", 3], ["巧", 2],
  ["银", 2], ["月", 2], ["琼", 1], ["娟", 2], ["慧", 1], ["春", 3], ["连", 2], ["叶", 1], ["竹", 1], ["珠", 2],
  ["瑞", 1], ["雪", 1], ["冬", 2], ["丹", 1], ["环", 2], ["仙", 2], ["娣", 1], ["妹", 1], ["秋", 2], ["燕", 2],
  ["金", 3], ["双", 1], ["改", 2], ["粉", 1], ["苗", 1], ["焕", 1], ["风", 1], ["招", 1], ["女", 1], ["芬", 2],
  ["惠", 2], ["贞", 2], ["清", 1], ["蓉", 1], ["凤", 1], ["莉", 1], ["艳", 1], ["枝", 2], ["芝", 2], ["杏", 1],
  ["梨", 1], ["喜", 1], ["满", 1], ["俊", 1], ["淑", 1], ["雅", 1], ["静", 1], ["婷", 1], ["佩", 1], ["碧", 1],
  ["群", 1], ["兰", 1], ["娇", 1], ["姣", 1], ["巧", 1], ["润", 1], ["银", 1], ["青", 1], ["彩", 1], ["爱", 1],
  ["引", 1], ["换", 1], ["转", 1], ["玲", 1], ["凤", 1], ["芹", 1], ["素", 1], ["英", 1], ["秀", 1], ["琴", 1],
];

/**
 * Population by 5-year age group, millions (2020 census): 60–64 … 95–99; 100+ is spread over
 * 100–105 with a steep decline.
 */
const AGE_GROUPS: readonly (readonly [number, number])[] = [
  [60, 73.38], [65, 74.01], [70, 47.76], [75, 30.2], [80, 20.37], [85, 11.69], [90, 4.71], [95, 1.23],
];
const CENTENARIANS = 0.12;
const CENTENARIAN_SPREAD = [0.4, 0.25, 0.15, 0.1, 0.06, 0.04]; // ages 100 … 105

/** Share of women by age group (census sex ratios): rising from half to three quarters. */
function femaleShare(age: number): number {
  if (age < 65) return 0.495;
  if (age < 70) return 0.505;
  if (age < 75) return 0.515;
  if (age < 80) return 0.535;
  if (age < 85) return 0.56;
  if (age < 90) return 0.6;
  if (age < 95) return 0.65;
  if (age < 100) return 0.72;
  return 0.78;
}

/** Real county codes from elsewhere: where people with a non-local 户籍 or ID number come from. */
const OTHER_ADDRESS_CODES: readonly (readonly [string, string])[] = [
  ["610102", "西安市新城区"], ["610113", "西安市雁塔区"], ["610402", "咸阳市秦都区"], ["610404", "咸阳市渭城区"],
  ["610431", "咸阳市武功县"], ["610481", "咸阳市兴平市"], ["610324", "宝鸡市扶风县"], ["610326", "宝鸡市眉县"],
  ["610302", "宝鸡市渭滨区"], ["610502", "渭南市临渭区"], ["620102", "兰州市城关区"], ["410102", "郑州市中原区"],
  ["410305", "洛阳市涧西区"], ["140105", "太原市小店区"], ["141002", "临汾市尧都区"], ["141023", "临汾市襄汾县"],
  ["510107", "成都市武侯区"], ["500101", "重庆市万州区"], ["530102", "昆明市五华区"], ["530302", "曲靖市麒麟区"],
  ["530902", "临沧市临翔区"], ["330702", "金华市婺城区"], ["330782", "金华市义乌市"], ["330783", "金华市东阳市"],
  ["320106", "南京市鼓楼区"], ["370102", "济南市历下区"], ["130102", "石家庄市长安区"], ["420106", "武汉市武昌区"],
  ["430102", "长沙市芙蓉区"], ["640104", "银川市兴庆区"], ["150102", "呼和浩特市新城区"], ["440106", "广州市天河区"],
];

const BANKS: readonly (readonly [string, number])[] = [
  ["农村信用合作社", 34], ["中国邮政储蓄银行", 30], ["中国农业银行", 20], ["中国建设银行", 7],
  ["中国工商银行", 5], ["农村商业银行", 4],
];
/** Card BINs by bank; all 19-digit cards except the older 16/18-digit passbook numbers. */
const BANK_PREFIXES: Record<string, readonly string[]> = {
  农村信用合作社: ["621779", "623230", "622682"],
  中国邮政储蓄银行: ["621799", "622188", "621098"],
  中国农业银行: ["622848", "622845", "623052"],
  中国建设银行: ["621700", "622700", "436742"],
  中国工商银行: ["621226", "622202", "620058"],
  农村商业银行: ["623193", "621521", "622478"],
};

const MOBILE_PREFIXES: readonly (readonly [string, number])[] = [
  ["13", 30], ["15", 25], ["18", 22], ["17", 8], ["19", 10], ["16", 2], ["14", 3],
];

const GUARDIAN_RELATIONS: readonly (readonly [string, number])[] = [
  ["儿子", 40], ["女儿", 25], ["配偶", 15], ["儿媳", 8], ["孙子", 5], ["女婿", 3], ["侄子", 4],
];

const DISABILITY_CATEGORY_WEIGHTS: readonly (readonly [TDisabilityCategory, number])[] = [
  ["physical", 32], ["hearing", 28], ["visual", 17], ["multiple", 15], ["mental", 4], ["intellectual", 2.5], ["speech", 1.5],
];
/** 第二代残疾人证: the ID number, then the category digit (1 视力 … 7 多重), then the grade. */
const DISABILITY_CATEGORY_DIGIT: Record<TDisabilityCategory, number> = {
  visual: 1, hearing: 2, speech: 3, physical: 4, intellectual: 5, mental: 6, multiple: 7,
};
const DISABILITY_GRADE_WEIGHTS: readonly (readonly [TDisabilityGrade, number])[] = [[1, 10], [2, 20], [3, 30], [4, 40]];

const SPECIAL_CARE_MALE: readonly (readonly [TCircumstanceRecordType, number])[] = [
  ["retired_soldier", 55], ["demobilized_soldier", 30], ["disabled_veteran", 12], ["illness_death_family", 1.5],
  ["martyr_family", 1], ["duty_death_family", 0.5],
];
const SPECIAL_CARE_FEMALE: readonly (readonly [TCircumstanceRecordType, number])[] = [
  ["illness_death_family", 35], ["martyr_family", 30], ["duty_death_family", 20], ["retired_soldier", 12],
  ["disabled_veteran", 3],
];

const MOVED_OUT_TO: readonly string[] = [
  "西安市雁塔区", "西安市未央区", "咸阳市秦都区", "宝鸡市金台区", "北京市朝阳区", "深圳市南山区", "上海市浦东新区",
  "成都市武侯区", "广州市天河区", "兰州市城关区",
];

// ---------------------------------------------------------------------------------------------
// Types

export type TGeneratorVillage = { code: string; name: string; townshipName?: string };

export type TElderGeneratorOptions = {
  /** 6-digit county code. */
  countyCode: string;
  countyName: string;
  /** The county's villages and communities (12-digit codes). */
  villages: readonly TGeneratorVillage[];
  seed: number;
  /** "YYYY-MM-DD": ages, dates of records and the in-force state are computed for this day. */
  today: string;
  /** ID numbers already taken (e.g. the rows in the database): never generated. */
  reserved?: ReadonlySet<string>;
  /** Makes row ids; defaults to UUIDs from the seeded generator (deterministic). */
  newId?: () => string;
};

export type TGeneratedCircumstance = {
  id: string;
  elderId: string;
  type: TCircumstanceRecordType;
  startDate: string;
  endDate: string | null;
  source: string | null;
  documentNo: string | null;
  note: string | null;
  disabilityCategory: TDisabilityCategory | null;
  disabilityGrade: TDisabilityGrade | null;
  certificateNo: string | null;
  /** ISO timestamp: entered with the elder, or when the record began if that was later. */
  createdAt: string;
};

export type TGeneratedElder = {
  id: string;
  idNumber: string;
  name: string;
  sex: TSex;
  birthDate: string;
  hukouRegionCode: string;
  villageCode: string;
  townshipCode: string;
  countyCode: string;
  residence: TResidence;
  address: string | null;
  phone: string | null;
  guardianName: string | null;
  guardianRelation: string | null;
  guardianPhone: string | null;
  bankName: string | null;
  bankAccount: string | null;
  status: TElderStatus;
  deathDate: string | null;
  movedOutDate: string | null;
  movedOutTo: string | null;
  notes: string | null;
  /** ISO timestamp: when the record was entered (spread over the registry's life). */
  createdAt: string;
  circumstances: TGeneratedCircumstance[];
};

// ---------------------------------------------------------------------------------------------
// Helpers

/** Villages 001–199 are usually communities (urban), 200–399 villages (STANDARDS.md); the name decides otherwise. */
export function residenceOfVillage(village: Pick<TGeneratorVillage, "code" | "name">): TResidence {
  if (/村民委员会$|村委会$/.test(village.name)) return "rural";
  if (/社区|居民委员会$|居委会$|居民委会$/.test(village.name)) return "urban";
  return Number(village.code.slice(9)) < 200 ? "urban" : "rural";
}

/** "北杨村委会" → "北杨村", "常一社区居民委员会" → "常一社区", for addresses. */
export function shortVillageName(name: string): string {
  const village = name.replace(/(村民委员会|村委会)$/, "");
  if (village !== name) return village.endsWith("村") ? village : `${village}村`;
  const community = name.replace(/(社区)?(居民委员会|居委会|居民委会)$/, "");
  if (community !== name || name.endsWith("社区")) return community.endsWith("社区") ? community : `${community}社区`;
  return name;
}

/** "杨陵区" → "杨陵", "耿马傣族佤族自治县" → "耿马": the prefix of document numbers (杨民发〔2023〕12号). */
function countyShortName(name: string): string {
  const m = /^(.{2,}?)(?:[^族]{1,2}族)*(?:自治县|县|区|市)$/.exec(name);
  return (m ? m[1] : name).slice(0, 2);
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** The Luhn check digit of a card number body. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

function digits(rng: TRng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

function uuidFrom(rng: TRng): string {
  const hex = [rng.uint32(), rng.uint32(), rng.uint32(), rng.uint32()].map((n) => n.toString(16).padStart(8, "0")).join("");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A date uniformly between `from` and `to` (inclusive ISO dates). */
function dateBetween(rng: TRng, from: string, to: string): string {
  if (to <= from) return from;
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return addDays(from, rng.int(0, span));
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

// ---------------------------------------------------------------------------------------------
// The generator

export type TElderGenerator = {
  next(): TGeneratedElder;
  /** Whether an ID number was generated already or is reserved. */
  isTaken(idNumber: string): boolean;
};

export function createElderGenerator(options: TElderGeneratorOptions): TElderGenerator {
  const { countyCode, countyName, today } = options;
  if (!/^\d{6}$/.test(countyCode)) throw new RangeError(`countyCode must be 6 digits: ${countyCode}`);
  if (options.villages.length === 0) throw new RangeError(`county ${countyCode} has no villages`);
  const rng = createRng(options.seed);
  // Row ids come from their own stream so that supplying `newId` does not change the people.
  const idRng = createRng(options.seed ^ 0x5bd1e995);
  const newId = options.newId ?? (() => uuidFrom(idRng));
  // Sequence numbers too: skipping a taken ID number then changes only later numbers, not people.
  const seqRng = createRng(options.seed ^ 0x68e31da4);
  const reserved = options.reserved ?? new Set<string>();
  const used = new Set<string>();
  const isTaken = (id: string) => used.has(id) || reserved.has(id);

  const short = countyShortName(countyName);
  const todayYear = Number(today.slice(0, 4));

  // Village sizes: log-normal around 1, communities of a town larger than villages.
  const villageRng = createRng(options.seed ^ 0x27d4eb2f);
  const villages = options.villages.map((v) => {
    const residence = residenceOfVillage(v);
    const gaussian = Math.sqrt(-2 * Math.log(1 - villageRng.next())) * Math.cos(2 * Math.PI * villageRng.next());
    const weight = Math.exp(0.5 * gaussian) * (residence === "urban" ? 1.4 : 1);
    return { ...v, residence, short: shortVillageName(v.name), townshipCode: v.code.slice(0, 9), weight };
  });
  const villageTable = new WeightedTable(villages.map((v) => [v, v.weight] as const));
  const ruralShare = villages.filter((v) => v.residence === "rural").reduce((s, v) => s + v.weight, 0) /
    villages.reduce((s, v) => s + v.weight, 0);
  // 留守 is a rural circumstance: scale it so that ~5 % of the whole county has it.
  const leftBehindRural = ruralShare > 0 ? Math.min(0.2, 0.05 / ruralShare) : 0;

  const ageTable = new WeightedTable<number>([
    ...AGE_GROUPS.flatMap(([start, millions]) => [0, 1, 2, 3, 4].map((i) => [start + i, millions / 5] as const)),
    ...CENTENARIAN_SPREAD.map((share, i) => [100 + i, CENTENARIANS * share] as const),
  ]);
  const surnames = new WeightedTable(SURNAMES);
  const maleChars = new WeightedTable(MALE_CHARS);
  const femaleChars = new WeightedTable(FEMALE_CHARS);
  const banks = new WeightedTable(BANKS);
  const mobilePrefixes = new WeightedTable(MOBILE_PREFIXES);
  const relations = new WeightedTable(GUARDIAN_RELATIONS);
  const disabilityCategories = new WeightedTable(DISABILITY_CATEGORY_WEIGHTS);
  const disabilityGrades = new WeightedTable(DISABILITY_GRADE_WEIGHTS);
  const specialCareMale = new WeightedTable(SPECIAL_CARE_MALE);
  const specialCareFemale = new WeightedTable(SPECIAL_CARE_FEMALE);
  const sameProvince = OTHER_ADDRESS_CODES.filter(([code]) => code.startsWith(countyCode.slice(0, 2)) && code !== countyCode);
  const elsewhere = OTHER_ADDRESS_CODES.filter(([code]) => code !== countyCode);

  const otherCounty = () => (sameProvince.length > 0 && rng.chance(0.6) ? rng.pick(sameProvince) : rng.pick(elsewhere));

  const givenName = (sex: TSex) => {
    const table = sex === "male" ? maleChars : femaleChars;
    const first = table.pick(rng);
    if (rng.chance(0.22)) return first; // two-character name
    let second = table.pick(rng);
    if (second === first && !rng.chance(0.1)) second = table.pick(rng); // 兰兰 happens, rarely
    return first + second;
  };

  const mobile = () => `${mobilePrefixes.pick(rng)}${rng.int(0, 9)}${digits(rng, 8)}`;

  // The latest birth date of someone `age` 周岁 today (28 February when today is a 29 February
  // and that year has none: see ageOn).
  const latestBirthDate = (age: number) => {
    const year = Number(today.slice(0, 4)) - age;
    return today.slice(5) === "02-29" && !isLeapYear(year) ? `${pad(year, 4)}-02-28` : `${pad(year, 4)}${today.slice(4)}`;
  };
  const birthDateForAge = (age: number) => dateBetween(rng, addDays(latestBirthDate(age + 1), 1), latestBirthDate(age));

  const idNumberFor = (addressCode: string, birthDate: string, sex: TSex) => {
    const body16 = `${addressCode}${birthDate.replaceAll("-", "")}`;
    const parity = sex === "male" ? 1 : 0;
    const make = (seq: number) => {
      const body = `${body16}${pad(seq, 3)}`;
      return body + idNumberCheckChar(body);
    };
    // Real sequence numbers of one place and day are mostly low.
    for (let attempt = 0; attempt < 20; attempt++) {
      const seq = seqRng.int(0, 39) * 10 + seqRng.int(0, 4) * 2 + parity;
      if (seq === 0) continue;
      const id = make(seq);
      if (!isTaken(id)) return id;
    }
    for (let seq = 2 - parity; seq < 1000; seq += 2) {
      const id = make(seq);
      if (!isTaken(id)) return id;
    }
    return null; // every number of this place, day and sex is taken
  };

  const economicDoc = (year: number) => `${short[0]}民发〔${year}〕${rng.int(1, 120)}号`;

  function circumstancesFor(elder: Omit<TGeneratedElder, "circumstances">, age: number, townshipName: string) {
    const records: TGeneratedCircumstance[] = [];
    const turned60 = addYears(elder.birthDate, 60);
    const earliestStart = maxDate(turned60, "2010-01-01");
    const add = (r: Omit<TGeneratedCircumstance, "id" | "elderId" | "createdAt" | "disabilityCategory" | "disabilityGrade" | "certificateNo"> &
      Partial<Pick<TGeneratedCircumstance, "disabilityCategory" | "disabilityGrade" | "certificateNo">>) => {
      const startedAt = `${r.startDate}T10:00:00.000+08:00`;
      const createdAt = r.startDate > elder.createdAt.slice(0, 10) ? startedAt : elder.createdAt;
      records.push({ id: "", elderId: elder.id, createdAt, disabilityCategory: null, disabilityGrade: null, certificateNo: null, ...r });
    };
    const start = (from = earliestStart, to = addDays(today, -1)) => dateBetween(rng, minDate(from, to), to);

    // Economic: at most one in force (低保, 低保边缘, 特困 and 低收入 exclude each other).
    const u = rng.next();
    const economic: TCircumstanceRecordType | null =
      u < 0.04 ? "dibao" : u < 0.055 ? "dibao_edge" : u < 0.063 ? "tekun_dispersed" : u < 0.065 ? "tekun_centralized" : u < 0.095 ? "low_income" : null;
    const civil = `${countyName}民政局`;
    if (economic) {
      const s = start();
      add({
        type: economic,
        startDate: s,
        endDate: null,
        source: economic === "low_income" ? `${townshipName}人民政府` : civil,
        documentNo: economicDoc(Number(s.slice(0, 4))),
        note: economic === "tekun_centralized" ? `集中供养于${short}中心敬老院` : null,
      });
      // Some came from another status: 低保边缘 → 低保, 低收入 → 低保边缘 …
      if (rng.chance(0.2) && s > addDays(earliestStart, 400)) {
        const earlier = economic === "dibao" ? "dibao_edge" : economic === "dibao_edge" ? "low_income" : "dibao";
        const prevStart = start(earliestStart, addDays(s, -365));
        add({ type: earlier, startDate: prevStart, endDate: addDays(s, -1), source: civil, documentNo: economicDoc(Number(prevStart.slice(0, 4))), note: null });
      }
    } else if (rng.chance(0.015)) {
      // Left 低保 or 低收入 (应退尽退).
      const s = start(earliestStart, addDays(today, -400));
      const e = dateBetween(rng, addDays(s, 180), addDays(today, -1));
      add({ type: rng.chance(0.6) ? "dibao" : "low_income", startDate: s, endDate: e, source: civil, documentNo: economicDoc(Number(s.slice(0, 4))), note: "家庭收入超过标准，退出" });
    }

    // Disability: more common with age (≈6 % over the county's age structure).
    const disabilityRate = age < 70 ? 0.04 : age < 80 ? 0.07 : age < 90 ? 0.11 : 0.15;
    if (rng.chance(disabilityRate)) {
      const category = disabilityCategories.pick(rng);
      const grade = disabilityGrades.pick(rng);
      const s = start("2012-01-01");
      const cert = (c: TDisabilityCategory, g: number) => `${elder.idNumber}${DISABILITY_CATEGORY_DIGIT[c]}${g}`;
      add({ type: "disability", startDate: s, endDate: null, source: `${countyName}残疾人联合会`, documentNo: null, note: null, disabilityCategory: category, disabilityGrade: grade, certificateNo: cert(category, grade) });
      // A reassessed certificate: the older one, one grade milder, ended the day before.
      if (grade < 4 && rng.chance(0.12) && s > "2014-01-01") {
        const prevStart = dateBetween(rng, "2012-01-01", addDays(s, -365));
        const prevGrade = (grade + 1) as TDisabilityGrade;
        add({ type: "disability", startDate: prevStart, endDate: addDays(s, -1), source: `${countyName}残疾人联合会`, documentNo: null, note: "重新评定后换证", disabilityCategory: category, disabilityGrade: prevGrade, certificateNo: cert(category, prevGrade) });
      }
    }

    // 计划生育特殊家庭: parents of the one-child generation, so under ~86.
    if (age < 86 && rng.chance(0.0055)) {
      add({
        type: rng.chance(0.6) ? "fp_only_child_deceased" : "fp_only_child_disabled",
        startDate: start("2012-01-01"),
        endDate: null,
        source: `${countyName}卫生健康局`,
        documentNo: `${short[0]}卫健发〔${rng.int(2012, todayYear)}〕${rng.int(1, 80)}号`,
        note: null,
      });
    }

    // 优抚对象: mostly men who served; widows of those who died.
    if (rng.chance(elder.sex === "male" ? 0.017 : 0.0035)) {
      add({
        type: (elder.sex === "male" ? specialCareMale : specialCareFemale).pick(rng),
        startDate: start("2010-01-01"),
        endDate: null,
        source: `${countyName}退役军人事务局`,
        documentNo: `${short[0]}退役军人发〔${rng.int(2019, todayYear)}〕${rng.int(1, 60)}号`,
        note: null,
      });
    }

    // Living arrangement (独居 / 空巢 exclude each other), from the village surveys.
    const aloneRate = age < 70 ? 0.06 : age < 80 ? 0.09 : 0.13;
    const v = rng.next();
    const survey = () => `${rng.int(2019, todayYear)}年${rng.pick(["摸底排查", "入户走访", "年度核查"])}`;
    if (v < aloneRate) {
      const s = start("2019-01-01");
      add({ type: "living_alone", startDate: s, endDate: null, source: `${townshipName}人民政府`, documentNo: null, note: survey() });
      // Often an empty-nest couple before the spouse died.
      if (rng.chance(0.25) && s > "2020-01-01") {
        add({ type: "empty_nest", startDate: dateBetween(rng, "2019-01-01", addDays(s, -90)), endDate: addDays(s, -1), source: `${townshipName}人民政府`, documentNo: null, note: "配偶去世，改为独居" });
      }
    } else if (v < aloneRate + 0.2) {
      add({ type: "empty_nest", startDate: start("2019-01-01"), endDate: null, source: `${townshipName}人民政府`, documentNo: null, note: survey() });
    } else if (rng.chance(0.02)) {
      // Lived alone, then moved in with children.
      const s = start("2019-01-01", addDays(today, -200));
      add({ type: "living_alone", startDate: s, endDate: dateBetween(rng, addDays(s, 90), addDays(today, -1)), source: `${townshipName}人民政府`, documentNo: null, note: "已随子女居住" });
    }
    if (elder.residence === "rural" && rng.chance(leftBehindRural)) {
      add({ type: "left_behind", startDate: start("2019-01-01"), endDate: null, source: `${townshipName}人民政府`, documentNo: null, note: "子女外出务工" });
    }

    if (rng.chance(0.0002)) {
      add({ type: "vagrant", startDate: start("2015-01-01"), endDate: null, source: `${countyName}救助管理站`, documentNo: null, note: "经救助管理站甄别登记" });
    }

    // Nothing stays in force after death or moving away; a record that began later is dropped.
    const stop = elder.deathDate ?? elder.movedOutDate;
    const kept = stop
      ? records
          .filter((r) => r.startDate < stop)
          .map((r) => (r.endDate === null || r.endDate >= stop ? { ...r, endDate: addDays(stop, -1) } : r))
      : records;
    for (const r of kept) r.id = newId();
    return kept;
  }

  function next(): TGeneratedElder {
    for (;;) {
      const age = ageTable.pick(rng);
      const sex: TSex = rng.chance(femaleShare(age)) ? "female" : "male";
      const birthDate = birthDateForAge(age);
      const village = villageTable.pick(rng);

      // 户籍: local for ~95 % (usually the residence village), otherwise another county.
      const hukouLocal = !rng.chance(0.05);
      let hukouRegionCode: string;
      let addressCode: string;
      if (hukouLocal) {
        hukouRegionCode = rng.chance(0.92) ? village.code : villageTable.pick(rng).code;
        // A few locals keep a number issued where they were first registered.
        addressCode = rng.chance(0.04) ? otherCounty()[0] : countyCode;
      } else {
        const [code] = otherCounty();
        hukouRegionCode = `${code}000000`;
        addressCode = rng.chance(0.9) ? code : countyCode;
      }
      const idNumber = idNumberFor(addressCode, birthDate, sex);
      if (idNumber === null) continue;
      used.add(idNumber);

      const surname = surnames.pick(rng);
      const name = surname + givenName(sex);

      const phoneRate = age < 70 ? 0.7 : age < 80 ? 0.55 : age < 90 ? 0.35 : 0.2;
      const phone = rng.chance(phoneRate) ? mobile() : null;

      const address =
        village.residence === "rural"
          ? `${village.short}${rng.int(1, 12)}组${rng.int(1, 80)}号`
          : rng.chance(0.7)
            ? `${village.short}${rng.int(1, 30)}号楼${rng.int(1, 4)}单元${rng.int(1, 7)}0${rng.int(1, 4)}室`
            : `${village.short}${rng.pick(["东街", "西街", "南街", "北街", "中街", "新村"])}${rng.int(1, 150)}号`;

      let bankName: string | null = null;
      let bankAccount: string | null = null;
      if (rng.chance(0.7)) {
        bankName = banks.pick(rng);
        const legacy = rng.chance(0.08);
        const length = legacy ? rng.pick([16, 17, 18]) : 19;
        const body = rng.pick(BANK_PREFIXES[bankName]) + digits(rng, length - 7);
        bankAccount = body + luhnCheckDigit(body);
      }

      // Guardian or agent: more often registered for the oldest.
      let guardianName: string | null = null;
      let guardianRelation: string | null = null;
      let guardianPhone: string | null = null;
      if (rng.chance(age < 70 ? 0.1 : age < 80 ? 0.25 : 0.55)) {
        guardianRelation = relations.pick(rng);
        const guardianSex: TSex = ["女儿", "儿媳"].includes(guardianRelation) || (guardianRelation === "配偶" && sex === "male") ? "female" : "male";
        const sameSurname = ["儿子", "女儿", "孙子", "侄子"].includes(guardianRelation);
        guardianName = (sameSurname ? surname : surnames.pick(rng)) + givenName(guardianSex);
        guardianPhone = rng.chance(0.92) ? mobile() : null;
      }

      // Status: deaths rise with age (≈0.5 %), moving away is rare (≈0.3 %).
      let status: TElderStatus = "living";
      let deathDate: string | null = null;
      let movedOutDate: string | null = null;
      let movedOutTo: string | null = null;
      const deathRate = age < 70 ? 0.0025 : age < 80 ? 0.006 : age < 90 ? 0.012 : 0.025;
      const s = rng.next();
      if (s < deathRate) {
        status = "deceased";
        deathDate = dateBetween(rng, maxDate(addYears(birthDate, 60), addYears(today, -3)), addDays(today, -1));
      } else if (s < deathRate + 0.003) {
        status = "moved_out";
        movedOutDate = dateBetween(rng, maxDate(addYears(birthDate, 60), addYears(today, -3)), addDays(today, -1));
        movedOutTo = rng.pick(MOVED_OUT_TO);
      }

      const notes = rng.chance(0.01) ? rng.pick(["子女在外地务工", "行动不便，需上门服务", "耳背，电话联系请找监护人", "已办理高龄津贴"]) : null;

      // Entered when the registry was built (2021 on) or when the person turned 60.
      const createdDay = dateBetween(rng, maxDate("2021-01-01", minDate(addYears(birthDate, 60), addDays(today, -1))), addDays(today, -1));
      const createdAt = `${createdDay}T${pad(rng.int(8, 17), 2)}:${pad(rng.int(0, 59), 2)}:${pad(rng.int(0, 59), 2)}.${pad(rng.int(0, 999), 3)}+08:00`;

      const elder: Omit<TGeneratedElder, "circumstances"> = {
        id: newId(),
        idNumber,
        name,
        sex,
        birthDate,
        hukouRegionCode,
        villageCode: village.code,
        townshipCode: village.townshipCode,
        countyCode,
        residence: village.residence,
        address,
        phone,
        guardianName,
        guardianRelation,
        guardianPhone,
        bankName,
        bankAccount,
        status,
        deathDate,
        movedOutDate,
        movedOutTo,
        notes,
        createdAt,
      };
      if (ageOn(birthDate, today) !== age) throw new Error(`generator bug: ${birthDate} is not ${age} on ${today}`);
      return { ...elder, circumstances: circumstancesFor(elder, age, village.townshipName ?? "乡镇") };
    }
  }

  return { next, isTaken };
}

/** `count` elders at once (tests; the CLI streams through createElderGenerator). */
export function generateElders(options: TElderGeneratorOptions, count: number): TGeneratedElder[] {
  const generator = createElderGenerator(options);
  return Array.from({ length: count }, () => generator.next());
}

/** The villages of a county as the generator wants them, from the region tree data. */
export function villagesOfCounty(county: { townships: { name: string; villages: { code: string; name: string }[] }[] }): TGeneratorVillage[] {
  return county.townships.flatMap((t) => t.villages.map((v) => ({ code: v.code, name: v.name, townshipName: t.name })));
}

// ---------------------------------------------------------------------------------------------
// Import files

/** The header row of the import template (issue 3, item 6). */
export const IMPORT_TEMPLATE_HEADER = ["姓名", "身份证号", "户籍地区划代码", "居住村(社区)代码", "城乡", "联系电话", "住址"] as const;

/** One data row of the import template for a generated elder. */
export function importRowOf(elder: TGeneratedElder): string[] {
  return [
    elder.name,
    elder.idNumber,
    elder.hukouRegionCode,
    elder.villageCode,
    elder.residence === "urban" ? "城镇" : "农村",
    elder.phone ?? "",
    elder.address ?? "",
  ];
}

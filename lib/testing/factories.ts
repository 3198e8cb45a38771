// One set of factories for the demo seed, integration tests and e2e fixtures. Each test makes
// its own data: names are unique per call.
import { randomUUID } from "node:crypto";
import { db, type Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { actorFromUser } from "@/lib/users/actor-from-user";
import { regionPathOf } from "@/lib/regions/path";
import { idNumberCheckChar } from "@/lib/elders/id-number";
import { loadCountyRegions, SEED_COUNTIES, SEED_COUNTY_CODES } from "@/lib/regions/service";
import { systemActor as baseSystemActor, type TActor } from "@/lib/authz/actor";
import type { TRole } from "@/lib/authz/roles";

export const TEST_PASSWORD = "Yiyang2026";

let testPasswordHash: Promise<string> | undefined;
function hashOf(password: string) {
  if (password !== TEST_PASSWORD) return hashPassword(password);
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return testPasswordHash;
}

/** Loads the region trees of the five seed counties (idempotent). */
export async function ensureRegions(tx: Db = db): Promise<void> {
  for (const code of SEED_COUNTY_CODES) await loadCountyRegions(tx, SEED_COUNTIES[code]);
}

/** Well-known places in 杨陵区 used by the demo data and tests. */
export const YANGLING = {
  county: "610403000000",
  township1: "610403001000", // 杨陵街道
  village1: "610403001001", // 凤岗路社区
  village2: "610403001003", // 姚安社区
  township2: "610403002000", // 李台街道
  village3: "610403002102", // 景苑社区
  township3: "610403100000", // 五泉镇
  otherCounty: "330727000000", // 磐安县
} as const;

/** A region code fit for the role, inside the given county (defaults: 杨陵区, first township). */
export function defaultRegionFor(role: TRole): string {
  if (role === "village_clerk") return YANGLING.village1;
  if (role === "township_reviewer") return YANGLING.township1;
  return YANGLING.county;
}

export async function createUser(
  options: { role: TRole; regionCode?: string; username?: string; displayName?: string; password?: string; active?: boolean } ,
  tx: Db = db,
) {
  const regionCode = options.regionCode ?? defaultRegionFor(options.role);
  const username = options.username ?? `t_${options.role.slice(0, 8)}_${randomUUID().slice(0, 8)}`;
  const user = await tx.user.create({
    data: {
      username,
      displayName: options.displayName ?? username,
      role: options.role,
      regionCode,
      ...regionPathOf(regionCode),
      passwordHash: await hashOf(options.password ?? TEST_PASSWORD),
      active: options.active ?? true,
    },
    include: { region: true },
  });
  return user;
}

/** A staff account and the actor it acts as. */
export async function createActor(options: Parameters<typeof createUser>[0]): Promise<TActor> {
  return actorFromUser(await createUser(options));
}

/** The system actor used by the CLI and seed for a county. */
export function systemActor(countyCode: string, name = "system"): TActor {
  return baseSystemActor(countyCode, name, SEED_COUNTIES[countyCode]?.name ?? countyCode);
}

let idSequence = Math.floor(Math.random() * 500);

/** A valid, unique ID number for a birth date and sex (address code defaults to 杨陵区). */
export function makeIdNumber(birthDate: string, sex: "male" | "female", addressCode = "610403"): string {
  // The 3-digit sequence's last digit carries the sex; the random block keeps numbers unique
  // across parallel test workers.
  idSequence = (idSequence + 1) % 500;
  const seq = String(idSequence * 2 + (sex === "male" ? 1 : 0)).padStart(3, "0");
  const body = `${addressCode}${birthDate.replaceAll("-", "")}${seq}`;
  return body + idNumberCheckChar(body);
}

/** An elder (and optional circumstance records) written straight to the database. */
export async function createElder(
  options: {
    name?: string;
    birthDate?: string;
    sex?: "male" | "female";
    villageCode?: string;
    hukouRegionCode?: string;
    residence?: "urban" | "rural";
    bankAccount?: string | null;
    phone?: string | null;
    circumstances?: { type: string; startDate: string; endDate?: string | null; disabilityCategory?: string; disabilityGrade?: number }[];
  } = {},
) {
  const birthDate = options.birthDate ?? "1945-06-15";
  const sex = options.sex ?? "female";
  const villageCode = options.villageCode ?? YANGLING.village1;
  const date = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
  let idNumber = makeIdNumber(birthDate, sex, villageCode.slice(0, 6));
  while (await db.elder.findUnique({ where: { idNumber }, select: { id: true } })) idNumber = makeIdNumber(birthDate, sex, villageCode.slice(0, 6));
  return db.elder.create({
    data: {
      idNumber,
      name: options.name ?? `测试${randomUUID().slice(0, 4)}`,
      sex,
      birthDate: date(birthDate),
      hukouRegionCode: options.hukouRegionCode ?? `${villageCode.slice(0, 6)}000000`,
      ...(regionPathOf(villageCode) as { countyCode: string; townshipCode: string; villageCode: string }),
      residence: options.residence ?? "rural",
      bankAccount: options.bankAccount === undefined ? "6217000011112222333" : options.bankAccount,
      phone: options.phone === undefined ? "13912345678" : options.phone,
      circumstances: {
        create: (options.circumstances ?? []).map((c) => ({
          type: c.type,
          startDate: date(c.startDate),
          endDate: c.endDate ? date(c.endDate) : null,
          disabilityCategory: c.disabilityCategory ?? null,
          disabilityGrade: c.disabilityGrade ?? null,
        })),
      },
    },
  });
}

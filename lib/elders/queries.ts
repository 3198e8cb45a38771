import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan, can } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import type { TActor } from "@/lib/authz/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { maskBankAccount, maskIdNumber } from "@/lib/audit/mask";
import { ageOn, birthDateRangeForBand, dateValue, isoDate, isoDateOrNull, todayInShanghai } from "@/lib/dates";
import { factsAsOf, isInForce } from "@/lib/elders/facts";
import { ELDER_SORT_DIRECTION, type TElderListQuery } from "@/lib/elders/schemas";
import type { TCircumstanceRecordType } from "@/lib/elders/circumstances";
import { latestConfirmedLevel } from "@/lib/assessment/queries";

export const ELDER_PAGE_SIZE = 20;

/** Circumstance records in force on `asOf` (inclusive at both ends). */
export function inForceOn(asOf: string): Prisma.CircumstanceRecordWhereInput {
  const day = dateValue(asOf);
  return { startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] };
}

/**
 * The list's where: the actor's region, then the filters. Shared by the list page, the export
 * and the API so that all three answer the same question.
 */
export function elderWhere(actor: TActor, query: Partial<TElderListQuery>, today = todayInShanghai()): Prisma.ElderWhereInput {
  const and: Prisma.ElderWhereInput[] = [regionScope(actor)];
  const q = query.q?.trim();
  if (q) {
    if (/^[0-9xX]+$/.test(q)) {
      const upper = q.toUpperCase();
      and.push(upper.length === 18 ? { idNumber: upper } : { idNumber: { contains: upper } });
    } else {
      and.push({ name: { contains: q } });
    }
  }
  if (query.village) and.push({ villageCode: query.village });
  if (query.township) and.push({ townshipCode: query.township });
  if (query.ageBand) {
    const { from, to } = birthDateRangeForBand(query.ageBand, today);
    and.push({ birthDate: { ...(from ? { gte: dateValue(from) } : {}), lte: dateValue(to) } });
  }
  if (query.circumstance) and.push({ circumstances: { some: { type: query.circumstance, ...inForceOn(today) } } });
  if (query.status) and.push({ status: query.status });
  return { AND: and };
}

const listSelect = {
  id: true,
  name: true,
  sex: true,
  birthDate: true,
  idNumber: true,
  villageCode: true,
  residence: true,
  status: true,
  createdAt: true,
  village: { select: { name: true } },
} satisfies Prisma.ElderSelect;

type TListRow = Prisma.ElderGetPayload<{ select: typeof listSelect }>;

export type TElderListItem = {
  id: string;
  name: string;
  sex: "male" | "female";
  birthDate: string;
  age: number;
  idNumberMasked: string;
  villageCode: string;
  villageName: string;
  residence: "urban" | "rural";
  status: "living" | "deceased" | "moved_out";
  circumstances: TCircumstanceRecordType[];
};

/** Each elder's circumstance types in force on `today`, in start-date order. */
export async function circumstancesInForce(tx: Db, elderIds: string[], today: string) {
  const records = await tx.circumstanceRecord.findMany({
    where: { elderId: { in: elderIds }, ...inForceOn(today) },
    select: { elderId: true, type: true },
    orderBy: [{ startDate: "asc" }, { type: "asc" }],
  });
  const byElder = new Map<string, TCircumstanceRecordType[]>();
  for (const r of records) {
    const list = byElder.get(r.elderId) ?? [];
    if (!list.includes(r.type as TCircumstanceRecordType)) list.push(r.type as TCircumstanceRecordType);
    byElder.set(r.elderId, list);
  }
  return byElder;
}

function toListItem(row: TListRow, today: string, circumstances: TCircumstanceRecordType[] = []): TElderListItem {
  const birthDate = isoDate(row.birthDate);
  return {
    id: row.id,
    name: row.name,
    sex: row.sex,
    birthDate,
    age: ageOn(birthDate, today),
    idNumberMasked: maskIdNumber(row.idNumber)!,
    villageCode: row.villageCode,
    villageName: row.village.name,
    residence: row.residence,
    status: row.status,
    circumstances,
  };
}

export function orderBy(query: Pick<TElderListQuery, "sort" | "dir">): Prisma.ElderOrderByWithRelationInput[] {
  return [{ [query.sort]: query.dir ?? ELDER_SORT_DIRECTION[query.sort] }, { id: "asc" }];
}

/** The list page: one page of elders in the actor's region, with the total. */
export async function listElders(actor: TActor, query: TElderListQuery) {
  assertCan(actor, "elder.read");
  const today = todayInShanghai();
  const where = elderWhere(actor, query, today);
  // The page's ids first: that reads only the (scope, order, id) index, even deep in the list;
  // then the 20 rows themselves.
  const [total, page] = await Promise.all([
    db.elder.count({ where }),
    db.elder.findMany({
      where,
      select: { id: true },
      orderBy: orderBy(query),
      skip: (query.page - 1) * ELDER_PAGE_SIZE,
      take: ELDER_PAGE_SIZE,
    }),
  ]);
  const ids = page.map((r) => r.id);
  const loaded = await db.elder.findMany({ where: { id: { in: ids } }, select: listSelect });
  const byId = new Map(loaded.map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)!).filter(Boolean);
  const byElder = await circumstancesInForce(db, ids, today);
  return {
    total,
    page: query.page,
    pageSize: ELDER_PAGE_SIZE,
    rows: rows.map((r) => toListItem(r, today, byElder.get(r.id))),
  };
}

/** The API's keyset page (ordered by id): `limit` rows after `cursor`. */
export async function pageElders(actor: TActor, options: { q?: string; limit: number; cursor?: string }) {
  assertCan(actor, "elder.read");
  const today = todayInShanghai();
  const rows = await db.elder.findMany({
    where: { AND: [elderWhere(actor, { q: options.q }, today), options.cursor ? { id: { gt: options.cursor } } : {}] },
    select: listSelect,
    orderBy: { id: "asc" },
    take: options.limit + 1,
  });
  const more = rows.length > options.limit;
  const page = rows.slice(0, options.limit);
  return {
    items: page.map((r) => {
      const { circumstances: _omit, ...item } = toListItem(r, today);
      return item;
    }),
    nextCursor: more ? page[page.length - 1].id : null,
  };
}

/** One elder inside the actor's region, with circumstances; anything else is NOT_FOUND. */
export async function getElder(actor: TActor, id: string) {
  const elder = await db.elder.findFirst({
    where: { id, ...regionScope(actor) },
    include: {
      village: { select: { name: true, parent: { select: { name: true } } } },
      circumstances: { orderBy: [{ startDate: "desc" }, { createdAt: "desc" }] },
    },
  });
  if (!elder) throw new AppError("NOT_FOUND", "elder not found");
  assertCan(actor, "elder.read", elder);
  const today = todayInShanghai();
  const birthDate = isoDate(elder.birthDate);
  const circumstances = elder.circumstances.map((c) => ({
    id: c.id,
    type: c.type as TCircumstanceRecordType,
    startDate: isoDate(c.startDate),
    endDate: isoDateOrNull(c.endDate),
    source: c.source,
    documentNo: c.documentNo,
    note: c.note,
    disabilityCategory: c.disabilityCategory,
    disabilityGrade: c.disabilityGrade,
    certificateNo: c.certificateNo,
    inForce: isInForce({ startDate: isoDate(c.startDate), endDate: isoDateOrNull(c.endDate) }, today),
  }));
  return {
    id: elder.id,
    version: elder.version,
    name: elder.name,
    sex: elder.sex,
    birthDate,
    age: ageOn(birthDate, today),
    idNumberMasked: maskIdNumber(elder.idNumber)!,
    hukouRegionCode: elder.hukouRegionCode,
    hukouLocal: elder.hukouRegionCode.startsWith(elder.countyCode),
    villageCode: elder.villageCode,
    townshipCode: elder.townshipCode,
    countyCode: elder.countyCode,
    villageName: elder.village.name,
    townshipName: elder.village.parent?.name ?? "",
    residence: elder.residence,
    address: elder.address,
    phone: elder.phone,
    guardianName: elder.guardianName,
    guardianRelation: elder.guardianRelation,
    guardianPhone: elder.guardianPhone,
    bankName: elder.bankName,
    bankAccountMasked: maskBankAccount(elder.bankAccount),
    status: elder.status,
    deathDate: isoDateOrNull(elder.deathDate),
    movedOutDate: isoDateOrNull(elder.movedOutDate),
    movedOutTo: elder.movedOutTo,
    notes: elder.notes,
    createdAt: elder.createdAt,
    updatedAt: elder.updatedAt,
    circumstances,
    canReveal: can(actor, "elder.reveal"),
    canWrite: can(actor, "elder.write"),
  };
}
export type TElderDetail = Awaited<ReturnType<typeof getElder>>;

/** The elder's facts on a date (TPersonFacts), for the policy engine and worklists. */
export async function getElderFacts(actor: TActor, id: string, asOf = todayInShanghai()) {
  const elder = await getElder(actor, id);
  const capabilityLevel = await latestConfirmedLevel(elder.id, asOf);
  return factsAsOf(
    { ...elder, hukouRegionCode: elder.hukouRegionCode },
    elder.circumstances.map((c) => ({ ...c, disabilityCategory: c.disabilityCategory as never })),
    asOf,
    { countyCode: elder.countyCode, capabilityLevel },
  );
}

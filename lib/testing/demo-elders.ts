// Fills a county with generated elders (lib/testing/elder-generator.ts): the database side of
// `npm run cli -- demo generate` and of the registry benchmark.
//
// Speed: rows go in chunks, each chunk as two bulk inserts (lib/utils/unnest-insert.ts: one for
// elders, one for their circumstance records) in one transaction; 200,000 elders take well
// under a minute.
import { randomUUID } from "node:crypto";
import { db, type Db } from "@/lib/db";
import { unnestInsert, type TUnnestColumn } from "@/lib/utils/unnest-insert";
import { loadCountyRegions, SEED_COUNTIES } from "@/lib/regions/service";
import { todayInShanghai } from "@/lib/dates";
import {
  createElderGenerator,
  type TGeneratedCircumstance,
  type TGeneratedElder,
  type TGeneratorVillage,
} from "@/lib/testing/elder-generator";

export const DEMO_CHUNK_SIZE = 5_000;

/** The county's active villages and communities, with their township names, from the regions table. */
export async function loadCountyVillages(tx: Db, countyCode: string): Promise<{ countyName: string; villages: TGeneratorVillage[] }> {
  const regions = await tx.region.findMany({
    where: { countyCode, active: true },
    select: { code: true, name: true, level: true, parentCode: true },
    orderBy: { code: "asc" },
  });
  const names = new Map(regions.map((r) => [r.code, r.name]));
  const county = regions.find((r) => r.level === "county");
  const villages = regions
    .filter((r) => r.level === "village")
    .map((r) => ({ code: r.code, name: r.name, townshipName: (r.parentCode && names.get(r.parentCode)) || undefined }));
  return { countyName: county?.name ?? countyCode, villages };
}

/** Every ID number already in the registry (any county): the generator must avoid them. */
export async function loadTakenIdNumbers(tx: Db = db): Promise<Set<string>> {
  const rows = await tx.$queryRawUnsafe<{ id_number: string }[]>(`SELECT id_number FROM elders`);
  return new Set(rows.map((r) => r.id_number));
}

const ELDER_COLUMNS: readonly TUnnestColumn<TGeneratedElder>[] = [
  ["id", "uuid", (e) => e.id],
  ["id_number", "varchar", (e) => e.idNumber],
  ["name", "varchar", (e) => e.name],
  ["sex", "sex", (e) => e.sex],
  ["birth_date", "date", (e) => e.birthDate],
  ["hukou_region_code", "varchar", (e) => e.hukouRegionCode],
  ["village_code", "varchar", (e) => e.villageCode],
  ["township_code", "varchar", (e) => e.townshipCode],
  ["county_code", "varchar", (e) => e.countyCode],
  ["residence", "residence", (e) => e.residence],
  ["address", "varchar", (e) => e.address],
  ["phone", "varchar", (e) => e.phone],
  ["guardian_name", "varchar", (e) => e.guardianName],
  ["guardian_relation", "varchar", (e) => e.guardianRelation],
  ["guardian_phone", "varchar", (e) => e.guardianPhone],
  ["bank_name", "varchar", (e) => e.bankName],
  ["bank_account", "varchar", (e) => e.bankAccount],
  ["status", "elder_status", (e) => e.status],
  ["death_date", "date", (e) => e.deathDate],
  ["moved_out_date", "date", (e) => e.movedOutDate],
  ["moved_out_to", "varchar", (e) => e.movedOutTo],
  ["notes", "varchar", (e) => e.notes],
  ["created_at", "timestamptz", (e) => e.createdAt],
  ["updated_at", "timestamptz", (e) => e.createdAt],
];

const CIRCUMSTANCE_COLUMNS: readonly TUnnestColumn<TGeneratedCircumstance>[] = [
  ["id", "uuid", (c) => c.id],
  ["elder_id", "uuid", (c) => c.elderId],
  ["type", "varchar", (c) => c.type],
  ["start_date", "date", (c) => c.startDate],
  ["end_date", "date", (c) => c.endDate],
  ["source", "varchar", (c) => c.source],
  ["document_no", "varchar", (c) => c.documentNo],
  ["note", "varchar", (c) => c.note],
  ["disability_category", "varchar", (c) => c.disabilityCategory],
  ["disability_grade", "smallint", (c) => c.disabilityGrade],
  ["certificate_no", "varchar", (c) => c.certificateNo],
  ["created_at", "timestamptz", (c) => c.createdAt],
  ["updated_at", "timestamptz", (c) => c.createdAt],
];

/** Writes generated elders and their circumstance records in one transaction. */
export async function insertGeneratedElders(elders: readonly TGeneratedElder[]): Promise<{ elders: number; circumstances: number }> {
  const circumstances = elders.flatMap((e) => e.circumstances);
  await db.$transaction(async (tx) => {
    await unnestInsert(tx, "elders", ELDER_COLUMNS, elders);
    if (circumstances.length > 0) await unnestInsert(tx, "circumstance_records", CIRCUMSTANCE_COLUMNS, circumstances);
  });
  return { elders: elders.length, circumstances: circumstances.length };
}

export type TGenerateCountyOptions = {
  countyCode: string;
  count: number;
  seed: number;
  /** Defaults to today in Asia/Shanghai. */
  today?: string;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
};

export type TGenerateCountyResult = {
  countyCode: string;
  seed: number;
  elders: number;
  circumstances: number;
  seconds: number;
};

/**
 * Generates `count` elders into a county's villages. The county's regions must be loaded; for
 * the five seed counties they are loaded here when missing. Row ids are random UUIDs, so a
 * second run with the same seed adds new rows instead of colliding; ID numbers already in the
 * registry are skipped by the generator.
 */
export async function generateCountyElders(options: TGenerateCountyOptions): Promise<TGenerateCountyResult> {
  const started = performance.now();
  const { countyCode, count, seed } = options;
  const chunkSize = options.chunkSize ?? DEMO_CHUNK_SIZE;
  let { countyName, villages } = await loadCountyVillages(db, countyCode);
  if (villages.length === 0 && SEED_COUNTIES[countyCode]) {
    await loadCountyRegions(db, SEED_COUNTIES[countyCode]);
    ({ countyName, villages } = await loadCountyVillages(db, countyCode));
  }
  if (villages.length === 0) {
    throw new Error(`县级区划 ${countyCode} 下没有村（社区）；请先导入该县的区划（npm run cli -- db seed --demo）。`);
  }
  const generator = createElderGenerator({
    countyCode,
    countyName,
    villages,
    seed,
    today: options.today ?? todayInShanghai(),
    reserved: await loadTakenIdNumbers(),
    newId: randomUUID,
  });
  let elders = 0;
  let circumstances = 0;
  options.onProgress?.(0, count);
  while (elders < count) {
    const size = Math.min(chunkSize, count - elders);
    const chunk = Array.from({ length: size }, () => generator.next());
    const written = await insertGeneratedElders(chunk);
    elders += written.elders;
    circumstances += written.circumstances;
    options.onProgress?.(elders, count);
  }
  return { countyCode, seed, elders, circumstances, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

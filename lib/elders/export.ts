// Export of the elder list to .xlsx (issue 3 item 7): the rows the list page shows for the same
// query (elderWhere), all of them, in the list's order; ID numbers and bank accounts masked
// unless the role may reveal them; one audit record per export.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { assertCan, can } from "@/lib/authz/policy";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { recordAudit } from "@/lib/audit/record";
import { maskBankAccount, maskIdNumber } from "@/lib/audit/mask";
import { translator } from "@/lib/i18n/translate";
import { ageOn, todayInShanghai } from "@/lib/dates";
import { circumstancesInForce, elderWhere } from "@/lib/elders/queries";
import { isoDate } from "@/lib/dates";
import { ELDER_SORT_DIRECTION, type TElderListQuery } from "@/lib/elders/schemas";
import { CIRCUMSTANCE_RECORD_TYPES, type TCircumstanceRecordType } from "@/lib/elders/circumstances";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Rows per query: keyset pages, so the last page costs what the first does. */
const EXPORT_CHUNK = 2_000;
const EXPORT_TIMEOUT_MS = 10 * 60 * 1000;

const COLUMNS = [
  { key: "name", width: 10 },
  { key: "sex", width: 6 },
  { key: "birthDate", width: 12 },
  { key: "age", width: 6 },
  { key: "idNumber", width: 21 },
  { key: "hukouRegionCode", width: 15 },
  { key: "township", width: 14 },
  { key: "village", width: 16 },
  { key: "residence", width: 6 },
  { key: "phone", width: 13 },
  { key: "address", width: 30 },
  { key: "status", width: 9 },
  { key: "circumstances", width: 30 },
  { key: "guardianName", width: 10 },
  { key: "guardianRelation", width: 10 },
  { key: "guardianPhone", width: 13 },
  { key: "bankName", width: 14 },
  { key: "bankAccount", width: 24 },
  { key: "notes", width: 30 },
] as const;

const exportSelect = {
  id: true,
  name: true,
  sex: true,
  birthDate: true,
  idNumber: true,
  hukouRegionCode: true,
  residence: true,
  phone: true,
  address: true,
  status: true,
  guardianName: true,
  guardianRelation: true,
  guardianPhone: true,
  bankName: true,
  bankAccount: true,
  notes: true,
  createdAt: true,
  village: { select: { name: true, parent: { select: { name: true } } } },
} satisfies Prisma.ElderSelect;

type TExportRow = Prisma.ElderGetPayload<{ select: typeof exportSelect }>;
type TSort = TElderListQuery["sort"];

/** Rows after (value, id) in the list's order: sort column, then id ascending (as listElders). */
function after(sort: TSort, dir: "asc" | "desc", last: TExportRow): Prisma.ElderWhereInput {
  const value = last[sort];
  return {
    OR: [{ [sort]: dir === "asc" ? { gt: value } : { lt: value } }, { [sort]: value, id: { gt: last.id } }],
  };
}

/** The filters as the audit trail keeps them: a searched ID number is masked like any other. */
function auditFilters(query: Partial<TElderListQuery>) {
  const q = query.q?.trim();
  return {
    q: q ? (/^[0-9xX]+$/.test(q) ? maskIdNumber(q) : q) : null,
    village: query.village ?? null,
    township: query.township ?? null,
    ageBand: query.ageBand ?? null,
    circumstance: query.circumstance ?? null,
    status: query.status ?? null,
    sort: query.sort ?? "createdAt",
    dir: query.dir ?? ELDER_SORT_DIRECTION[query.sort ?? "createdAt"],
  };
}

/**
 * The current filtered list as an .xlsx workbook. Reads run in one repeatable-read transaction,
 * so the chunks form one consistent snapshot, and the `elder.exported` record (filters, row
 * count, masked or not) commits with it.
 */
export async function exportElders(actor: TActor, meta: TRequestMeta, query: Partial<TElderListQuery>): Promise<Buffer> {
  assertCan(actor, "elder.export");
  const t = translator();
  const say = (key: string) => t(key as never);
  const reveal = can(actor, "elder.reveal");
  const today = todayInShanghai();
  const sort: TSort = query.sort ?? "createdAt";
  const dir = query.dir ?? ELDER_SORT_DIRECTION[sort];
  const where = elderWhere(actor, query, today);
  const circumstanceLabel = Object.fromEntries(
    CIRCUMSTANCE_RECORD_TYPES.map((type) => [type, say(`elders.circumstance.${type}`)]),
  ) as Record<TCircumstanceRecordType, string>;

  const output = new PassThrough();
  const parts: Buffer[] = [];
  output.on("data", (chunk: Buffer) => parts.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on("end", resolve);
    output.on("error", reject);
  });
  // The streaming writer flushes each committed row into the zip, so a 200,000-row export never
  // holds the whole worksheet model in memory.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(say("elders.export.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: say(`elders.export.columns.${c.key}`), key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  await db.$transaction(
    async (tx) => {
      let rowCount = 0;
      let last: TExportRow | null = null;
      for (;;) {
        const rows: TExportRow[] = await tx.elder.findMany({
          where: last ? { AND: [where, after(sort, dir, last)] } : where,
          select: exportSelect,
          orderBy: [{ [sort]: dir }, { id: "asc" }],
          take: EXPORT_CHUNK,
        });
        if (rows.length === 0) break;
        const inForce = await circumstancesInForce(tx, rows.map((r) => r.id), today);
        for (const e of rows) {
          const birthDate = isoDate(e.birthDate);
          sheet
            .addRow({
              name: e.name,
              sex: say(`elders.sex.${e.sex}`),
              birthDate,
              age: ageOn(birthDate, today),
              idNumber: reveal ? e.idNumber : maskIdNumber(e.idNumber),
              hukouRegionCode: e.hukouRegionCode,
              township: e.village.parent?.name ?? null,
              village: e.village.name,
              residence: say(`elders.residence.${e.residence}`),
              phone: e.phone,
              address: e.address,
              status: say(`elders.status.${e.status}`),
              circumstances: inForce.get(e.id)?.map((type) => circumstanceLabel[type] ?? type).join("、") || null,
              guardianName: e.guardianName,
              guardianRelation: e.guardianRelation,
              guardianPhone: e.guardianPhone,
              bankName: e.bankName,
              bankAccount: reveal ? e.bankAccount : maskBankAccount(e.bankAccount),
              notes: e.notes,
            })
            .commit();
        }
        rowCount += rows.length;
        last = rows[rows.length - 1];
        if (rows.length < EXPORT_CHUNK) break;
      }
      sheet.commit();
      await workbook.commit();
      await ended;
      await recordAudit(tx, actor, meta, {
        type: "elder.exported",
        entityType: "elder",
        entityId: null,
        countyCode: actor.countyCode,
        townshipCode: actor.townshipCode,
        villageCode: actor.villageCode,
        after: { filters: auditFilters(query), rowCount, masked: !reveal },
      });
    },
    { isolationLevel: "RepeatableRead", timeout: EXPORT_TIMEOUT_MS, maxWait: 30_000 },
  );
  return Buffer.concat(parts);
}

// 批量导入老年人档案 from .xlsx or .csv (issue 3 item 6). Every row is validated before anything
// is written; the report lists each bad row; the valid rows are written in one transaction, and
// only when the caller confirms (dryRun: false). Rows are matched to the registry by ID number,
// so importing the same file again changes nothing. See docs/decisions/007-elder-import.md.
import { createHash, randomUUID } from "node:crypto";
import { unnestInsert, type TUnnestColumn } from "@/lib/utils/unnest-insert";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/authz/policy";
import { isInScope, regionScope } from "@/lib/authz/scope";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { recordAudit } from "@/lib/audit/record";
import { translator } from "@/lib/i18n/translate";
import { ZElderFields } from "@/lib/elders/schemas";
import { validateIdNumber } from "@/lib/elders/id-number";
import { todayInShanghai } from "@/lib/dates";
import { isUniqueViolation } from "@/lib/utils/prisma-errors";
import {
  checkHeader,
  COLUMN_HEADER,
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  OPTIONAL_COLUMNS,
  readSheet,
  REQUIRED_COLUMNS,
  type TCell,
  type TImportColumnKey,
  type TSheetRow,
} from "@/lib/elders/import-file";
import type { TSex } from "@/lib/policy/facts";
import type { Tx } from "@/lib/db";

export type TImportPhase = "parse" | "validate" | "write";
export type TImportProgress = { phase: TImportPhase; done: number; total: number };
export type TImportError = { row: number; field: string; message: string };
export type TImportResult = { created: number; updated: number; unchanged: number; invalid: number; errors: TImportError[] };
export type TImportOptions = {
  /** The county the file is for; defaults to the actor's. Another county is NOT_FOUND. */
  countyCode?: string;
  /** true: validate and count only. false: also write the valid rows. */
  dryRun: boolean;
  /** Called as the import advances; awaited, so a slow listener slows the import. */
  onProgress?: (progress: TImportProgress) => void | Promise<void>;
  /**
   * Called last inside the write transaction, with the result written: what the caller does
   * there (a background job recording its outcome) commits or rolls back with the rows.
   */
  beforeCommit?: (tx: Tx, result: TImportResult) => Promise<void>;
};

/** The template's example row carries this ID number (address code 999999 is no real place). */
export const EXAMPLE_ID_NUMBER = "99999919450101001X";
const EXAMPLE_ROW = [
  "张三",
  EXAMPLE_ID_NUMBER,
  "610403",
  "610403001001",
  "城镇",
  "13800000000",
  "杨陵街道凤岗路社区 1 号楼 2 单元",
];

// Existence lookups and writes go in chunks: one round trip per chunk, each statement binding
// one array per column, and a progress report after each.
const LOOKUP_CHUNK = 5_000;
const CREATE_CHUNK = 5_000;
const UPDATE_CHUNK = 5_000;
const PROGRESS_EVERY = 2_000;
/** A 100,000-row file writes in well under a minute; the limit only stops a stuck transaction. */
const WRITE_TIMEOUT_MS = 10 * 60 * 1000;

/** The registry columns an import sets (ID number, birth date and sex are the match key). */
const VALUE_KEYS = [
  "name",
  "hukouRegionCode",
  "villageCode",
  "residence",
  "address",
  "phone",
  "guardianName",
  "guardianRelation",
  "guardianPhone",
  "bankName",
  "bankAccount",
  "notes",
] as const;
type TValueKey = (typeof VALUE_KEYS)[number];
type TValues = Record<TValueKey, string | null>;

const MAX_LENGTH: Partial<Record<TImportColumnKey, number>> = {
  name: 50,
  address: 200,
  guardianName: 50,
  guardianRelation: 20,
  bankName: 50,
  notes: 500,
};

const RESIDENCE: Record<string, "urban" | "rural"> = { 城镇: "urban", 农村: "rural" };

/** The entered fields of ZElderFields; the ID number is checked once per row below, with one "today". */
const ZImportFields = ZElderFields.omit({ idNumber: true });

type TValidRow = { row: number; idNumber: string; birthDate: string; sex: TSex; values: TValues };

/** The columns of a new elder written from a valid row; the region path comes from the village. */
const CREATE_COLUMNS: readonly TUnnestColumn<TValidRow>[] = [
  ["id", "uuid", () => randomUUID()],
  ["id_number", "varchar", (r) => r.idNumber],
  ["name", "varchar", (r) => r.values.name],
  ["sex", "sex", (r) => r.sex],
  ["birth_date", "date", (r) => r.birthDate],
  ["hukou_region_code", "varchar", (r) => r.values.hukouRegionCode],
  ["village_code", "varchar", (r) => r.values.villageCode],
  ["township_code", "varchar", (r) => r.values.villageCode?.slice(0, 9)],
  ["county_code", "varchar", (r) => r.values.villageCode?.slice(0, 6)],
  ["residence", "residence", (r) => r.values.residence],
  ["address", "varchar", (r) => r.values.address],
  ["phone", "varchar", (r) => r.values.phone],
  ["guardian_name", "varchar", (r) => r.values.guardianName],
  ["guardian_relation", "varchar", (r) => r.values.guardianRelation],
  ["guardian_phone", "varchar", (r) => r.values.guardianPhone],
  ["bank_name", "varchar", (r) => r.values.bankName],
  ["bank_account", "varchar", (r) => r.values.bankAccount],
  ["notes", "varchar", (r) => r.values.notes],
  ["updated_at", "timestamptz", () => new Date()],
];

type TExisting = TValues & {
  id: string;
  idNumber: string;
  version: number;
  countyCode: string;
  townshipCode: string;
  villageCode: string;
};

type TTranslate = (key: string, params?: Record<string, string | number>) => string;

function makeTranslate(): TTranslate {
  const t = translator();
  return (key, params) => t(key as never, params as never);
}

/** SHA-256 of the file, recorded in the audit trail and used by the page to tie confirm to preview. */
export function fileDigest(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

const text = (cell: TCell | undefined) => (cell === undefined ? "" : String(cell));

/** A zod issue on one column, in the words of the import report. */
function issueMessage(say: TTranslate, key: TImportColumnKey, messageKey: string): string {
  const field = COLUMN_HEADER[key];
  if (messageKey === "validation.tooLong") return say("elders.import.errors.tooLong", { field, max: MAX_LENGTH[key] ?? 0 });
  if (messageKey.startsWith("elders.idNumber.") || messageKey === "elders.phone.invalid") return say(messageKey);
  switch (key) {
    case "name":
      return say("elders.import.errors.required", { field });
    case "hukouRegionCode":
      return say("elders.import.errors.hukouCode");
    case "villageCode":
      return say("elders.import.errors.villageCode");
    case "residence":
      return say("elders.import.errors.residence");
    case "bankAccount":
      return say("elders.import.errors.bankAccount");
    default:
      return say("validation.invalid");
  }
}

type TRowCheck = { ok: true; row: TValidRow } | { ok: false; errors: { key: TImportColumnKey; message: string }[] };

/** Validates one row's cells (everything that needs no database but the village list). */
function checkRow(
  say: TTranslate,
  sheetRow: TSheetRow,
  columns: Partial<Record<TImportColumnKey, number>>,
  context: { today: string; villages: Set<string>; firstRowOfId: Map<string, number> },
): TRowCheck {
  const cell = (key: TImportColumnKey) => {
    const index = columns[key];
    return index === undefined ? undefined : sheetRow.cells[index];
  };
  const errors: { key: TImportColumnKey; message: string }[] = [];

  // ID number: checksum, real and past birth date, and unique within the file.
  const rawId = cell("idNumber");
  let id: ReturnType<typeof validateIdNumber> | null = null;
  if (typeof rawId === "number") {
    errors.push({ key: "idNumber", message: say("elders.import.errors.idNumberAsNumber") });
  } else if (text(rawId).trim() === "") {
    errors.push({ key: "idNumber", message: say("elders.import.errors.required", { field: COLUMN_HEADER.idNumber }) });
  } else {
    id = validateIdNumber(text(rawId), context.today);
    if (!id.ok) errors.push({ key: "idNumber", message: say(`elders.idNumber.${id.reason}`) });
    else if (id.idNumber === EXAMPLE_ID_NUMBER) errors.push({ key: "idNumber", message: say("elders.import.errors.exampleRow") });
    else {
      const first = context.firstRowOfId.get(id.idNumber);
      if (first !== undefined) errors.push({ key: "idNumber", message: say("elders.import.errors.duplicateInFile", { row: first }) });
      else context.firstRowOfId.set(id.idNumber, sheetRow.row);
    }
  }

  // The other columns through the registry's own schema. An optional column that is absent
  // parses as null here and is left as stored when the row updates an elder (see below).
  const input: Record<string, unknown> = {};
  for (const key of VALUE_KEYS) {
    const value = cell(key);
    input[key] = value === undefined ? null : text(value);
  }
  const residence = text(cell("residence")).trim();
  input.residence = RESIDENCE[residence] ?? residence;
  const parsed = ZImportFields.safeParse(input);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]) as TImportColumnKey;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push({ key, message: issueMessage(say, key, issue.message) });
    }
  } else if (!context.villages.has(parsed.data.villageCode)) {
    errors.push({ key: "villageCode", message: say("elders.import.errors.villageNotInCounty", { code: parsed.data.villageCode }) });
  }

  if (errors.length > 0 || !parsed.success || !id?.ok) return { ok: false, errors };
  const d = parsed.data;
  return {
    ok: true,
    row: {
      row: sheetRow.row,
      idNumber: id.idNumber,
      birthDate: id.birthDate,
      sex: id.sex,
      values: {
        name: d.name,
        hukouRegionCode: d.hukouRegionCode,
        villageCode: d.villageCode,
        residence: d.residence,
        address: d.address,
        phone: d.phone,
        guardianName: d.guardianName,
        guardianRelation: d.guardianRelation,
        guardianPhone: d.guardianPhone,
        bankName: d.bankName,
        bankAccount: d.bankAccount,
        notes: d.notes,
      },
    },
  };
}

/** The elders already registered under these ID numbers, wherever they are (scope is checked after). */
async function findExisting(idNumbers: string[]): Promise<Map<string, TExisting>> {
  const found = new Map<string, TExisting>();
  for (let i = 0; i < idNumbers.length; i += LOOKUP_CHUNK) {
    const chunk = idNumbers.slice(i, i + LOOKUP_CHUNK);
    const rows = await db.$queryRaw<TExisting[]>`
      SELECT id::text AS "id", id_number AS "idNumber", version, county_code AS "countyCode",
             township_code AS "townshipCode", village_code AS "villageCode", name,
             hukou_region_code AS "hukouRegionCode", residence::text AS "residence", address, phone,
             guardian_name AS "guardianName", guardian_relation AS "guardianRelation",
             guardian_phone AS "guardianPhone", bank_name AS "bankName", bank_account AS "bankAccount", notes
      FROM elders WHERE id_number = ANY(${chunk}::text[])`;
    for (const row of rows) found.set(row.idNumber, row);
  }
  return found;
}

const fileProblemError = (say: TTranslate, problem: string): TImportError => ({
  row: 0,
  field: say("elders.import.fileField"),
  message: say(`elders.import.errors.${problem}`, { max: MAX_IMPORT_ROWS }),
});

/**
 * Validates an uploaded file and, unless `dryRun`, writes its valid rows: new ID numbers are
 * created, known ones (inside the actor's region) updated where a value differs. Returns the
 * counts and every problem as `{ row, field, message }` (row = data row, the first row under
 * the header being 1; field = the Chinese column header; message in Chinese).
 *
 * The write is one transaction with one `elder.imported` audit record: a failure anywhere
 * rolls back every row. Rows with problems are never written; the valid rows are.
 */
export async function importElders(
  actor: TActor,
  meta: TRequestMeta,
  file: { name: string; data: Buffer | Uint8Array },
  options: TImportOptions,
): Promise<TImportResult> {
  assertCan(actor, "elder.import");
  const countyCode = options.countyCode ?? actor.countyCode;
  if (!/^\d{6}$/.test(countyCode) || countyCode !== actor.countyCode) throw new AppError("NOT_FOUND", `县级区划 ${countyCode} 不在您的管辖范围内。`);
  const say = makeTranslate();
  const progress = options.onProgress ?? (() => {});
  const empty = { created: 0, updated: 0, unchanged: 0, invalid: 0 };
  const county = await db.region.findUnique({ where: { code: `${countyCode}000000` }, select: { code: true } });
  if (!county) throw new AppError("NOT_FOUND", `没有找到县级区划 ${countyCode}。`);

  // 1. Read the file.
  await progress({ phase: "parse", done: 0, total: 0 });
  const sheet = await readSheet({ name: file.name, data: file.data });
  if (!sheet.ok) return { ...empty, errors: [fileProblemError(say, sheet.problem)] };
  const header = checkHeader(sheet.header);
  if (!header.ok) {
    const message =
      header.problem === "duplicate"
        ? say("elders.import.errors.headerDuplicate", { header: header.header })
        : say("elders.import.errors.header", {
            column: header.column,
            expected: header.expected,
            found: header.found || say("elders.import.blankCell"),
            header: REQUIRED_COLUMNS.map((c) => c.header).join(","),
          });
    return { ...empty, errors: [{ row: 0, field: say("elders.import.headerField"), message }] };
  }
  const total = sheet.rows.length;
  await progress({ phase: "parse", done: total, total });

  // 2. Validate every row.
  const villages = new Set(
    (
      await db.region.findMany({
        where: { level: "village", active: true, countyCode, ...regionScope(actor) },
        select: { code: true },
      })
    ).map((r) => r.code),
  );
  const context = { today: todayInShanghai(), villages, firstRowOfId: new Map<string, number>() };
  const rowErrors: { row: number; key: TImportColumnKey; message: string }[] = [];
  const valid: TValidRow[] = [];
  for (const [i, sheetRow] of sheet.rows.entries()) {
    const check = checkRow(say, sheetRow, header.columns, context);
    if (check.ok) valid.push(check.row);
    else for (const e of check.errors) rowErrors.push({ row: sheetRow.row, ...e });
    if ((i + 1) % PROGRESS_EVERY === 0) {
      await progress({ phase: "validate", done: i + 1, total });
      // Let the server answer other requests (the page's progress polls) during a long loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  // 3. Match to the registry by ID number.
  const existing = await findExisting(valid.map((r) => r.idNumber));
  const present = new Set(Object.keys(header.columns));
  const creates: TValidRow[] = [];
  const updates: { row: TValidRow; before: TExisting; values: TValues }[] = [];
  const changedFields: Record<string, number> = {};
  let unchanged = 0;
  for (const row of valid) {
    const before = existing.get(row.idNumber);
    if (!before) {
      creates.push(row);
      continue;
    }
    if (!isInScope(actor, before)) {
      rowErrors.push({ row: row.row, key: "idNumber", message: say("elders.import.errors.otherRegion") });
      continue;
    }
    // Columns the file does not have keep their stored values; a present but empty cell clears.
    const values = { ...row.values };
    for (const key of VALUE_KEYS) if (!present.has(key)) values[key] = before[key];
    const changed = VALUE_KEYS.filter((key) => values[key] !== before[key]);
    if (changed.length === 0) {
      unchanged++;
      continue;
    }
    for (const key of changed) changedFields[key] = (changedFields[key] ?? 0) + 1;
    updates.push({ row, before, values });
  }
  await progress({ phase: "validate", done: total, total });

  const order = new Map(IMPORT_COLUMNS.map((c, i) => [c.key, i]));
  rowErrors.sort((a, b) => a.row - b.row || order.get(a.key)! - order.get(b.key)!);
  const errors = rowErrors.map((e) => ({ row: e.row, field: COLUMN_HEADER[e.key], message: e.message }));
  const result: TImportResult = {
    created: creates.length,
    updated: updates.length,
    unchanged,
    invalid: new Set(rowErrors.map((e) => e.row)).size,
    errors,
  };
  if (options.dryRun) return result;

  // 4. Write the valid rows, all or nothing.
  const toWrite = creates.length + updates.length;
  try {
    await db.$transaction(
      async (tx) => {
        let done = 0;
        await progress({ phase: "write", done, total: toWrite });
        for (let i = 0; i < creates.length; i += CREATE_CHUNK) {
          const chunk = creates.slice(i, i + CREATE_CHUNK);
          // One statement per chunk (see lib/utils/unnest-insert.ts): Prisma's createMany spent
          // ~0.6 s per 1,000 rows building its statement here. See ADR 007.
          await unnestInsert(tx, "elders", CREATE_COLUMNS, chunk);
          done += chunk.length;
          await progress({ phase: "write", done, total: toWrite });
        }
        for (let i = 0; i < updates.length; i += UPDATE_CHUNK) {
          const chunk = updates.slice(i, i + UPDATE_CHUNK);
          const column = (key: TValueKey) => chunk.map((u) => u.values[key]);
          // One statement per chunk; the version guard refuses rows someone changed since the
          // lookup, and then the whole import rolls back.
          const count = await tx.$executeRaw`
            UPDATE elders AS e SET
              name = v.name,
              hukou_region_code = v.hukou_region_code,
              village_code = v.village_code,
              township_code = left(v.village_code, 9),
              county_code = left(v.village_code, 6),
              residence = v.residence::"residence",
              address = v.address,
              phone = v.phone,
              guardian_name = v.guardian_name,
              guardian_relation = v.guardian_relation,
              guardian_phone = v.guardian_phone,
              bank_name = v.bank_name,
              bank_account = v.bank_account,
              notes = v.notes,
              version = e.version + 1,
              updated_at = now()
            FROM unnest(
              ${chunk.map((u) => u.before.id)}::uuid[], ${chunk.map((u) => u.before.version)}::int[],
              ${column("name")}::text[], ${column("hukouRegionCode")}::text[], ${column("villageCode")}::text[],
              ${column("residence")}::text[], ${column("address")}::text[], ${column("phone")}::text[],
              ${column("guardianName")}::text[], ${column("guardianRelation")}::text[], ${column("guardianPhone")}::text[],
              ${column("bankName")}::text[], ${column("bankAccount")}::text[], ${column("notes")}::text[]
            ) AS v(id, version, name, hukou_region_code, village_code, residence, address, phone,
                   guardian_name, guardian_relation, guardian_phone, bank_name, bank_account, notes)
            WHERE e.id = v.id AND e.version = v.version`;
          if (count !== chunk.length) throw new AppError("CONFLICT", "an elder changed while the import ran");
          done += chunk.length;
          await progress({ phase: "write", done, total: toWrite });
        }
        await recordAudit(tx, actor, meta, {
          type: "elder.imported",
          entityType: "elder",
          entityId: null,
          countyCode,
          townshipCode: actor.townshipCode,
          villageCode: actor.villageCode,
          after: {
            fileName: file.name.slice(0, 200),
            fileSha256: fileDigest(file.data),
            rows: total,
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
            invalid: result.invalid,
            changedFields,
          },
        });
        await options.beforeCommit?.(tx, result);
      },
      { timeout: WRITE_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    // Someone registered one of these ID numbers since the lookup: nothing was written.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "an ID number was registered while the import ran", { cause: error });
    throw error;
  }
  return result;
}

/** The import template: the exact header row and one example row, with code columns as text. */
export async function buildImportTemplate(): Promise<Buffer> {
  const say = makeTranslate();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(say("elders.import.templateSheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  const widths = [10, 22, 16, 18, 8, 14, 36];
  // "@" (text) keeps Excel from turning a typed ID number into 6.10403E+17 and dropping digits.
  sheet.columns = REQUIRED_COLUMNS.map((c, i) => ({ header: c.header, key: c.key, width: widths[i], style: { numFmt: "@" } }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(EXAMPLE_ROW);
  const notes = workbook.addWorksheet(say("elders.import.templateNotesSheet"));
  notes.getColumn(1).width = 110;
  const lines = [
    say("elders.import.notes.header", { header: REQUIRED_COLUMNS.map((c) => c.header).join(",") }),
    say("elders.import.notes.example"),
    say("elders.import.notes.idNumber"),
    say("elders.import.notes.codes"),
    say("elders.import.notes.residence"),
    say("elders.import.notes.optional", { columns: OPTIONAL_COLUMNS.map((c) => c.header).join(",") }),
    say("elders.import.notes.match"),
    say("elders.import.notes.encoding"),
  ];
  for (const line of lines) notes.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The downloadable problem list: one row per problem, columns 行号, 列, 问题. */
export async function buildErrorReport(errors: TImportError[]): Promise<Buffer> {
  const say = makeTranslate();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(say("elders.import.errorSheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: say("elders.import.row"), key: "row", width: 8 },
    { header: say("elders.import.field"), key: "field", width: 18 },
    { header: say("elders.import.problem"), key: "message", width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const e of errors) sheet.addRow({ row: e.row || null, field: e.field, message: e.message });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Reading an uploaded elder list (.xlsx or .csv) into plain rows, and checking its header.
// No database here: lib/elders/import.ts validates the rows and writes them.
import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";

/** The required header, in this order (issue 3 item 6); this is the file format, not UI text. */
export const REQUIRED_COLUMNS = [
  { header: "姓名", key: "name" },
  { header: "身份证号", key: "idNumber" },
  { header: "户籍地区划代码", key: "hukouRegionCode" },
  { header: "居住村(社区)代码", key: "villageCode" },
  { header: "城乡", key: "residence" },
  { header: "联系电话", key: "phone" },
  { header: "住址", key: "address" },
] as const;

/** Columns that may follow the required ones, in any order; other columns are ignored. */
export const OPTIONAL_COLUMNS = [
  { header: "监护人姓名", key: "guardianName" },
  { header: "监护人关系", key: "guardianRelation" },
  { header: "监护人电话", key: "guardianPhone" },
  { header: "开户银行", key: "bankName" },
  { header: "银行账号", key: "bankAccount" },
  { header: "备注", key: "notes" },
] as const;

export const IMPORT_COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
export type TImportColumnKey = (typeof IMPORT_COLUMNS)[number]["key"];
export type TOptionalColumnKey = (typeof OPTIONAL_COLUMNS)[number]["key"];

export const COLUMN_HEADER = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header])) as Record<TImportColumnKey, string>;

/** More rows than this is refused as a whole: split the file (the page's upload limit is 20 MB). */
export const MAX_IMPORT_ROWS = 200_000;

/**
 * A cell as read: text, or a number when a spreadsheet stored one. Numbers are kept apart because
 * an 18-digit ID number stored as a number has already lost its last digits.
 */
export type TCell = string | number;

/** One non-blank data row; `row` counts data rows (the first row under the header is 1). */
export type TSheetRow = { row: number; cells: TCell[] };

export type TFileProblem = "encoding" | "xls" | "unreadable" | "empty" | "tooManyRows";

export type TSheet = { ok: true; header: TCell[]; rows: TSheetRow[] } | { ok: false; problem: TFileProblem };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // the old binary .xls
const startsWith = (data: Uint8Array, magic: number[]) => magic.every((b, i) => data[i] === b);

/** Header cells compare after trimming, dropping spaces and a BOM, and full-width brackets → ASCII. */
export function normaliseHeaderCell(value: TCell | undefined): string {
  return String(value ?? "")
    .replace(/^\uFEFF/, "")
    .replace(/[\s\u3000]+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")");
}

export type THeaderCheck =
  | { ok: true; columns: Partial<Record<TImportColumnKey, number>> }
  | { ok: false; problem: "mismatch"; column: number; expected: string; found: string }
  | { ok: false; problem: "duplicate"; header: string };

/**
 * The first seven cells must be the required header exactly; after them, known optional columns
 * are mapped wherever they stand and anything else is ignored. Returns the cell index of each
 * column present.
 */
export function checkHeader(header: readonly TCell[]): THeaderCheck {
  const cells = header.map(normaliseHeaderCell);
  const columns: Partial<Record<TImportColumnKey, number>> = {};
  for (const [i, column] of REQUIRED_COLUMNS.entries()) {
    if (cells[i] !== column.header) {
      return { ok: false, problem: "mismatch", column: i + 1, expected: column.header, found: cells[i] ?? "" };
    }
    columns[column.key] = i;
  }
  for (let i = REQUIRED_COLUMNS.length; i < cells.length; i++) {
    const known = IMPORT_COLUMNS.find((c) => c.header === cells[i]);
    if (!known) continue;
    if (columns[known.key] !== undefined) return { ok: false, problem: "duplicate", header: known.header };
    columns[known.key] = i;
  }
  return { ok: true, columns };
}

const isBlank = (cells: TCell[]) => cells.every((c) => typeof c === "string" && c.trim() === "");

/** A spreadsheet cell's value as text or number; formulas give their result, rich text its text. */
export function cellValue(value: unknown): TCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellValue(v.result);
    if ("text" in v) return cellValue(v.text);
    if ("error" in v) return "";
  }
  return String(value);
}

function decodeUtf8(data: Uint8Array): string | null {
  try {
    // fatal: a GBK file (Excel's plain "CSV" on a Chinese system) fails here instead of turning
    // into mojibake that would then fail every row. The BOM, when present, is dropped.
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return null;
  }
}

function readCsv(data: Uint8Array): TSheet {
  const text = decodeUtf8(data);
  if (text === null) return { ok: false, problem: "encoding" };
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch {
    return { ok: false, problem: "unreadable" };
  }
  if (records.every(isBlank)) return { ok: false, problem: "empty" };
  // Record i is data row i: a quoted line break stays inside one record, as in the spreadsheet.
  const rows: TSheetRow[] = [];
  for (let i = 1; i < records.length; i++) {
    if (!isBlank(records[i])) rows.push({ row: i, cells: records[i] });
  }
  return { ok: true, header: records[0], rows };
}

async function readXlsx(data: Uint8Array): Promise<TSheet> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // The whole-workbook loader, not exceljs's streaming WorkbookReader: the streaming reader
  // decodes each inflated chunk as UTF-8 on its own, so a Chinese character split across two
  // chunks becomes U+FFFD (98 of 100,000 rows in a test file). Loading costs ~6 s for 100,000
  // rows (the process peaks near 1 GB), and the workbook is dropped once its rows are copied.
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: "unreadable" };
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) return { ok: false, problem: "empty" };
  let header: TCell[] | null = null;
  const rows: TSheetRow[] = [];
  // eachRow skips blank rows but passes the sheet's own row number, so the numbering stays the
  // one the user sees in Excel (data row = sheet row − 1).
  worksheet.eachRow((row, rowNumber) => {
    const values = row.values as unknown[];
    const cells: TCell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
    if (rowNumber === 1) header = cells;
    else if (!isBlank(cells)) {
      header ??= []; // the first row is blank: reported as a wrong header
      rows.push({ row: rowNumber - 1, cells });
    }
  });
  if (!header || (isBlank(header) && rows.length === 0)) return { ok: false, problem: "empty" };
  return { ok: true, header, rows };
}

/** Reads the first worksheet of an .xlsx, or a UTF-8 .csv (told apart by content, then name). */
export async function readSheet(file: { name: string; data: Uint8Array }): Promise<TSheet> {
  const { data } = file;
  let sheet: TSheet;
  if (startsWith(data, ZIP_MAGIC)) sheet = await readXlsx(data);
  else if (startsWith(data, OLE_MAGIC) || /\.xls$/i.test(file.name)) return { ok: false, problem: "xls" };
  else if (/\.xlsx$/i.test(file.name)) return { ok: false, problem: "unreadable" };
  else sheet = readCsv(data);
  if (sheet.ok && sheet.rows.length === 0) return { ok: false, problem: "empty" };
  if (sheet.ok && sheet.rows.length > MAX_IMPORT_ROWS) return { ok: false, problem: "tooManyRows" };
  return sheet;
}

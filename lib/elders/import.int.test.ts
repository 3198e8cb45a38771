import { describe, expect, it } from "vitest";
import { errorCodeOf } from "@/lib/testing/error-code";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { createActor, systemActor, YANGLING } from "@/lib/testing/factories";
import { idNumberCheckChar } from "@/lib/elders/id-number";
import { addDays } from "@/lib/dates";
import { dateValue, isoDate } from "@/lib/dates";
import {
  buildErrorReport,
  buildImportTemplate,
  EXAMPLE_ID_NUMBER,
  fileDigest,
  importElders,
  type TImportProgress,
} from "@/lib/elders/import";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const HEADER = ["姓名", "身份证号", "户籍地区划代码", "居住村(社区)代码", "城乡", "联系电话", "住址"];
const OTHER_COUNTY_VILLAGE = "330727001002"; // 磐安县 五指居委会

// Unique, valid ID numbers for every call: each test makes its own people.
let counter = 0;
function newId(sex: "male" | "female" = "male", area = "610403"): string {
  counter++;
  const birth = addDays("1940-01-01", counter).replaceAll("-", "");
  const seq = String(100 + (counter % 400) * 2 + (sex === "male" ? 1 : 0)).padStart(3, "0");
  const body = `${area}${birth}${seq}`;
  return body + idNumberCheckChar(body);
}

/** An ID number with a wrong check character. */
function badChecksum(id: string): string {
  const wrong = "10X98765432".split("").find((c) => c !== id[17])!;
  return id.slice(0, 17) + wrong;
}

function csvFile(rows: (string | number)[][], header = HEADER, name = "名单.csv") {
  const quote = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  const text = [header, ...rows].map((r) => r.map(quote).join(",")).join("\r\n");
  return { name, data: Buffer.from(`\uFEFF${text}\r\n`, "utf8") };
}

async function xlsxFile(rows: unknown[][], header = HEADER, name = "名单.xlsx") {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("名单");
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return { name, data: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** An elder registered directly, for tests that need one already there. */
async function registerElder(idNumber: string, villageCode: string, extra: { name?: string; notes?: string } = {}) {
  return db.elder.create({
    data: {
      idNumber,
      name: extra.name ?? "已登记",
      sex: "male",
      birthDate: dateValue("1940-01-01"),
      hukouRegionCode: `${villageCode.slice(0, 6)}000000`,
      villageCode,
      townshipCode: villageCode.slice(0, 9),
      countyCode: villageCode.slice(0, 6),
      residence: "rural",
      notes: extra.notes ?? null,
    },
  });
}

const importAudits = () => db.auditLog.findMany({ where: { event: "elder.imported" }, orderBy: { id: "asc" } });

describe("importElders: writing", () => {
  it("creates new elders with birth date, sex and region path derived, and one audit record without personal data", async () => {
    const admin = await createActor({ role: "county_admin" });
    const woman = newId("female");
    const man = newId("male");
    const file = csvFile([
      ["王秀英", woman, "610403", YANGLING.village1, "城镇", "+86 138-1234-5678", "凤岗路 1 号"],
      ["李建国", man.toLowerCase(), "610403100", YANGLING.village3, "农村", "", ""],
    ]);
    const auditsBefore = (await importAudits()).length;

    const result = await importElders(admin, meta, file, { dryRun: false });

    expect(result).toEqual({ created: 2, updated: 0, unchanged: 0, invalid: 0, errors: [] });
    const wang = await db.elder.findUniqueOrThrow({ where: { idNumber: woman } });
    expect(wang).toMatchObject({
      name: "王秀英",
      sex: "female",
      hukouRegionCode: "610403000000",
      villageCode: YANGLING.village1,
      townshipCode: "610403001",
      countyCode: "610403",
      residence: "urban",
      phone: "13812345678",
      address: "凤岗路 1 号",
      status: "living",
      version: 0,
    });
    expect(isoDate(wang.birthDate)).toBe(`${woman.slice(6, 10)}-${woman.slice(10, 12)}-${woman.slice(12, 14)}`);
    const li = await db.elder.findUniqueOrThrow({ where: { idNumber: man } });
    expect(li).toMatchObject({ sex: "male", hukouRegionCode: "610403100000", townshipCode: "610403002", residence: "rural", phone: null, address: null });

    const audits = await importAudits();
    expect(audits).toHaveLength(auditsBefore + 1);
    const audit = audits.at(-1)!;
    expect(audit).toMatchObject({ entityType: "elder", entityId: null, countyCode: "610403", actorRole: "county_admin", actorUsername: admin.username, ip: "127.0.0.1" });
    expect(audit.after).toEqual({
      fileName: "名单.csv",
      fileSha256: fileDigest(file.data),
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      changedFields: {},
    });
    const stored = JSON.stringify(audit, (_key, value) => (typeof value === "bigint" ? String(value) : value));
    for (const personal of [woman, man, "王秀英", "13812345678"]) expect(stored).not.toContain(personal);
  });

  it("changes nothing when the same file is imported again (all unchanged; the confirmed run is still audited)", async () => {
    const admin = await createActor({ role: "county_admin" });
    const ids = [newId(), newId("female"), newId()];
    const file = csvFile(
      ids.map((id, i) => [`重复导入${i}`, id, "610403", YANGLING.village2, "农村", "13900000000", `住址${i}`, "张监护", "子女", "", "6217000012345678", ""]),
      [...HEADER, "监护人姓名", "监护人关系", "开户银行", "银行账号", "备注"],
    );
    expect(await importElders(admin, meta, file, { dryRun: false })).toEqual({ created: 3, updated: 0, unchanged: 0, invalid: 0, errors: [] });
    const before = await db.elder.findMany({ where: { idNumber: { in: ids } }, orderBy: { idNumber: "asc" } });
    const auditsBefore = (await importAudits()).length;

    expect(await importElders(admin, meta, file, { dryRun: false })).toEqual({ created: 0, updated: 0, unchanged: 3, invalid: 0, errors: [] });

    const after = await db.elder.findMany({ where: { idNumber: { in: ids } }, orderBy: { idNumber: "asc" } });
    expect(after).toEqual(before); // same versions, same updatedAt
    const audits = await importAudits();
    expect(audits).toHaveLength(auditsBefore + 1);
    expect(audits.at(-1)!.after).toMatchObject({ created: 0, updated: 0, unchanged: 3, invalid: 0, changedFields: {} });
  });

  it("counts a row as updated when any stored value differs; a missing optional column keeps its value, an empty cell clears it", async () => {
    const admin = await createActor({ role: "county_admin" });
    const [a, b] = [newId(), newId()];
    const withOptional = [...HEADER, "监护人姓名", "监护人电话", "备注"];
    await importElders(
      admin,
      meta,
      csvFile(
        [
          ["赵一", a, "610403", YANGLING.village1, "城镇", "13800000001", "甲路", "赵监护", "13700000001", ""],
          ["钱二", b, "610403", YANGLING.village1, "城镇", "13800000002", "乙路", "钱监护", "13700000002", "行动不便"],
        ],
        withOptional,
      ),
      { dryRun: false },
    );

    // Only the required columns: 赵一's phone differs; guardian and notes are not in the file.
    const second = csvFile([
      ["赵一", a, "610403", YANGLING.village1, "城镇", "13800000009", "甲路"],
      ["钱二", b, "610403", YANGLING.village1, "城镇", "13800000002", "乙路"],
    ]);
    expect(await importElders(admin, meta, second, { dryRun: false })).toEqual({ created: 0, updated: 1, unchanged: 1, invalid: 0, errors: [] });
    expect(await db.elder.findUniqueOrThrow({ where: { idNumber: a } })).toMatchObject({
      phone: "13800000009",
      guardianName: "赵监护",
      guardianPhone: "13700000001",
      version: 1,
    });
    expect(await db.elder.findUniqueOrThrow({ where: { idNumber: b } })).toMatchObject({ notes: "行动不便", version: 0 });
    expect((await importAudits()).at(-1)!.after).toMatchObject({ updated: 1, unchanged: 1, changedFields: { phone: 1 } });

    // 备注 present but empty for 钱二: the note is cleared; moving 赵一 to another village updates the path.
    const third = csvFile(
      [
        ["赵一", a, "610403", YANGLING.village3, "城镇", "13800000009", "甲路", ""],
        ["钱二", b, "610403", YANGLING.village1, "城镇", "13800000002", "乙路", ""],
      ],
      [...HEADER, "备注"],
    );
    expect(await importElders(admin, meta, third, { dryRun: false })).toEqual({ created: 0, updated: 2, unchanged: 0, invalid: 0, errors: [] });
    expect(await db.elder.findUniqueOrThrow({ where: { idNumber: a } })).toMatchObject({ villageCode: YANGLING.village3, townshipCode: "610403002", version: 2 });
    expect(await db.elder.findUniqueOrThrow({ where: { idNumber: b } })).toMatchObject({ notes: null, guardianName: "钱监护", version: 1 });
    expect((await importAudits()).at(-1)!.after).toMatchObject({ changedFields: { villageCode: 1, notes: 1 } });
  });

  it("a dry run reports the counts the real import will have and writes nothing", async () => {
    const admin = await createActor({ role: "county_admin" });
    const existing = newId();
    await registerElder(existing, YANGLING.village1, { name: "旧名字" });
    const fresh = newId();
    const file = csvFile([
      ["新名字", existing, "610403", YANGLING.village1, "农村", "", ""],
      ["新人", fresh, "610403", YANGLING.village1, "农村", "", ""],
      ["", newId(), "610403", YANGLING.village1, "农村", "", ""],
    ]);
    const elders = await db.elder.count();
    const audits = await db.auditLog.count();
    const progress: TImportProgress[] = [];

    const dry = await importElders(admin, meta, file, { dryRun: true, onProgress: (p) => void progress.push(p) });

    expect(dry).toEqual({ created: 1, updated: 1, unchanged: 0, invalid: 1, errors: [{ row: 3, field: "姓名", message: "姓名不能为空。" }] });
    expect(await db.elder.count()).toBe(elders);
    expect(await db.auditLog.count()).toBe(audits);
    expect((await db.elder.findUniqueOrThrow({ where: { idNumber: existing } })).name).toBe("旧名字");
    expect(progress).toEqual([
      { phase: "parse", done: 0, total: 0 },
      { phase: "parse", done: 3, total: 3 },
      { phase: "validate", done: 3, total: 3 },
    ]);

    // Confirmed, the valid rows are written, the bad one is not.
    expect(await importElders(admin, meta, file, { dryRun: false })).toEqual(dry);
    expect(await db.elder.count()).toBe(elders + 1);
    expect((await db.elder.findUniqueOrThrow({ where: { idNumber: existing } })).name).toBe("新名字");
  });
});

describe("importElders: validation", () => {
  it("reports every bad row with its row number, Chinese column and Chinese message, and writes only the valid rows", async () => {
    const admin = await createActor({ role: "county_admin" });
    const good = newId();
    const good2 = newId("female");
    const rows = [
      /* 1 */ ["好人", good, "610403", YANGLING.village1, "城镇", "13812345678", "甲路"],
      /* 2 */ ["校验错", badChecksum(newId()), "610403", YANGLING.village1, "城镇", "", ""],
      /* 3 */ ["日期错", (() => { const b = "61040319490230101"; return b + idNumberCheckChar(b); })(), "610403", YANGLING.village1, "城镇", "", ""],
      /* 4 */ ["未出生", (() => { const b = "61040320990101101"; return b + idNumberCheckChar(b); })(), "610403", YANGLING.village1, "城镇", "", ""],
      /* 5 */ ["重复", good, "610403", YANGLING.village2, "农村", "", ""],
      /* 6 */ ["  ", newId(), "610403", YANGLING.village1, "城镇", "", ""],
      /* 7 */ ["外县村", newId(), "610403", OTHER_COUNTY_VILLAGE, "城镇", "", ""],
      /* 8 */ ["乡镇代码", newId(), "610403", YANGLING.township1, "城镇", "", ""],
      /* 9 */ ["电话错", newId(), "610403", YANGLING.village1, "城镇", "1381234567", ""],
      /* 10 */ ["城乡错", newId(), "610403", YANGLING.village1, "城市", "", ""],
      /* 11 */ ["多处错", "12345", "61040", "6104030010", "农村", "12345678901", "x".repeat(201)],
      /* 12 */ ["好人二", good2, "610403001001", YANGLING.village2, "农村", "139 1234 5678", ""],
      /* 13 */ ["", "", "", "", "", "", ""], // blank: skipped, not an error
      /* 14 */ ["空号", "", "610403", YANGLING.village1, "城镇", "", ""],
    ];
    const file = csvFile(rows);

    const result = await importElders(admin, meta, file, { dryRun: false });

    expect(result).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      invalid: 11,
      errors: [
        { row: 2, field: "身份证号", message: "身份证号码校验位不正确，请核对。" },
        { row: 3, field: "身份证号", message: "身份证号码中的出生日期不存在。" },
        { row: 4, field: "身份证号", message: "身份证号码中的出生日期晚于今天。" },
        { row: 5, field: "身份证号", message: "身份证号与第 1 行重复。" },
        { row: 6, field: "姓名", message: "姓名不能为空。" },
        { row: 7, field: "居住村(社区)代码", message: "330727001002 不是本县（区）的村（社区）代码，或不在您的管辖范围内。" },
        { row: 8, field: "居住村(社区)代码", message: "610403001000 不是本县（区）的村（社区）代码，或不在您的管辖范围内。" },
        { row: 9, field: "联系电话", message: "请输入正确的 11 位手机号码。" },
        { row: 10, field: "城乡", message: "城乡应填写“城镇”或“农村”。" },
        { row: 11, field: "身份证号", message: "身份证号码应为 18 位。" },
        { row: 11, field: "户籍地区划代码", message: "户籍地区划代码应为 6、9 或 12 位数字。" },
        { row: 11, field: "居住村(社区)代码", message: "居住村(社区)代码应为 12 位数字。" },
        { row: 11, field: "联系电话", message: "请输入正确的 11 位手机号码。" },
        { row: 11, field: "住址", message: "住址过长，最多 200 个字。" },
        { row: 14, field: "身份证号", message: "身份证号不能为空。" },
      ],
    });
    expect(await db.elder.count({ where: { idNumber: { in: [good, good2] } } })).toBe(2);
    expect(await db.elder.findUniqueOrThrow({ where: { idNumber: good2 } })).toMatchObject({ hukouRegionCode: "610403001001", phone: "13912345678" });
    expect((await importAudits()).at(-1)!.after).toMatchObject({ rows: 13, created: 2, invalid: 11 });
  });

  it("checks the optional columns too", async () => {
    const admin = await createActor({ role: "county_admin" });
    const file = csvFile(
      [
        ["甲", newId(), "610403", YANGLING.village1, "城镇", "", "", "ABC", "13800000000", "123", "x".repeat(51)],
        ["乙", newId(), "610403", YANGLING.village1, "城镇", "", "", "", "1380000000", "6217 0000 1234 5678", ""],
      ],
      [...HEADER, "其他系统编号", "监护人电话", "银行账号", "监护人姓名"],
    );
    expect(await importElders(admin, meta, file, { dryRun: true })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      invalid: 2,
      errors: [
        { row: 1, field: "监护人姓名", message: "监护人姓名过长，最多 50 个字。" },
        { row: 1, field: "银行账号", message: "银行账号应为 8–30 位数字。" },
        { row: 2, field: "监护人电话", message: "请输入正确的 11 位手机号码。" },
      ],
    });
  });

  it("refuses an ID number registered outside the actor's region, saying nothing about that record", async () => {
    const elsewhere = newId("male", "330727");
    const other = await registerElder(elsewhere, OTHER_COUNTY_VILLAGE, { name: "外县老人" });
    const admin = await createActor({ role: "county_admin" });
    const file = csvFile([["冒名", elsewhere, "610403", YANGLING.village1, "城镇", "", ""]]);
    expect(await importElders(admin, meta, file, { dryRun: false })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      invalid: 1,
      errors: [{ row: 1, field: "身份证号", message: "该身份证号已登记在其他辖区。" }],
    });
    expect(await db.elder.findUniqueOrThrow({ where: { id: other.id } })).toEqual(other);

    // A township reviewer: an elder of another township of the same county is also elsewhere, and
    // a village outside the township is not one the reviewer may import into.
    const reviewer = await createActor({ role: "township_reviewer", regionCode: YANGLING.township1 });
    const inTownship2 = newId();
    await registerElder(inTownship2, YANGLING.village3);
    const mine = newId();
    const result = await importElders(
      reviewer,
      meta,
      csvFile([
        ["甲", inTownship2, "610403", YANGLING.village1, "城镇", "", ""],
        ["乙", newId(), "610403", YANGLING.village3, "城镇", "", ""],
        ["丙", mine, "610403", YANGLING.village2, "城镇", "", ""],
      ]),
      { dryRun: false },
    );
    expect(result).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      invalid: 2,
      errors: [
        { row: 1, field: "身份证号", message: "该身份证号已登记在其他辖区。" },
        { row: 2, field: "居住村(社区)代码", message: "610403002102 不是本县（区）的村（社区）代码，或不在您的管辖范围内。" },
      ],
    });
    expect(await db.elder.findUniqueOrThrow({ where: { idNumber: mine } })).toMatchObject({ townshipCode: "610403001" });
    expect((await importAudits()).at(-1)).toMatchObject({ actorRole: "township_reviewer", countyCode: "610403", townshipCode: "610403001" });
  });

  it("reads .xlsx like .csv, and explains an ID number that Excel stored as a number", async () => {
    const admin = await createActor({ role: "county_admin" });
    const id = newId();
    const file = await xlsxFile([
      ["表格人", id, 610403, 610403001001, "农村", 13812345678, { richText: [{ text: "富文本" }, { text: "住址" }] }],
      ["数字号", 610403194103151230, "610403", YANGLING.village1, "农村", "", ""],
    ]);
    expect(await importElders(admin, meta, file, { dryRun: false })).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      invalid: 1,
      errors: [{ row: 2, field: "身份证号", message: "身份证号被存成了数字，末几位已丢失。请将该列设为文本格式后重新填写。" }],
    });
    expect(await db.elder.findUniqueOrThrow({ where: { idNumber: id } })).toMatchObject({
      hukouRegionCode: "610403000000",
      villageCode: YANGLING.village1,
      phone: "13812345678",
      address: "富文本住址",
    });
    // The same rows as CSV are the same people: nothing changes.
    const again = csvFile([["表格人", id, "610403", YANGLING.village1, "农村", "13812345678", "富文本住址"]]);
    expect(await importElders(admin, meta, again, { dryRun: true })).toMatchObject({ unchanged: 1, created: 0, updated: 0 });
  });

  it("reports a wrong header, a file that is not UTF-8 and an old .xls as one clear error each", async () => {
    const admin = await createActor({ role: "county_admin" });
    const wrongHeader = csvFile([["甲", newId(), "610403", YANGLING.village1, "城镇", "", ""]], ["姓名", "身份证号", "户籍地区划代码", "居住村代码", "城乡", "联系电话", "住址"]);
    expect(await importElders(admin, meta, wrongHeader, { dryRun: false })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      errors: [
        {
          row: 0,
          field: "表头",
          message: "表头不正确：第 4 列应为“居住村(社区)代码”，实际为“居住村代码”。表头须为：姓名,身份证号,户籍地区划代码,居住村(社区)代码,城乡,联系电话,住址（可下载导入模板）。",
        },
      ],
    });
    const gbk = { name: "名单.csv", data: Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x0d, 0x0a]) };
    expect((await importElders(admin, meta, gbk, { dryRun: true })).errors).toEqual([
      {
        row: 0,
        field: "文件",
        message: "无法按 UTF-8 编码读取该文件。如是 Excel 另存的 CSV，请选择“CSV UTF-8（逗号分隔）”格式，或直接上传 .xlsx 文件。",
      },
    ]);
    const xls = { name: "名单.xls", data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]) };
    expect((await importElders(admin, meta, xls, { dryRun: true })).errors).toEqual([
      { row: 0, field: "文件", message: "不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再上传。" },
    ]);
    expect((await importElders(admin, meta, csvFile([]), { dryRun: true })).errors).toEqual([{ row: 0, field: "文件", message: "文件中没有数据行。" }]);
  });

  it("is refused to roles without elder.import and for another county", async () => {
    const file = csvFile([["甲", newId(), "610403", YANGLING.village1, "城镇", "", ""]]);
    for (const role of ["village_clerk", "assessor", "viewer"] as const) {
      expect(await errorCodeOf(importElders(await createActor({ role }), meta, file, { dryRun: true }))).toBe("FORBIDDEN");
    }
    const admin = await createActor({ role: "county_admin" });
    expect(await errorCodeOf(importElders(admin, meta, file, { dryRun: true, countyCode: "330727" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(importElders(systemActor("610499"), meta, file, { dryRun: true }))).toBe("NOT_FOUND");
  });
});

describe("importElders: all or nothing", () => {
  it("rolls back every row and the audit record when the write fails part-way", async () => {
    const admin = await createActor({ role: "county_admin" });
    const existing = newId();
    const before = await registerElder(existing, YANGLING.village1, { name: "原名" });
    const fresh = [newId(), newId()];
    const file = csvFile([
      ["新一", fresh[0], "610403", YANGLING.village1, "城镇", "", ""],
      ["新二", fresh[1], "610403", YANGLING.village1, "城镇", "", ""],
      ["改名", existing, "610403", YANGLING.village1, "农村", "", ""],
    ]);
    const audits = await db.auditLog.count();
    const failing = importElders(admin, meta, file, {
      dryRun: false,
      onProgress: (p) => {
        // The new rows are in (inside the transaction); the update has not run yet.
        if (p.phase === "write" && p.done === 2) throw new Error("connection lost");
      },
    });
    await expect(failing).rejects.toThrow("connection lost");
    expect(await db.elder.count({ where: { idNumber: { in: fresh } } })).toBe(0);
    expect(await db.elder.findUniqueOrThrow({ where: { idNumber: existing } })).toEqual(before);
    expect(await db.auditLog.count()).toBe(audits);

    // Nothing half-applied: the same file then imports cleanly.
    expect(await importElders(admin, meta, file, { dryRun: false })).toMatchObject({ created: 2, updated: 1 });
  });

  it("fails as a whole (CONFLICT) when someone changes or registers one of the people between the check and the write", async () => {
    const admin = await createActor({ role: "county_admin" });
    const existing = newId();
    await registerElder(existing, YANGLING.village1, { name: "原名" });
    const fresh = newId();
    const file = csvFile([
      ["改名", existing, "610403", YANGLING.village1, "农村", "", ""],
      ["新人", fresh, "610403", YANGLING.village1, "农村", "", ""],
    ]);
    const audits = await db.auditLog.count();
    const checked = async (p: TImportProgress, meanwhile: () => Promise<unknown>) => {
      if (p.phase === "validate" && p.done === p.total) await meanwhile();
    };

    const edited = importElders(admin, meta, file, {
      dryRun: false,
      onProgress: (p) => checked(p, () => db.elder.update({ where: { idNumber: existing }, data: { notes: "他人修改", version: { increment: 1 } } })),
    });
    expect(await errorCodeOf(edited)).toBe("CONFLICT");
    expect(await db.elder.findUniqueOrThrow({ where: { idNumber: existing } })).toMatchObject({ name: "原名", notes: "他人修改", version: 1 });
    expect(await db.elder.count({ where: { idNumber: fresh } })).toBe(0);

    const registered = importElders(admin, meta, file, {
      dryRun: false,
      onProgress: (p) => checked(p, () => registerElder(fresh, YANGLING.village2, { name: "抢先登记" })),
    });
    expect(await errorCodeOf(registered)).toBe("CONFLICT");
    expect(await db.elder.findUniqueOrThrow({ where: { idNumber: existing } })).toMatchObject({ name: "原名", version: 1 });
    expect(await db.elder.findUniqueOrThrow({ where: { idNumber: fresh } })).toMatchObject({ name: "抢先登记", villageCode: YANGLING.village2 });
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("reports progress through every phase of a confirmed import", async () => {
    const admin = await createActor({ role: "county_admin" });
    const existing = newId();
    await registerElder(existing, YANGLING.village1);
    const file = csvFile([
      ["新人", newId(), "610403", YANGLING.village1, "农村", "", ""],
      ["改名", existing, "610403", YANGLING.village1, "农村", "", ""],
    ]);
    const progress: TImportProgress[] = [];
    await importElders(admin, meta, file, { dryRun: false, onProgress: (p) => void progress.push(p) });
    expect(progress).toEqual([
      { phase: "parse", done: 0, total: 0 },
      { phase: "parse", done: 2, total: 2 },
      { phase: "validate", done: 2, total: 2 },
      { phase: "write", done: 0, total: 2 },
      { phase: "write", done: 1, total: 2 },
      { phase: "write", done: 2, total: 2 },
    ]);
  });
});

describe("import template and error report", () => {
  it("the template has exactly the required header and one example row, which an import refuses", async () => {
    const data = await buildImportTemplate();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe("老年人档案");
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      "张三",
      EXAMPLE_ID_NUMBER,
      "610403",
      "610403001001",
      "城镇",
      "13800000000",
      "杨陵街道凤岗路社区 1 号楼 2 单元",
    ]);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getColumn(2).numFmt).toBe("@");
    expect(workbook.worksheets[1].name).toBe("填写说明");

    const admin = await createActor({ role: "county_admin" });
    expect(await importElders(admin, meta, { name: "老年人档案导入模板.xlsx", data }, { dryRun: true })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      invalid: 1,
      errors: [{ row: 1, field: "身份证号", message: "这是模板中的示例行，请删除后再导入。" }],
    });
  });

  it("the error report lists 行号, 列, 问题", async () => {
    const data = await buildErrorReport([
      { row: 0, field: "表头", message: "表头不正确" },
      { row: 3, field: "联系电话", message: "请输入正确的 11 位手机号码。" },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe("问题清单");
    const rows = [1, 2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ["行号", "列", "问题"],
      [undefined, "表头", "表头不正确"],
      [3, "联系电话", "请输入正确的 11 位手机号码。"],
    ]);
  });
});

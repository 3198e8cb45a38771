import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { createActor, systemActor, YANGLING } from "@/lib/testing/factories";
import { idNumberCheckChar } from "@/lib/elders/id-number";
import { addDays, ageOn, todayInShanghai } from "@/lib/dates";
import { dateValue } from "@/lib/dates";
import { importElders } from "@/lib/elders/import";
import { exportElders } from "@/lib/elders/export";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const HEADER = ["姓名", "身份证号", "户籍地区划代码", "居住村(社区)代码", "城乡", "联系电话", "住址", "监护人姓名", "监护人关系", "监护人电话", "开户银行", "银行账号", "备注"];
const COLUMNS = [
  "姓名",
  "性别",
  "出生日期",
  "年龄",
  "身份证号",
  "户籍地区划代码",
  "乡镇(街道)",
  "居住村(社区)",
  "城乡",
  "联系电话",
  "住址",
  "在册状态",
  "当前情况",
  "监护人姓名",
  "监护人关系",
  "监护人电话",
  "开户银行",
  "银行账号",
  "备注",
];
const DAZHAI_VILLAGE = "610403003008"; // 大寨街道 康乐西路社区居民委会: only the bulk test uses it

let counter = 0;
function newId(sex: "male" | "female" = "male"): string {
  counter++;
  const birth = addDays("1935-06-01", counter * 3).replaceAll("-", "");
  const seq = String(200 + (counter % 300) * 2 + (sex === "male" ? 1 : 0)).padStart(3, "0");
  const body = `610403${birth}${seq}`;
  return body + idNumberCheckChar(body);
}

/** Registers elders through the import (as the county's system actor). */
async function register(rows: string[][]) {
  const text = [HEADER, ...rows].map((r) => r.join(",")).join("\n");
  const result = await importElders(systemActor("610403"), meta, { name: "seed.csv", data: Buffer.from(text) }, { dryRun: false });
  expect(result.invalid).toBe(0);
}

async function rowsOf(data: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, header: rows[0], rows: rows.slice(1) };
}

const lastExportAudit = () => db.auditLog.findFirstOrThrow({ where: { event: "elder.exported" }, orderBy: { id: "desc" } });

describe("exportElders", () => {
  const woman = newId("female");
  const man = newId("male");
  const birth = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;

  it("exports the filtered list with Chinese columns, ID numbers and bank accounts masked for a role that may not reveal", async () => {
    await register([
      ["导出乙", man, "610403", YANGLING.village2, "农村", "13800000002", "姚安路 2 号", "", "", "", "", "", ""],
      ["导出甲", woman, "610403", YANGLING.village2, "城镇", "13800000001", "姚安路 1 号", "王监护", "子女", "13900000001", "农商银行", "6217000012345678901", "需要上门"],
      ["导出丙", newId(), "610403", YANGLING.village1, "城镇", "", "", "", "", "", "", "", ""],
    ]);
    const elder = await db.elder.findUniqueOrThrow({ where: { idNumber: woman } });
    await db.circumstanceRecord.createMany({
      data: [
        { elderId: elder.id, type: "dibao", startDate: dateValue("2020-01-01") },
        { elderId: elder.id, type: "living_alone", startDate: dateValue("2021-01-01") },
        { elderId: elder.id, type: "empty_nest", startDate: dateValue("2015-01-01"), endDate: dateValue("2019-12-31") },
      ],
    });
    const viewer = await createActor({ role: "viewer" });

    const data = await exportElders(viewer, meta, { village: YANGLING.village2, sort: "name", dir: "asc" });

    const sheet = await rowsOf(data);
    expect(sheet.name).toBe("老年人档案");
    expect(sheet.header).toEqual(COLUMNS);
    const today = todayInShanghai();
    // Empty values are empty cells (the row simply ends early); 乙 (U+4E59) sorts before 甲 (U+7532).
    expect(sheet.rows).toEqual([
      [
        "导出乙",
        "男",
        birth(man),
        ageOn(birth(man), today),
        `${man.slice(0, 4)}**********${man.slice(-4)}`,
        "610403000000",
        "杨陵街道",
        "姚安社区",
        "农村",
        "13800000002",
        "姚安路 2 号",
        "在册",
      ],
      [
        "导出甲",
        "女",
        birth(woman),
        ageOn(birth(woman), today),
        `${woman.slice(0, 4)}**********${woman.slice(-4)}`,
        "610403000000",
        "杨陵街道",
        "姚安社区",
        "城镇",
        "13800000001",
        "姚安路 1 号",
        "在册",
        "低保、独居",
        "王监护",
        "子女",
        "13900000001",
        "农商银行",
        "6217***********8901",
        "需要上门",
      ],
    ]);

    const audit = await lastExportAudit();
    expect(audit).toMatchObject({ entityType: "elder", entityId: null, actorRole: "viewer", countyCode: "610403", ip: "127.0.0.1" });
    expect(audit.after).toEqual({
      filters: { q: null, village: YANGLING.village2, township: null, ageBand: null, circumstance: null, status: null, sort: "name", dir: "asc" },
      rowCount: 2,
      masked: true,
    });
  });

  it("gives full ID numbers and bank accounts to a role that may reveal them, and masks a searched ID number in the audit", async () => {
    const admin = await createActor({ role: "county_admin" });
    const data = await exportElders(admin, meta, { q: woman });
    const { rows } = await rowsOf(data);
    expect(rows).toHaveLength(1);
    expect(rows[0][4]).toBe(woman);
    expect(rows[0][17]).toBe("6217000012345678901");
    expect((await lastExportAudit()).after).toEqual({
      filters: { q: `${woman.slice(0, 4)}**********${woman.slice(-4)}`, village: null, township: null, ageBand: null, circumstance: null, status: null, sort: "createdAt", dir: "desc" },
      rowCount: 1,
      masked: false,
    });
  });

  it("answers the list's question: circumstance in force, status and name filters", async () => {
    const admin = await createActor({ role: "county_admin" });
    const names = async (query: Parameters<typeof exportElders>[2]) => (await rowsOf(await exportElders(admin, meta, { ...query, sort: "name", dir: "asc" }))).rows.map((r) => r[0]);
    expect(await names({ circumstance: "dibao" })).toEqual(["导出甲"]);
    expect(await names({ circumstance: "empty_nest" })).toEqual([]); // ended in 2019
    expect(await names({ q: "导出" })).toEqual(["导出丙", "导出乙", "导出甲"].sort());
    await db.elder.update({ where: { idNumber: man }, data: { status: "deceased", deathDate: dateValue("2025-01-02") } });
    expect(await names({ q: "导出", status: "living" })).toEqual(["导出丙", "导出甲"].sort());
    const { rows } = await rowsOf(await exportElders(admin, meta, { q: "导出乙" }));
    expect(rows[0][11]).toBe("已去世");
  });

  it("exports every matching row across chunks, in the list's order, and only inside the actor's region", async () => {
    const ids = Array.from({ length: 2_500 }, (_, i) => newId(i % 2 ? "male" : "female"));
    // Seven names for 2,500 people: the order must break ties by id without losing or repeating rows.
    await register(ids.map((id, i) => [`批量${i % 7}`, id, "610403", DAZHAI_VILLAGE, "农村", "", "", "", "", "", "", "", ""]));
    const admin = await createActor({ role: "county_admin" });

    const byName = (await rowsOf(await exportElders(admin, meta, { village: DAZHAI_VILLAGE, sort: "name", dir: "asc" }))).rows;
    expect(byName).toHaveLength(2_500);
    expect(new Set(byName.map((r) => r[4])).size).toBe(2_500);
    const names = byName.map((r) => r[0] as string);
    expect(names).toEqual([...names].sort());
    expect((await lastExportAudit()).after).toMatchObject({ rowCount: 2_500, masked: false });

    const byBirth = (await rowsOf(await exportElders(admin, meta, { village: DAZHAI_VILLAGE, sort: "birthDate", dir: "desc" }))).rows;
    expect(byBirth.map((r) => r[4])).toEqual([...ids].reverse());

    // A village clerk of 凤岗路社区 sees none of them, whatever the filter says.
    const clerk = await createActor({ role: "village_clerk", regionCode: YANGLING.village1 });
    expect((await rowsOf(await exportElders(clerk, meta, { village: DAZHAI_VILLAGE }))).rows).toEqual([]);
    const own = (await rowsOf(await exportElders(clerk, meta, {}))).rows;
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((r) => r[7]))).toEqual(new Set(["凤岗路社区"]));
    expect((await lastExportAudit())).toMatchObject({ actorRole: "village_clerk", villageCode: YANGLING.village1, townshipCode: "610403001" });
  });
});

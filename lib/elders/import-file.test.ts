import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { cellValue, checkHeader, normaliseHeaderCell, readSheet } from "@/lib/elders/import-file";

const REQUIRED = ["姓名", "身份证号", "户籍地区划代码", "居住村(社区)代码", "城乡", "联系电话", "住址"];
const csv = (text: string, bom = false) => ({ name: "a.csv", data: Buffer.from(`${bom ? "\uFEFF" : ""}${text}`, "utf8") });

describe("checkHeader", () => {
  it("maps the required columns by position and known optional columns wherever they stand", () => {
    expect(checkHeader([...REQUIRED, "备注", "无关列", "监护人电话", "银行账号"])).toEqual({
      ok: true,
      columns: {
        name: 0,
        idNumber: 1,
        hukouRegionCode: 2,
        villageCode: 3,
        residence: 4,
        phone: 5,
        address: 6,
        notes: 7,
        guardianPhone: 9,
        bankAccount: 10,
      },
    });
  });

  it("tolerates a BOM, spaces and full-width brackets", () => {
    const header = ["\uFEFF姓名", " 身份证号 ", "户籍地区划代码", "居住村（社区）代码", "城 乡", "联系电话", "住址"];
    expect(checkHeader(header).ok).toBe(true);
  });

  it("names the first column that differs", () => {
    expect(checkHeader(["姓名", "身份证号", "户籍地区划代码", "居住村代码", "城乡", "联系电话", "住址"])).toEqual({
      ok: false,
      problem: "mismatch",
      column: 4,
      expected: "居住村(社区)代码",
      found: "居住村代码",
    });
    expect(checkHeader(["姓名", "身份证号"])).toEqual({ ok: false, problem: "mismatch", column: 3, expected: "户籍地区划代码", found: "" });
    expect(checkHeader(["身份证号", "姓名", ...REQUIRED.slice(2)])).toMatchObject({ ok: false, column: 1, expected: "姓名", found: "身份证号" });
  });

  it("refuses an optional column given twice, or a required column repeated after the required ones", () => {
    expect(checkHeader([...REQUIRED, "备注", "备注"])).toEqual({ ok: false, problem: "duplicate", header: "备注" });
    expect(checkHeader([...REQUIRED, "姓名"])).toEqual({ ok: false, problem: "duplicate", header: "姓名" });
  });

  it("normalises header cells", () => {
    expect(normaliseHeaderCell("\uFEFF 居住村（社区）\u3000代码 ")).toBe("居住村(社区)代码");
    expect(normaliseHeaderCell(undefined)).toBe("");
    expect(normaliseHeaderCell(12)).toBe("12");
  });
});

describe("cellValue", () => {
  it("turns spreadsheet values into text, keeping numbers apart", () => {
    expect(cellValue(null)).toBe("");
    expect(cellValue("张三")).toBe("张三");
    expect(cellValue(13812345678)).toBe(13812345678);
    expect(cellValue({ richText: [{ text: "张" }, { text: "三" }] })).toBe("张三");
    expect(cellValue({ formula: "A1", result: "610403" })).toBe("610403");
    expect(cellValue({ text: "链接", hyperlink: "http://x" })).toBe("链接");
    expect(cellValue({ error: "#N/A" })).toBe("");
    expect(cellValue(new Date("1950-03-01T00:00:00Z"))).toBe("1950-03-01");
    expect(cellValue(true)).toBe("TRUE");
  });
});

describe("readSheet", () => {
  it("reads UTF-8 CSV with or without a BOM; blank lines are skipped but keep the numbering", async () => {
    const text = `${REQUIRED.join(",")}\r\n张三,1,2,3,城镇,,"住址, 含逗号"\r\n\r\n李四,4,5,6,农村,,\r\n`;
    for (const bom of [false, true]) {
      const sheet = await readSheet(csv(text, bom));
      expect(sheet).toEqual({
        ok: true,
        header: REQUIRED,
        rows: [
          { row: 1, cells: ["张三", "1", "2", "3", "城镇", "", "住址, 含逗号"] },
          { row: 3, cells: ["李四", "4", "5", "6", "农村", "", ""] },
        ],
      });
    }
  });

  it("counts a quoted line break as part of one row", async () => {
    const sheet = await readSheet(csv(`${REQUIRED.join(",")}\n张三,1,2,3,城镇,,"第一行\n第二行"\n李四,4,5,6,农村,,\n`));
    expect(sheet.ok && sheet.rows.map((r) => r.row)).toEqual([1, 2]);
  });

  it("refuses a file that is not UTF-8 (GBK from Excel's plain CSV)", async () => {
    // 姓名 in GBK
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x0a]);
    expect(await readSheet({ name: "a.csv", data: gbk })).toEqual({ ok: false, problem: "encoding" });
  });

  it("refuses old .xls files, unreadable .xlsx and files without data rows", async () => {
    expect(await readSheet({ name: "a.xls", data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]) })).toEqual({ ok: false, problem: "xls" });
    expect(await readSheet({ name: "a.xlsx", data: Buffer.from("not a zip") })).toEqual({ ok: false, problem: "unreadable" });
    expect(await readSheet({ name: "a.xlsx", data: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]) })).toEqual({ ok: false, problem: "unreadable" });
    expect(await readSheet(csv(""))).toEqual({ ok: false, problem: "empty" });
    expect(await readSheet(csv(`${REQUIRED.join(",")}\n\n`))).toEqual({ ok: false, problem: "empty" });
  });

  it("reads the first worksheet of an .xlsx, numbering rows as Excel does and keeping numbers as numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("第一页");
    sheet.addRow(REQUIRED);
    sheet.addRow(["张三", "610403194103151230", 610403, "610403001001", "城镇", 13812345678, { richText: [{ text: "某路" }, { text: "1 号" }] }]);
    sheet.getRow(4).values = ["李四", 6.10403194103151e17, "610403", "610403001001", "农村", "", ""];
    workbook.addWorksheet("第二页").addRow(["ignored"]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readSheet({ name: "名单.xlsx", data })).toEqual({
      ok: true,
      header: REQUIRED,
      rows: [
        { row: 1, cells: ["张三", "610403194103151230", 610403, "610403001001", "城镇", 13812345678, "某路1 号"] },
        { row: 3, cells: ["李四", 610403194103151000, "610403", "610403001001", "农村", "", ""] },
      ],
    });
  });
});

import { describe, expect, it } from "vitest";
import { formatImportText, importReport } from "./elders";

const result = {
  created: 2,
  updated: 1,
  unchanged: 0,
  invalid: 1,
  errors: [{ row: 3, field: "联系电话", message: "请输入正确的 11 位手机号码。", extra: "dropped" }],
};

describe("elders import output", () => {
  it("prints exactly the documented keys, in order", () => {
    expect(JSON.stringify(importReport(result))).toBe(
      '{"created":2,"updated":1,"unchanged":0,"invalid":1,"errors":[{"row":3,"field":"联系电话","message":"请输入正确的 11 位手机号码。"}]}',
    );
  });

  it("summarizes in Chinese without --json", () => {
    expect(formatImportText(importReport(result), true).split("\n")).toEqual([
      "检查结果（未写入）：新增 2，更新 1，无变化 0，有问题 1 行。",
      "第 3 行  联系电话  请输入正确的 11 位手机号码。",
    ]);
    const header = { created: 0, updated: 0, unchanged: 0, invalid: 0, errors: [{ row: 0, field: "表头", message: "表头不正确" }] };
    expect(formatImportText(header, false)).toBe("导入完成：新增 0，更新 0，无变化 0，有问题 0 行。\n文件  表头  表头不正确");
  });
});

import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { print, wantsJson, withDatabase, ZCounty } from "./context";
import { NO_REQUEST_META } from "@/lib/authz/actor";
import { importElders, type TImportProgress, type TImportResult } from "@/lib/elders/import";
import { systemActor } from "@/lib/testing/factories";


const PHASE = { parse: "读取文件", validate: "逐行检查", write: "写入" } as const;

/** The report in the documented shape, keys in this order. */
export function importReport(result: TImportResult): TImportResult {
  return {
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    invalid: result.invalid,
    errors: result.errors.map((e) => ({ row: e.row, field: e.field, message: e.message })),
  };
}

export function formatImportText(result: TImportResult, dryRun: boolean): string {
  const head = `${dryRun ? "检查结果（未写入）" : "导入完成"}：新增 ${result.created}，更新 ${result.updated}，无变化 ${result.unchanged}，有问题 ${result.invalid} 行。`;
  const lines = result.errors.map((e) => `第 ${e.row} 行  ${e.field}  ${e.message}`.replace(/^第 0 行/, "文件"));
  return [head, ...lines].join("\n");
}

/** Progress on stderr, for people at a terminal (stdout keeps the report alone). */
function terminalProgress(): ((p: TImportProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 250 && p.done !== p.total) return;
    last = now;
    process.stderr.write(`\r${PHASE[p.phase]} ${p.done}/${p.total}   `);
    if (p.phase === "write" && p.done === p.total) process.stderr.write("\n");
  };
}

export function registerElderCommands(program: Command) {
  const elders = program.command("elders").description("老年人档案");
  elders
    .command("import <file>")
    .description(
      "从 .xlsx 或 .csv（UTF-8）导入老年人档案，按身份证号新增或更新；先检查全部行，有效行在一个事务中写入。" +
        '输出 {"created","updated","unchanged","invalid","errors":[{"row","field","message"}]}；有问题行时退出码为 1。',
    )
    .requiredOption("--county <code>", "6 位县级区划代码（以该县系统身份导入）")
    .option("--dry-run", "只检查并报告，不写入")
    .action(async (file: string, opts: { county: string; dryRun?: boolean }, command: Command) => {
      const county = ZCounty.parse(opts.county);
      let data: Buffer;
      try {
        data = await readFile(file);
      } catch {
        throw new Error(`无法读取文件 ${file}。`);
      }
      const dryRun = Boolean(opts.dryRun);
      const result = await withDatabase(() =>
        importElders(systemActor(county), NO_REQUEST_META, { name: path.basename(file), data }, {
          countyCode: county,
          dryRun,
          onProgress: wantsJson(command) ? undefined : terminalProgress(),
        }),
      );
      const report = importReport(result);
      print(command, report, () => formatImportText(report, dryRun));
      if (report.errors.length > 0) process.exitCode = 1;
    });
}

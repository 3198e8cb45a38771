import type { Command } from "commander";
import { z } from "zod";
import { assertCounty, print, withDatabase, ZCounty } from "./context";
import { isValidMonth } from "@/lib/dates";
import { formatFen } from "@/lib/money";
import { systemActor } from "@/lib/testing/factories";
import { dueTotals } from "@/lib/entitlements/queries";
import { recomputeCounty } from "@/lib/entitlements/recompute";

const ZMonth = z.string().refine(isValidMonth, { message: "--month 须为年月 YYYY-MM，例如 2026-12" });

export function registerEntitlementCommands(program: Command) {
  const entitlements = program.command("entitlements").description("享受待遇：应发金额与重新计算");
  entitlements
    .command("due")
    .description("一个县某月的应发人数与金额（按项目），即每项待遇在该月的应发额之和")
    .requiredOption("--county <code>", "6 位县级区划代码，例如 610403")
    .requiredOption("--month <YYYY-MM>", "月份，例如 2026-12")
    .action(async (opts: { county: string; month: string }, command: Command) => {
      const county = ZCounty.parse(opts.county);
      const month = ZMonth.parse(opts.month);
      const totals = await withDatabase(async () => {
        await assertCounty(county);
        return dueTotals(county, month);
      });
      print(command, totals, () =>
        [`${county} ${month} 应发 ${totals.count} 人次，合计 ${formatFen(totals.totalFen)}`, ...totals.byItem.map((i) => `  ${i.itemCode.padEnd(12)} ${String(i.count).padStart(7)} 人次  ${formatFen(i.totalFen)}`)].join("\n"),
      );
    });
  entitlements
    .command("recompute")
    .description("按登记信息、清单版本和县级参数重新计算一个县的全部享受待遇，只写入有变化的（再次运行应为 0）")
    .requiredOption("--county <code>", "6 位县级区划代码，例如 610403")
    .action(async (opts: { county: string }, command: Command) => {
      const county = ZCounty.parse(opts.county);
      const started = performance.now();
      const result = await withDatabase(async () => {
        await assertCounty(county);
        return recomputeCounty(county, { actor: systemActor(county, "cli") });
      });
      const out = { county, ...result, ms: Math.round(performance.now() - started) };
      print(command, out, () =>
        `${county}：${result.entitlements} 项待遇，${result.changed} 项有变化（新增待审核 ${result.proposalsCreated} 条，新增追缴 ${result.overpaymentsCreated} 条），用时 ${(out.ms / 1000).toFixed(1)} 秒`,
      );
    });
}

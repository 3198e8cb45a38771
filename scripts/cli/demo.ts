import type { Command } from "commander";
import { z } from "zod";
import { print, withDatabase } from "./context";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { NO_REQUEST_META } from "@/lib/authz/actor";
import { generateCountyElders, type TGenerateCountyResult } from "@/lib/testing/demo-elders";
import { systemActor } from "@/lib/testing/factories";

const ZOptions = z.object({
  county: z.string().regex(/^\d{6}$/, { message: "--county 须为 6 位县级区划代码，例如 610403" }),
  elders: z.coerce
    .number({ message: "--elders 须为正整数" })
    .int({ message: "--elders 须为正整数" })
    .min(1, { message: "--elders 须为正整数" })
    .max(2_000_000, { message: "--elders 最多 2000000" }),
  seed: z.coerce
    .number({ message: "--seed 须为整数" })
    .int({ message: "--seed 须为整数" })
    .min(0, { message: "--seed 须为 0 到 4294967295 之间的整数" })
    .max(0xffffffff, { message: "--seed 须为 0 到 4294967295 之间的整数" }),
});

/** Progress on stderr, so that stdout stays clean for --json. */
function progressReporter() {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done !== total && done !== 0 && now - last < 1000) return;
    last = now;
    process.stderr.write(`已写入 ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} 名老年人\n`);
  };
}

export function registerDemoCommands(program: Command) {
  const demo = program.command("demo").description("演示与压测数据");
  demo
    .command("generate")
    .description("为一个县生成逼真的老年人档案和情况记录（同一 --seed 生成同样的人）")
    .requiredOption("--county <code>", "6 位县级区划代码，例如 610403")
    .option("--elders <n>", "生成的老年人数量", "1000")
    .option("--seed <n>", "随机种子", "1")
    .action(async (opts: { county: string; elders: string; seed: string }, command: Command) => {
      const { county, elders, seed } = ZOptions.parse(opts);
      const result: TGenerateCountyResult = await withDatabase(async () => {
        const generated = await generateCountyElders({ countyCode: county, count: elders, seed, onProgress: progressReporter() });
        await recordAudit(db, systemActor(county, "demo"), NO_REQUEST_META, {
          type: "system.demo_seeded",
          entityType: "system",
          entityId: null,
          countyCode: county,
          after: { elders: generated.elders, circumstances: generated.circumstances, seed },
        });
        return generated;
      });
      print(command, result, () =>
        `已为 ${result.countyCode} 生成 ${result.elders} 名老年人、${result.circumstances} 条情况记录（种子 ${result.seed}，用时 ${result.seconds} 秒）。`,
      );
    });
}

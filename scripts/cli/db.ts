import type { Command } from "commander";
import { print, withDatabase } from "./context";
import { migrate } from "../lib/setup.mjs";
import { isDemoSeeded, seedDemo } from "@/lib/seed/demo";


export function registerDbCommands(program: Command) {
  const db = program.command("db").description("数据库：迁移与演示数据");

  db.command("migrate")
    .description("应用全部数据库迁移 (prisma migrate deploy) 到当前使用的数据库")
    .action(async (_opts, command: Command) => {
      const output = await withDatabase((url) => migrate(url));
      print(command, { ok: true }, () => output.trim() || "数据库迁移已完成。");
    });

  db.command("seed")
    .description("写入演示数据：五个示范县的区划和杨陵区的演示账户")
    .option("--demo", "写入演示数据 (required)")
    .option("--if-empty", "数据库中已有演示账户时不做任何事")
    .action(async (opts: { demo?: boolean; ifEmpty?: boolean }, command: Command) => {
      if (!opts.demo) throw new Error("请指定 --demo（目前只有演示数据）。");
      const result = await withDatabase(async () => {
        if (opts.ifEmpty && (await isDemoSeeded())) return { regionsAdded: 0, usersAdded: [], eldersAdded: 0, casesAdded: 0, skipped: true };
        return { ...(await seedDemo()), skipped: false };
      });
      print(command, result, () =>
        result.skipped
          ? "演示数据已存在，未做改动。"
          : `演示数据已写入：新增区划 ${result.regionsAdded} 个，新增账户 ${result.usersAdded.length} 个${
              result.usersAdded.length ? `（${result.usersAdded.join("、")}）` : ""
            }，新增老年人档案 ${result.eldersAdded} 份，新增演示业务 ${result.casesAdded} 件。`,
      );
    });
}

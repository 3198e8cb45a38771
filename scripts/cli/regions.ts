import type { Command } from "commander";
import { print, withDatabase, ZCounty } from "./context";
import { listCountyRegions } from "@/lib/regions/queries";


export function registerRegionCommands(program: Command) {
  const regions = program.command("regions").description("行政区划");
  regions
    .command("list")
    .description("列出一个县的区划：{code, name, level, parentCode}")
    .requiredOption("--county <code>", "6 位县级区划代码")
    .action(async (opts: { county: string }, command: Command) => {
      const county = ZCounty.parse(opts.county);
      const rows = await withDatabase(() => listCountyRegions(county));
      if (rows.length === 0) throw new Error(`没有找到县级区划 ${county}。`);
      print(command, rows, () => rows.map((r) => `${r.code}  ${r.level.padEnd(8)}  ${r.name}`).join("\n"));
    });
}

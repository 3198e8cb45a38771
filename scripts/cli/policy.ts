import type { Command } from "commander";
import { z } from "zod";
import { print, withDatabase, ZCounty } from "./context";
import { todayInShanghai, isValidIsoDate } from "@/lib/dates";
import { parseFactsJson, resolveFactsInput } from "@/lib/catalogue/facts-input";
import { evaluateFactsInCounty, publicEvaluation, type TPublicEvaluation } from "@/lib/catalogue/evaluation";
import { SEED_COUNTY_CODES } from "@/lib/catalogue/data";
import { loadSeedCatalogue, retireDueVersions, type TSeedLoadResult } from "@/lib/catalogue/service";

const EXAMPLE = `{"birthDate":"1941-03-15","sex":"female","hukouRegion":"610403"}`;

const ZEvaluateOptions = z.object({
  county: ZCounty,
  asOf: z
    .string()
    .refine(isValidIsoDate, { message: "--as-of 须为有效日期 YYYY-MM-DD，例如 2026-11-01" })
    .optional(),
});

async function readStdin(): Promise<string> {
  // Waiting on a terminal would look like a hang; the facts are meant to be piped in.
  if (process.stdin.isTTY) throw new Error(`请通过标准输入提供人员情况 JSON，例如 echo '${EXAMPLE}' | npm run cli -- policy evaluate --county 610403`);
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

/**
 * `policy evaluate`: facts JSON text → the documented answer, against the catalogue in force in
 * the database in use (or the seed catalogue, with a note, when the county has none there).
 * Invalid facts throw a Chinese message (the command exits non-zero).
 */
export async function evaluateFactsText(text: string, county: string, asOf: string): Promise<TPublicEvaluation> {
  const input = parseFactsJson(text);
  const { facts, notes, sexAssumed } = resolveFactsInput(input, { countyCode: county, asOf, today: todayInShanghai() > asOf ? todayInShanghai() : asOf });
  return publicEvaluation(await evaluateFactsInCounty(county, facts, { notes, sexAssumed, fallbackToSeed: true }));
}

export function registerPolicyCommands(program: Command) {
  const policy = program.command("policy").description("政策引擎：按服务清单判断资格与金额");
  policy
    .command("evaluate")
    .description(`从标准输入读取人员情况 JSON，按该县在查询日期生效的服务清单逐项判断资格、金额和理由，输出 JSON，例如 ${EXAMPLE}`)
    .requiredOption("--county <code>", "6 位县级区划代码，例如 610403")
    .option("--as-of <date>", "查询日期 YYYY-MM-DD（默认今天）")
    .action(async (opts: { county: string; asOf?: string }) => {
      const { county, asOf } = ZEvaluateOptions.parse(opts);
      const text = await readStdin();
      const day = asOf ?? todayInShanghai();
      // Facts are checked before the database is opened, so bad input fails fast.
      resolveFactsInput(parseFactsJson(text), { countyCode: county, asOf: day, today: todayInShanghai() > day ? todayInShanghai() : day });
      const result = await withDatabase(() => evaluateFactsText(text, county, day));
      process.stdout.write(`${JSON.stringify(result)}\n`);
    });

  const catalogue = program.command("catalogue").description("服务清单：载入与维护");
  catalogue
    .command("load")
    .description("把内置的种子清单作为已发布的第 1 版载入数据库（已有版本的县不做改动）")
    .option("--county <code>", "6 位县级区划代码")
    .option("--all", "五个示范县全部载入")
    .action(async (opts: { county?: string; all?: boolean }, command: Command) => {
      if (!opts.all && !opts.county) throw new Error("请指定 --county <代码> 或 --all");
      const codes = opts.all ? [...SEED_COUNTY_CODES] : [ZCounty.parse(opts.county)];
      const results: TSeedLoadResult[] = await withDatabase(async () => {
        const out: TSeedLoadResult[] = [];
        for (const code of codes) out.push(await loadSeedCatalogue(code));
        return out;
      });
      print(command, results, () =>
        results
          .map((r) =>
            r.status === "created"
              ? `${r.countyCode}：已载入种子清单，第 ${r.number} 版（已发布）`
              : r.status === "exists"
                ? `${r.countyCode}：数据库中已有清单，未做改动`
                : `${r.countyCode}：没有该县的种子清单`,
          )
          .join("\n"),
      );
      if (results.some((r) => r.status === "unknown")) process.exitCode = 1;
    });
  catalogue
    .command("retire-due")
    .description("把已被新版本取代（新版本已生效）的已发布版本标记为已废止（可每日运行）")
    .requiredOption("--county <code>", "6 位县级区划代码")
    .action(async (opts: { county: string }, command: Command) => {
      const county = ZCounty.parse(opts.county);
      const retired = await withDatabase(() => retireDueVersions(county));
      print(command, { county, retired }, () => (retired.length ? `已废止第 ${retired.join("、")} 版` : "没有需要废止的版本"));
    });
}

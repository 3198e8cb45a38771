import type { Command } from "commander";
import { print } from "./context";
import { INDICATOR_CODES, INDICATOR_MAX_SCORES, TOTAL_MAX_SCORE } from "@/lib/assessment/items";
import { scoreAssessment, type TScoreOptions, type TScoreResult } from "@/lib/assessment/score";
import zh from "@/messages/zh-CN/assessment.json" with { type: "json" };

const EXAMPLE = `{"items":{"B1.1":4,…,"B4.5":4},"coma":false,"diagnoses":["F01"],"riskEvents30d":0}`;

/** Scores the JSON text of one assessment; bad JSON or input throws a Chinese message. */
export function scoreFromJson(text: string, options: Partial<TScoreOptions> = {}): TScoreResult {
  if (!text.trim()) throw new Error(`标准输入为空，请提供评估 JSON，例如 ${EXAMPLE}`);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new Error(`输入不是有效的 JSON（${(error as Error).message}）`);
  }
  return scoreAssessment(input as Parameters<typeof scoreAssessment>[0], options);
}

const levelName = (level: number) => `${level} ${zh.levels[String(level) as keyof typeof zh.levels]}`;

export function formatScoreText(result: TScoreResult): string {
  const indicators = INDICATOR_CODES.map((c) => `${zh.indicators[c]} ${result.indicators[c]}/${INDICATOR_MAX_SCORES[c]}`);
  return [
    `总分 ${result.total}/${TOTAL_MAX_SCORE}（${indicators.join("，")}）`,
    `初步等级 ${levelName(result.preliminaryLevel)}`,
    ...result.changes.map(
      (c) => `等级变更 ${zh.changes[c.rule]}：${c.from === c.to ? `等级不变（${c.from}）` : `${c.from} → ${c.to}`}`,
    ),
    `最终等级 ${levelName(result.finalLevel)}`,
  ].join("\n");
}

async function readStdin(): Promise<string> {
  // Waiting on a terminal would look like a hang; the input is meant to be piped in.
  if (process.stdin.isTTY) throw new Error(`请通过标准输入提供评估 JSON，例如 echo '${EXAMPLE}' | npm run cli -- assess score`);
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

export function registerAssessCommands(program: Command) {
  const assess = program.command("assess").description("老年人能力评估（GB/T 42195-2022）");
  assess
    .command("score")
    .description(`从标准输入读取评估 JSON，计算指标得分、总分、初步等级与最终等级，例如 ${EXAMPLE}`)
    .option("--stack-one-up-rules", "诊断与照护风险事件两条“提高一个等级”同时适用时各提高一级（默认只提高一级）")
    .action(async (opts: { stackOneUpRules?: boolean }, command: Command) => {
      const result = scoreFromJson(await readStdin(), { stackOneUpRules: Boolean(opts.stackOneUpRules) });
      print(command, result, () => formatScoreText(result));
    });
}

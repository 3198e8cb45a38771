import type { Command } from "commander";
import { z } from "zod";
import { print, withDatabase, ZCounty, assertCounty } from "./context";
import { NO_REQUEST_META } from "@/lib/authz/actor";
import { systemActor } from "@/lib/testing/factories";
import { COUNTY_SETTINGS, defaultCountySetting, getCountySetting, setCountySetting, type TCountySettingKey } from "@/lib/settings/county-settings";

const KEYS = Object.keys(COUNTY_SETTINGS) as TCountySettingKey[];
const ZKey = z.enum(KEYS as [TCountySettingKey, ...TCountySettingKey[]], { message: `--key 须为以下之一：${KEYS.join("、")}` });

/** The value as JSON, checked against the setting's schema with a message naming what is wrong. */
function parseValue(key: TCountySettingKey, text: string): unknown {
  const example = JSON.stringify(defaultCountySetting(key));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`--value 须为 JSON，例如 --value '${example}'`);
  }
  const parsed = COUNTY_SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "值"}：${i.message}`).join("；");
    throw new Error(`${key} 的值不符合格式（${problems}），例如 --value '${example}'`);
  }
  return parsed.data;
}

export function registerSettingCommands(program: Command) {
  const settings = program.command("settings").description(`县级设置（${KEYS.join("、")}）`);
  settings
    .command("get")
    .description("显示一个县的设置（未设置的显示默认值）")
    .requiredOption("--county <code>", "6 位县级区划代码")
    .option("--key <key>", `只显示一项：${KEYS.join("、")}`)
    .action(async (opts: { county: string; key?: string }, command: Command) => {
      const county = ZCounty.parse(opts.county);
      const keys = opts.key ? [ZKey.parse(opts.key)] : KEYS;
      const values = await withDatabase(async () => {
        await assertCounty(county);
        const out: Record<string, unknown> = {};
        for (const key of keys) out[key] = await getCountySetting(county, key);
        return out;
      });
      const value = opts.key ? values[opts.key] : values;
      print(command, value, () => Object.entries(values).map(([k, v]) => `${k.padEnd(28)} ${JSON.stringify(v)}`).join("\n"));
    });
  settings
    .command("set")
    .description("修改一个县的一项设置（记入操作日志）")
    .requiredOption("--county <code>", "6 位县级区划代码")
    .requiredOption("--key <key>", KEYS.join("、"))
    .requiredOption("--value <json>", "JSON 值，例如 '\"approval_month\"' 或 '{\"under80Months\":24,\"age80PlusMonths\":12}'")
    .action(async (opts: { county: string; key: string; value: string }, command: Command) => {
      const county = ZCounty.parse(opts.county);
      const key = ZKey.parse(opts.key);
      const value = parseValue(key, opts.value);
      const saved = await withDatabase(async () => {
        await assertCounty(county);
        return setCountySetting(systemActor(county, "cli"), NO_REQUEST_META, key, value);
      });
      print(command, { county, key, value: saved }, () => `${county} 的 ${key} 已设为 ${JSON.stringify(saved)}`);
    });
}

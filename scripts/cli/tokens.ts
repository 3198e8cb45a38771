import type { Command } from "commander";
import { z } from "zod";
import { print, withDatabase } from "./context";
import { db } from "@/lib/db";
import { NO_REQUEST_META } from "@/lib/authz/actor";
import { systemActor } from "@/lib/testing/factories";
import { createToken, revokeToken } from "@/lib/tokens/service";
import { listTokens } from "@/lib/tokens/queries";
import { ZCreateToken } from "@/lib/tokens/schemas";
import { parseInput } from "@/lib/entry/parse";

// The CLI acts as the system actor of the account's county (audited as "cli").
const CLI_ACTOR = "cli";

async function findUser(username: string) {
  const user = await db.user.findUnique({ where: { username }, select: { id: true, countyCode: true, username: true } });
  if (!user) throw new Error(`找不到用户名为「${username}」的账户`);
  return user;
}

const ZTokenId = z.string().uuid({ message: "--id 须为令牌 ID（见 tokens list 的输出）" });

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) : "—");

export function registerTokenCommands(program: Command) {
  const tokens = program.command("tokens").description("API 令牌：为工作人员账户签发、列出、吊销（对接系统以该账户的角色和区划调用 /api/v1）");
  tokens
    .command("create")
    .description("为账户签发一个新令牌；令牌只显示这一次，请立即妥善保存")
    .requiredOption("--user <username>", "账户的用户名")
    .option("--name <name>", "令牌名称（用途，如对接的系统）", "命令行签发")
    .action(async (opts: { user: string; name: string }, command: Command) => {
      const issued = await withDatabase(async () => {
        const user = await findUser(opts.user);
        const input = parseInput(ZCreateToken, { userId: user.id, name: opts.name });
        return createToken(systemActor(user.countyCode, CLI_ACTOR), NO_REQUEST_META, input);
      });
      print(command, { token: issued.token }, () => `已为 ${opts.user} 签发令牌「${issued.name}」（只显示这一次，请立即保存）：\n${issued.token}`);
    });
  tokens
    .command("list")
    .description("列出账户的令牌（只显示前缀，不显示令牌本身）")
    .requiredOption("--user <username>", "账户的用户名")
    .action(async (opts: { user: string }, command: Command) => {
      const rows = await withDatabase(async () => {
        const user = await findUser(opts.user);
        return listTokens(systemActor(user.countyCode, CLI_ACTOR), user.id);
      });
      print(command, rows, () =>
        rows.length
          ? rows
              .map((t) => `${t.id}  ${`${t.prefix}…`.padEnd(14)} ${t.name}  签发 ${when(t.createdAt)}  最近使用 ${when(t.lastUsedAt)}${t.revokedAt ? `  已吊销（${when(t.revokedAt)}，${t.revokedBy}）` : ""}`)
              .join("\n")
          : `${opts.user} 没有令牌`,
      );
    });
  tokens
    .command("revoke")
    .description("吊销令牌：立即失效")
    .requiredOption("--id <id>", "令牌 ID（见 tokens list）")
    .action(async (opts: { id: string }, command: Command) => {
      const tokenId = ZTokenId.parse(opts.id);
      const revoked = await withDatabase(async () => {
        const token = await db.apiToken.findUnique({ where: { id: tokenId }, select: { countyCode: true } });
        if (!token) throw new Error(`找不到 ID 为 ${tokenId} 的令牌`);
        return revokeToken(systemActor(token.countyCode, CLI_ACTOR), NO_REQUEST_META, { tokenId });
      });
      print(command, { id: revoked.id, prefix: revoked.prefix, revokedAt: revoked.revokedAt, revokedBy: revoked.revokedBy }, () => `已吊销令牌 ${revoked.prefix}…（${revoked.name}）`);
    });
}

import type { Command } from "commander";
import { print, withDatabase } from "./context";
import { db } from "@/lib/db";

export function registerUserCommands(program: Command) {
  const users = program.command("users").description("工作人员账户");
  users
    .command("list")
    .description("列出工作人员账户（不含密码）")
    .option("--county <code>", "只列出该县的账户")
    .action(async (opts: { county?: string }, command: Command) => {
      const rows = await withDatabase(() =>
        db.user.findMany({
          where: opts.county ? { countyCode: opts.county } : {},
          select: { username: true, displayName: true, role: true, regionCode: true, active: true, lastLoginAt: true },
          orderBy: [{ regionCode: "asc" }, { username: "asc" }],
        }),
      );
      print(command, rows, () =>
        rows.map((u) => `${u.username.padEnd(14)} ${u.role.padEnd(18)} ${u.regionCode}  ${u.displayName}${u.active ? "" : "（已停用）"}`).join("\n"),
      );
    });
}

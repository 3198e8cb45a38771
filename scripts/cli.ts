#!/usr/bin/env tsx
// The Yiyang command line: `npm run cli -- <command>`. Every command accepts --json for
// machine-readable output. Without DATABASE_URL it uses the embedded database (the one a
// running `npm start` serves, or opens it itself).
import { Command, Option } from "commander";
import { fail } from "./cli/context";
import { registerDbCommands } from "./cli/db";
import { registerRegionCommands } from "./cli/regions";
import { registerUserCommands } from "./cli/users";
import { registerAssessCommands } from "./cli/assess";
import { registerElderCommands } from "./cli/elders";
import { registerDemoCommands } from "./cli/demo";
import { registerPolicyCommands } from "./cli/policy";
import { registerTokenCommands } from "./cli/tokens";
import { registerSettingCommands } from "./cli/settings";
import { registerJobCommands } from "./cli/jobs";

const program = new Command()
  .name("yiyang")
  .description("颐养 基本养老服务业务系统 命令行工具")
  .addOption(new Option("--json", "以 JSON 输出 (machine-readable output)"))
  .showHelpAfterError()
  .configureOutput({ outputError: (str, write) => write(str) });

registerDbCommands(program);
registerRegionCommands(program);
registerUserCommands(program);
registerAssessCommands(program);
registerElderCommands(program);
registerDemoCommands(program);
registerPolicyCommands(program);
registerTokenCommands(program);
registerSettingCommands(program);
registerJobCommands(program);


program.parseAsync(process.argv).catch((error: unknown) => fail(error));

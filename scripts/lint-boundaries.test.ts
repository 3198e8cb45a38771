import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

// The import boundaries of eslint.config.mjs, checked on small files placed where they would
// live: each line that crosses a boundary must be reported, each that does not must pass.
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.line);
}

const FORBIDDEN_IN_PAGES = [
  'import { db } from "@/lib/db";',
  'import type { Elder } from "@/lib/generated/prisma/client";',
  'import { updateElder } from "@/lib/elders/service";',
  'import { setCountySetting } from "@/lib/settings/county-settings";',
  'import { recordAudit } from "@/lib/audit/record";',
];

describe("import boundaries", { timeout: 60_000 }, () => {
  it("keep pages and layouts away from the database, Prisma and service writes", async () => {
    const code = [...FORBIDDEN_IN_PAGES, 'import { getElder } from "@/lib/elders/queries";', 'import type { TIssuedToken } from "@/lib/tokens/service";', "export const x = [db, updateElder, setCountySetting, recordAudit, getElder];", "export type T = Elder | TIssuedToken;"].join("\n");
    expect(await boundaryErrors("app/(staff)/elders/page.tsx", code)).toEqual([1, 2, 3, 4, 5]);
    expect(await boundaryErrors("app/(staff)/layout.tsx", code)).toEqual([1, 2, 3, 4, 5]);
  });

  it("let server actions and route handlers call services, but not the database", async () => {
    const code = ['import { db } from "@/lib/db";', 'import { updateElder } from "@/lib/elders/service";', "export const x = [db, updateElder];"].join("\n");
    expect(await boundaryErrors("app/(staff)/elders/actions.ts", code)).toEqual([1]);
    expect(await boundaryErrors("app/api/v1/elders/route.ts", code)).toEqual([1]);
  });

  it("keep components from loading data", async () => {
    const code = [
      ...FORBIDDEN_IN_PAGES,
      'import { listElderCases } from "@/lib/cases/queries";',
      'import { evaluateElder } from "@/lib/catalogue/evaluation";',
      'import type { TElderCase } from "@/lib/cases/queries";',
      'import type { TEvaluation } from "@/lib/catalogue/evaluation";',
      'import { formatFen } from "@/lib/money";',
      "export const x = [db, updateElder, setCountySetting, recordAudit, listElderCases, evaluateElder, formatFen];",
      "export type T = Elder | TElderCase | TEvaluation;",
    ].join("\n");
    expect(await boundaryErrors("components/cases/elder-cases.tsx", code)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await boundaryErrors("components/ui/table.tsx", code)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("leave lib, scripts and tests free to use the database", async () => {
    const code = ['import { db } from "@/lib/db";', 'import { updateElder } from "@/lib/elders/service";', "export const x = [db, updateElder];"].join("\n");
    expect(await boundaryErrors("lib/elders/export.ts", code)).toEqual([]);
    expect(await boundaryErrors("scripts/cli/elders.ts", code)).toEqual([]);
  });
});

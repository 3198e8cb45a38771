// ESLint: Next.js (core web vitals) and typescript-eslint rules, plus the import boundaries
// that keep the layering of CONVENTIONS.md without anyone remembering it. `npm test` runs it
// as its own step. typescript-eslint needs TypeScript's classic API, which TypeScript 7 no longer
// ships: see docs/decisions/001-stack-and-versions.md for the typescript / @typescript/native pair.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const NO_DATABASE = [
  { group: ["@/lib/db", "**/lib/db"], message: "Pages, components and entry points read through lib/<domain>/queries and write through services, never through the database client." },
  { group: ["@/lib/generated/**", "**/lib/generated/**"], message: "The Prisma client and its types stay inside lib/: take the domain's own types." },
];
const NO_SERVICES = [
  {
    group: ["@/lib/*/service", "**/lib/*/service"],
    allowTypeImports: true,
    message: "Pages and components do not write: call a server action (actions.ts) or a route handler (route.ts), which calls the service.",
  },
];
const NO_QUERIES = [
  { group: ["@/lib/*/queries", "**/lib/*/queries"], allowTypeImports: true, message: "Components under components/<domain> receive their data as props; the page loads it." },
];
// Writers that live beside readers in one module.
const WRITE_FUNCTIONS = [
  { name: "@/lib/settings/county-settings", importNames: ["setCountySetting", "writeCountySetting"], message: "Settings are written by the settings service, through a server action." },
  { name: "@/lib/audit/record", message: "Audit records are written by services, in the transaction of the change." },
];
// Loaders that live beside pure helpers and types.
const LOADERS = [
  {
    name: "@/lib/catalogue/evaluation",
    importNames: ["evaluateElder", "evaluateFactsInCounty", "evaluateTypedFacts", "loadCountyFacts", "previewVersion"],
    message: "Components receive evaluations as props; the page (or action) evaluates.",
  },
];

const restrict = (patterns, paths = []) => ({ "@typescript-eslint/no-restricted-imports": ["error", { patterns, paths }] });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "playwright-report/**", "test-results/**"]),
  {
    rules: {
      // Unused code is a defect here, not a warning; `_name` marks an argument kept on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-unused-expressions": "error",
    },
  },
  // Pages, layouts and components: no database, no Prisma types, no service writes.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: restrict([...NO_DATABASE, ...NO_SERVICES], WRITE_FUNCTIONS),
  },
  // Server actions and route handlers may call services, but not the database directly.
  {
    files: ["app/**/actions.ts", "app/**/route.ts", "app/**/*-action.ts"],
    rules: restrict(NO_DATABASE),
  },
  // Components (components/ui and components/<domain>) never load data: the page passes it in.
  {
    files: ["components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: restrict([...NO_DATABASE, ...NO_SERVICES, ...NO_QUERIES], [...WRITE_FUNCTIONS, ...LOADERS]),
  },
]);

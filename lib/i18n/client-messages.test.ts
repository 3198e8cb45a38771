import { describe, expect, it } from "vitest";
import zh from "@/messages/zh-CN";
import { BASE_CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";
import { clientModulesOf, hasDirective, readSource, sourceFiles } from "@/lib/testing/source-graph";

// Every page sends the browser only the messages its client components use (see
// components/i18n/client-messages.tsx). This walks the imports of each page and layout, finds the
// client components it renders and the namespaces they name in useTranslations("…"), and compares
// them with what the page declares: export default withClientMessages([…], async function Page…).

const USE_TRANSLATIONS = /\buseTranslations\(([^)]*)\)/g;

/** The namespaces a client module asks for; a call without a literal namespace is a problem. */
function namespacesOf(file: string, problems: string[]): string[] {
  const out: string[] = [];
  for (const m of readSource(file).matchAll(USE_TRANSLATIONS)) {
    const literal = m[1].trim().match(/^["']([^"']+)["']$/);
    if (literal) out.push(literal[1]);
    else problems.push(`${file}: useTranslations(${m[1]}) — a client component must name its namespace as a string literal, e.g. useTranslations("registry")`);
  }
  return out;
}

const covers = (declared: string, needed: string) => needed === declared || needed.startsWith(`${declared}.`);

function declaredIn(file: string): string[] | null {
  const blocks = [...readSource(file).matchAll(/\b(?:withClientMessages\(|<ClientMessages\s+namespaces=\{)\s*\[([^\]]*)\]/g)];
  if (blocks.length === 0) return null;
  if (blocks.length > 1) throw new Error(`${file}: one withClientMessages/<ClientMessages> per page (they do not nest)`);
  return [...blocks[0][1].matchAll(/["']([^"']+)["']/g)].map((m) => m[1]);
}

const appFiles = sourceFiles("app");
const pages = appFiles.filter((f) => /\/page\.tsx$/.test(f));
const shells = appFiles.filter((f) => /(^|\/)(layout|template|not-found|error|global-error|loading)\.tsx$/.test(f));

describe("client messages", () => {
  it("finds the pages and the client components they render", () => {
    expect(pages.length).toBeGreaterThan(20);
    expect(clientModulesOf("app/(staff)/elders/[id]/page.tsx")).toContain("components/elders/reveal-value.tsx");
  });

  it("every page declares exactly the namespaces its client components use", () => {
    const problems: string[] = [];
    for (const page of pages) {
      const needed = new Map<string, string>();
      for (const client of clientModulesOf(page)) for (const ns of namespacesOf(client, problems)) needed.set(ns, client);
      const declared = declaredIn(page) ?? [];
      const available = [...BASE_CLIENT_NAMESPACES, ...declared];
      for (const [ns, client] of needed) {
        if (!available.some((d) => covers(d, ns))) problems.push(`${page} renders ${client}, which uses "${ns}": add it to the page's withClientMessages([…], …)`);
      }
      for (const ns of declared) {
        if (![...needed.keys()].some((n) => covers(ns, n))) problems.push(`${page} declares "${ns}" in withClientMessages, but none of its client components uses it: remove it`);
        else if ((BASE_CLIENT_NAMESPACES as readonly string[]).some((b) => covers(b, ns))) problems.push(`${page} declares "${ns}", which every page already has`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it("layouts and error pages render only client components that need the base namespaces", () => {
    const problems: string[] = [];
    for (const shell of shells) {
      const clients = hasDirective(shell, "use client") ? [shell] : clientModulesOf(shell);
      for (const client of clients) {
        for (const ns of namespacesOf(client, problems)) {
          if (!BASE_CLIENT_NAMESPACES.some((b) => covers(b, ns))) problems.push(`${shell} renders ${client}, which uses "${ns}": layouts get only ${BASE_CLIENT_NAMESPACES.join(", ")}`);
        }
      }
      if (declaredIn(shell)) problems.push(`${shell}: client messages are declared by pages, not layouts`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it("picks whole namespaces and nested ones, and refuses unknown ones", () => {
    const picked = pickMessages(zh, ["nav", "cases.bulk"]) as Record<string, Record<string, unknown>>;
    expect(Object.keys(picked).sort()).toEqual(["cases", "nav"]);
    expect(picked.nav).toEqual(zh.nav);
    expect(Object.keys(picked.cases)).toEqual(["bulk"]);
    expect(() => pickMessages(zh, ["no.such.namespace"])).toThrow(/no\.such\.namespace/);
  });

  it("the base namespaces are a small part of the catalogue", () => {
    const base = JSON.stringify(pickMessages(zh, BASE_CLIENT_NAMESPACES)).length;
    expect(base).toBeLessThan(JSON.stringify(zh).length / 10);
  });
});

import { describe, expect, it } from "vitest";
import zh from "@/messages/zh-CN";
import en from "@/messages/en";

function leaves(value: unknown, prefix = ""): [string, unknown][] {
  if (typeof value !== "object" || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const keys = (value: unknown) => leaves(value).map(([k]) => k);

describe("message catalogues", () => {
  it("have the same keys in Chinese and English", () => {
    const zhKeys = keys(zh).sort();
    const enKeys = keys(en).sort();
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it("use no dots inside keys (next-intl reads a dot as nesting)", () => {
    const dotted: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value !== "object" || value === null) return;
      for (const [k, v] of Object.entries(value)) {
        if (k.includes(".")) dotted.push(`${path}${k}`);
        walk(v, `${path}${k}/`);
      }
    };
    walk(zh, "");
    walk(en, "");
    expect(dotted).toEqual([]);
  });

  it("have no empty Chinese text", () => {
    const empty = leaves(zh).filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { AUDIT_EVENT_TYPES, auditEventKey } from "@/lib/audit/events";
import zh from "@/messages/zh-CN/audit.json" with { type: "json" };

describe("audit events", () => {
  it("each has a Chinese label for the audit log page", () => {
    const labels = zh.events as Record<string, string>;
    expect(AUDIT_EVENT_TYPES.filter((type) => !labels[auditEventKey(type)])).toEqual([]);
  });
});
